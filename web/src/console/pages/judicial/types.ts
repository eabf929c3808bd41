/** What the judicial bridge (行刑衔接) answers, as the console reads it (services/judicial-bridge/src/http). */

export interface AgencyRef {
  code: string;
  name: string;
}

export interface Suspect {
  kind: 'enterprise' | 'person';
  name: string;
  uscc?: string;
}

/** GET /api/judicial/transfers */
export interface TransferSummary {
  transferId: string;
  kind: string;
  status: string;
  title: string;
  suspect: Suspect;
  problemId?: string;
  townCode?: string;
  police: AgencyRef;
  procuratorate: AgencyRef;
  courtCode?: string;
  createdAt: string;
  statusSince: string;
  version: number;
  /** a legal time limit still open has passed */
  overdue: boolean;
  /** the nearest due time among the open limits */
  nextDue?: string;
}

export interface Material {
  materialId: string;
  materialKind: string;
  title: string;
  reference: string;
  pages?: number;
}

export interface Criterion {
  code: string;
  article: string;
  zh: string;
  en: string;
}

/** The threshold check on the record of a transfer (法释〔2023〕7号, decision support). */
export interface ThresholdRecord {
  facts: Record<string, unknown>;
  suspected: boolean;
  tier?: string;
  criteria: Criterion[];
  configVersion: number;
}

export interface HistoryEntry {
  type: string;
  /** the transfer's status as the service recorded it with the event (for an answer, the status it found) */
  status: string;
  data: Record<string, any>;
  at: string;
}

export interface TimeLimitEntry {
  step: string;
  party: string;
  startAt: string;
  dueAt: string;
  warned: boolean;
  overdue: boolean;
  closedAt?: string;
}

/** GET /api/judicial/transfers/{id} (and every command's answer) */
export interface TransferDetail extends TransferSummary {
  summary: string;
  teamIds: string[];
  reportedCriteria: string[];
  materials: Material[];
  threshold?: ThresholdRecord;
  history: HistoryEntry[];
  timeLimits: TimeLimitEntry[];
}

/** GET /api/judicial/leads: suspected crimes waiting for a draft */
export interface Lead {
  leadId: string;
  source: 'cases' | 'enforcement';
  problemId?: string;
  enforcementCaseId?: string;
  enterpriseId?: string;
  title: string;
  basis: string;
  criteria: string[];
  townCode?: string;
  transferId?: string;
  receivedAt: string;
}

export interface Participant {
  agency: string;
  name: string;
  title?: string;
}

export interface Consultation {
  consultationId: string;
  transferId?: string;
  heldOn: string;
  topic: string;
  participants: Participant[];
  conclusions: string;
}

export interface Numbers {
  byStatus: Record<string, number>;
  daysInStatus: Array<{ status: string; periods: number; averageDays: number; longestDays: number }>;
  overdueByAgency: Array<{ party: string; agencyCode?: string; missed: number; stillOpen: number }>;
}

export interface Agency extends AgencyRef {
  kind: 'police' | 'procuratorate' | 'court';
  isDefault: boolean;
}

export interface ApiKey {
  keyId: string;
  agencyCode: string;
  label: string;
  createdBy: string;
  createdAt: string;
  revokedAt?: string;
}

export type { RuleHistory, RuleVersion } from '../admin/versioned-rules';

export const RULE_KINDS = ['time-limits', 'materials', 'thresholds'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface TimeLimitRule {
  party: string;
  amount: number;
  unit: 'hours' | 'days' | 'working-days';
  basis: string;
  zh: string;
  en: string;
}

/** The steps of the time-limit table, in the order a transfer meets them (names as judicial.step.<step>). */
export const TIME_LIMIT_STEPS = [
  'approval',
  'send',
  'send-detention',
  'filing',
  'filing-verification',
  'filing-major',
  'detention-decision',
  'supplement',
  'reconsideration-request',
  'reconsideration-decision',
  'supervision-proposal',
  'filing-after-order',
];

export type RequiredMaterials = Record<'criminal' | 'detention', string[]>;

/** Where a transfer stands (TRANSFER_STATUSES of the contracts; their names are judicial.status.<code>). */
export const TRANSFER_STATUSES = [
  'drafted',
  'pending-approval',
  'not-approved',
  'approved',
  'sent',
  'received',
  'materials-requested',
  'not-filed',
  'reconsideration-requested',
  'supervision-proposed',
  'filing-ordered',
  'filed',
  'prosecution-review',
  'prosecuted',
  'not-prosecuted',
  'judged',
  'detained',
  'not-detained',
  'closed',
  'withdrawn',
] as const;

export const TRANSFER_KINDS = ['criminal', 'detention'] as const;

export const MATERIAL_KINDS = ['transfer-letter', 'investigation-report', 'items-list', 'test-reports', 'site-records', 'photos-av', 'penalty-decision', 'other'] as const;

export const STATUS_COLOURS: Record<string, string> = {
  drafted: 'default',
  'pending-approval': 'gold',
  'not-approved': 'default',
  approved: 'blue',
  sent: 'geekblue',
  received: 'geekblue',
  'materials-requested': 'orange',
  'not-filed': 'volcano',
  'reconsideration-requested': 'orange',
  'supervision-proposed': 'orange',
  'filing-ordered': 'purple',
  filed: 'purple',
  'prosecution-review': 'purple',
  prosecuted: 'magenta',
  'not-prosecuted': 'default',
  judged: 'green',
  detained: 'green',
  'not-detained': 'default',
  closed: 'default',
  withdrawn: 'default',
};

/** Statuses before the police file: the bureau may still withdraw (STEPS_OF.withdraw). */
export const BEFORE_FILING = ['drafted', 'pending-approval', 'approved', 'sent', 'received', 'materials-requested', 'not-filed', 'reconsideration-requested', 'supervision-proposed'];

/** The heavy metals of 法释〔2023〕7号 art. 1(3) (group A, 3×) and 1(4) (group B, 10×); names as judicial.metal.<symbol>. */
export const METALS = ['Pb', 'Hg', 'Cd', 'Cr', 'As', 'Tl', 'Sb', 'Ni', 'Cu', 'Zn', 'Ag', 'V', 'Mn', 'Co'] as const;
