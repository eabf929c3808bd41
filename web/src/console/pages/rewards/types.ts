/** The rewards API's shapes (docs/integrators/rewards-api.md). Money is integer fen everywhere. */

export type RewardStatus = (typeof REWARD_STATUSES)[number];
export type ApprovalLevel = 'bureau' | 'finance' | 'city';
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];
export type JudicialOutcome = (typeof OUTCOMES)[number];

/** GET /api/rewards/cases */
export interface RewardRow {
  rewardId: string;
  kind: 'problem' | 'bounty';
  problemId?: string;
  problemNumber?: string;
  bountyId?: string;
  category?: string;
  townCode?: string;
  violationKinds: string[];
  status: RewardStatus | string;
  especiallySerious: boolean;
  amountFen?: number;
  paidFen: number;
  openedOn: string;
  problemClosedOn?: string;
  notifiedOn?: string;
  claimBy?: string;
  paidOn?: string;
  dueOn?: string;
  overdue: boolean;
}

export interface RewardList {
  items: RewardRow[];
  total: number;
}

export interface Candidate {
  clueId: string;
  channel: string;
  registeredAt: string;
  identifiable: boolean;
  insider: boolean;
  organisationKind?: string;
  excluded?: string;
  note?: string;
  first: boolean;
  eligible: boolean;
}

export interface RewardItem {
  rule: string;
  basisFen?: number;
  amountFen: number;
}

export interface HistoryEntry {
  type: string;
  recordedAt: string;
  actor?: string;
  data: Record<string, any>;
}

/** GET /api/rewards/cases/:rewardId */
export interface RewardCase extends RewardRow {
  version: number;
  candidates: Candidate[];
  evaluation?: { eligibleClueId?: string; knownBeforeReport: boolean; ruleVersion: number; evaluatedBy: string; note?: string };
  penalties: Array<{ decisionNumber: string; fineFen: number; decidedOn: string }>;
  outcomes: Array<{ outcome: JudicialOutcome; documentNumber: string; date: string }>;
  proposal?: { amountFen: number; items: RewardItem[]; ruleVersion: number; especiallySerious: boolean; proposedBy: string; note?: string; previouslyPaidFen?: number };
  approvals: Array<{ level: ApprovalLevel; approvedBy: string; at: string }>;
  suggestion: { amountFen: number; items: RewardItem[]; capFen: number; ruleVersion: number };
  claim?: { method: PayoutMethod; claimedOn: string };
  payouts: Array<{ amountFen: number; method: PayoutMethod; reference: string; paidOn: string; paidBy: string; payerDepartment: string }>;
  history: HistoryEntry[];
  /** not in the API doc: why the case was closed as refused */
  closeReason?: string;
}

/** What every command answers. */
export interface CommandAnswer {
  rewardId: string;
  version: number;
  status: string;
}

export interface Bounty {
  bountyId: string;
  problemId?: string;
  title: string;
  description: string;
  maxAmountFen: number;
  approvalReference: string;
  expiresOn: string;
  status: 'open' | 'awarded' | 'withdrawn' | 'expired';
  publishedOn: string;
  leadCount: number;
  awardedFen: number;
}

export interface BountyDetail extends Bounty {
  leads: Array<{ clueId: string; linkedAt: string; channel?: string; registeredAt?: string }>;
  /** not in the API doc: the awards made, each with the reward case it opened */
  awards?: Array<{ clueId: string; amountFen: number; rewardId: string }> | null;
  withdrawReason?: string;
}

export interface RewardRules {
  qualifyingKinds: string[];
  fineSharePercent: number;
  fineShareCapFen: number;
  fixedFen: { detention: number; arrest: number; conviction: number };
  stacking: 'sum' | 'highest';
  ordinaryCapFen: number;
  especiallySeriousCapFen: number;
  orphanRadioactiveCapFen: number;
  bountyCapFen: number;
  firstReporterOnly: boolean;
  requireRealNameAtReport: boolean;
  excludedChannels: string[];
  excludedOrganisationKinds: string[];
  deadlines: Record<(typeof DEADLINES)[number], number>;
}

export interface RuleVersion {
  version: number;
  effectiveFrom: string;
  rules: RewardRules;
  createdBy: string;
  createdAt: string;
  note?: string;
}

export interface Bucket {
  key: string;
  granted: number;
  grantedFen: number;
  paid: number;
  paidFen: number;
}

export interface RewardStats {
  byCategory: Bucket[];
  byTown: Bucket[];
  byMonth: Bucket[];
  totals: Bucket;
  closeToPayout: { count: number; meanDays?: number; medianDays?: number; p90Days?: number };
}

/** intake's identity-resolution request (never the identity itself) */
export interface IdentityRequest {
  requestId: string;
  clueId: string;
  purpose: string;
  caseRef: string;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'refused' | 'viewed';
  approvedBy?: string;
  decidedAt?: string;
  viewedAt?: string;
  reason?: string;
}

export interface ReporterIdentity {
  name: string;
  phone: string;
  idNumber?: string;
}

export const REWARD_STATUSES = [
  'opened',
  'evaluated',
  'proposed',
  'bureau-approved',
  'finance-approved',
  'city-approved',
  'notified',
  'claimed',
  'paid',
  'ineligible',
  'refused',
  'expired',
] as const;

/** End states: nothing more happens to the case. */
export const END_STATES: readonly string[] = ['ineligible', 'refused', 'expired'];

export const STATUS_COLOURS: Record<string, string> = {
  opened: 'gold',
  evaluated: 'blue',
  proposed: 'processing',
  'bureau-approved': 'cyan',
  'finance-approved': 'geekblue',
  'city-approved': 'purple',
  notified: 'orange',
  claimed: 'magenta',
  paid: 'green',
  ineligible: 'default',
  refused: 'default',
  expired: 'default',
};

export const BOUNTY_STATUS_COLOURS: Record<string, string> = { open: 'green', awarded: 'blue', withdrawn: 'default', expired: 'default' };

/** The vocabulary of libs/contracts (the browser may not import it; the labels are in the message files). */
export const VIOLATION_KINDS = [
  'evading-supervision',
  'falsifying-monitoring',
  'toxic-land-disposal',
  'illegal-waste-disposal',
  'drinking-water-outfall',
  'orphan-radioactive',
  'other-egregious',
] as const;
/** The exclusion reasons an officer may give by hand; the others (channel, organisation, anonymity, not first) follow from the facts. */
export const MANUAL_EXCLUSIONS = [
  'on-duty-staff',
  'reported-party-management',
  'relative-of-official',
  'already-known',
  'media-exposed',
  'false-information',
  'other',
] as const;
export const OUTCOMES = ['detention', 'arrest', 'conviction'] as const;
export const PAYOUT_METHODS = ['bank-transfer', 'in-person'] as const;
export const CATEGORIES = ['water', 'air', 'noise', 'solid-waste', 'hazardous-waste', 'soil', 'radiation', 'ecological', 'drinking-water-source', 'other'] as const;
export const CHANNELS = [
  'public-web',
  'hotline-12345',
  'hotline-12369',
  'phone',
  'letter',
  'visit',
  'petition',
  'grid-patrol',
  'river-chief',
  'organisation',
  'media',
  'monitoring-alarm',
  'inspection',
  'open311',
] as const;
export const ORGANISATION_KINDS = ['social-organisation', 'environmental-steward', 'industry-association', 'technical-service'] as const;
export const DEADLINES = ['evaluateWorkingDays', 'proposeWorkingDays', 'approveWorkingDays', 'notifyWorkingDays', 'claimDays', 'payoutWorkingDays'] as const;
