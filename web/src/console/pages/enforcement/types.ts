/** The enforcement API's shapes (services/enforcement/src/http, libs/contracts/src/enforcement). Money is integer fen. */

export const OBJECT_CLASSES = ['key', 'general', 'special'] as const;
export type ObjectClass = (typeof OBJECT_CLASSES)[number];
export const PERMIT_CLASSES = ['key', 'simplified', 'registration'] as const;
export const INSPECTION_RESULTS = ['compliant', 'problems', 'violation'] as const;
export const CASE_STATUSES = ['open', 'exempted', 'penalised', 'transferred'] as const;
export const TASK_STATUSES = ['assigned', 'done'] as const;
/** The facts an officer establishes for the minor-violation check; first offence is worked out by the service. */
export const OFFICER_FACTS = ['minor', 'corrected-in-time', 'no-harm', 'no-fault'] as const;
export const RULE_KINDS = ['credit', 'supervision', 'exemptions'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** GET /api/enforcement/enterprises */
export interface Enterprise {
  enterpriseId: string;
  name: string;
  uscc: string;
  townCode?: string;
  address: string;
  location?: { lat: number; lng: number };
  industry: string;
  permitClass: string;
  keyPolluter: boolean;
  outlets: Array<{ code: string; kind: string; name?: string }>;
  creditLevel?: string;
  special: boolean;
  specialReason?: string;
  objectClass: ObjectClass;
}

export interface CreditMove {
  level: string;
  previousLevel?: string;
  /** the rule that moved it: initial, manual, clean-inspection, problems-found, violation, penalty, criminal-transfer */
  rule: string;
  reason: string;
  ruleVersion: number;
  at: string;
}

/** GET /api/enforcement/enterprises/:id */
export interface EnterpriseDetail extends Enterprise {
  creditHistory: CreditMove[];
  inspections: Array<{ taskId: string; kind: string; status: string; result?: string; inspectedOn?: string; createdAt: string }>;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  errors: Array<{ line: number; field: string; zh: string; en: string }>;
}

/** GET /api/enforcement/lists: class → credit level (or "unrated") → count */
export type ListCounts = Record<ObjectClass, Record<string, number>>;

export interface Inspector {
  inspectorId: string;
  name: string;
  townCode?: string;
  formerEmployers: string[];
  declaredConflicts: string[];
  active: boolean;
}

/** GET /api/staff/inspectors (the gateway): accounts with the inspector role */
export interface InspectorAccount {
  userId: string;
  name: string;
}

export interface CreditLevel {
  code: string;
  zh: string;
  en: string;
  colour: string;
}

export type CreditEffect = { kind: 'better' | 'worse'; steps: number } | { kind: 'at-most' | 'set'; level: string };

export interface CreditRules {
  levels: CreditLevel[];
  initial: string;
  moves: Record<string, CreditEffect>;
}

export type Ratios = Record<ObjectClass, Record<string, number>>;

export interface SupervisionRules {
  specialCreditLevels: string[];
  period: 'quarter' | 'half-year' | 'year';
  ratios: Ratios;
}

export interface ExemptionItem {
  id: string;
  category: string;
  name: string;
  legalBasis: string;
  conditions: string[];
  mode: 'must' | 'may';
}

export type { RuleHistory, RuleVersion } from '../admin/versioned-rules';

export interface Plan {
  planId: string;
  name: string;
  period: string;
  ratios: Ratios;
  inspectorsPerTask: number;
  maxTasksPerInspector?: number;
  recusal: { sameTown: boolean; formerEmployer: boolean };
  supervisionVersion: number;
  items: string[];
  createdAt: string;
  drawId?: string;
}

export interface DrawCommitted {
  drawId: string;
  planId: string;
  period: string;
  seedHash: string;
  candidatesHash: string;
  poolHash: string;
  planHash: string;
  candidateCount: number;
  poolSize: number;
}

export interface DrawSelection {
  enterpriseId: string;
  objectClass: ObjectClass;
  creditLevel: string;
  inspectorIds: string[];
}

export interface DrawPerformed {
  drawId: string;
  planId: string;
  algorithm: string;
  period: string;
  seed: string;
  seedHash: string;
  candidatesHash: string;
  poolHash: string;
  planHash: string;
  resultHash: string;
  selections: DrawSelection[];
  unassigned: Array<{ enterpriseId: string; reason: string }>;
}

/** GET /api/enforcement/draws/:id */
export interface Draw {
  drawId: string;
  planId: string;
  planName: string;
  period: string;
  status: 'committed' | 'performed';
  committedAt: string;
  performedAt?: string;
  committed: DrawCommitted;
  performed?: DrawPerformed;
}

export interface Verification {
  drawId: string;
  ok: boolean;
  mismatches: string[];
}

export interface Task {
  taskId: string;
  enterpriseId: string;
  enterpriseName: string;
  address: string;
  townCode?: string;
  inspectorIds: string[];
  kind: 'random' | 'targeted';
  drawId?: string;
  trigger?: { problemId?: string; alarmId?: string; note?: string };
  status: 'assigned' | 'done';
  result?: string;
  findings?: string;
  evidence?: string[];
  inspectedOn?: string;
  createdAt: string;
}

export interface PenaltyCase {
  caseId: string;
  enterpriseId: string;
  enterpriseName: string;
  taskId?: string;
  problemId?: string;
  status: (typeof CASE_STATUSES)[number];
  summary: string;
  openedOn: string;
  decideBy: string;
  exemption?: { exempt: boolean; ruleId?: string; conditions: Array<{ condition: string; met: boolean }>; education?: string; listVersion: number };
  penalty?: { decisionNumber: string; legalBasis: string; fineFen: number; decidedOn: string };
  transfer?: { reason: string };
}

export const CASE_COLOURS: Record<string, string> = { open: 'processing', exempted: 'cyan', penalised: 'volcano', transferred: 'magenta' };
export const RESULT_COLOURS: Record<string, string> = { compliant: 'green', problems: 'orange', violation: 'red' };
