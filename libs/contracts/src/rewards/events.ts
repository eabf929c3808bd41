import type { Category } from '../reference/categories';
import type { ViolationKind } from './violations';

/** Money is integer fen (分) everywhere. */
export type Fen = number;

export type JudicialOutcome = 'detention' | 'arrest' | 'conviction';

/** A reporter who reported the problem, as rewards may know them: no identity, only facts and a pseudonymous reference. */
export interface RewardCandidate {
  clueId: string;
  /** when the clue was registered: who reported first */
  registeredAt: string;
  channel: string;
  identifiable: boolean;
  insider: boolean;
}

/** 奖励案件立案: a closed problem with a verified qualifying violation */
export interface RewardCaseOpened {
  rewardId: string;
  problemId: string;
  problemNumber: string;
  category: Category;
  townCode?: string;
  violationKinds: ViolationKind[];
  closedOn: string;
  candidates: RewardCandidate[];
  /** YYYY-MM-DD by which it must be evaluated */
  evaluateBy: string;
}

export interface CandidateCheck {
  clueId: string;
  identifiable: boolean;
  excluded?: string;
  first: boolean;
}

/** 审核: who, if anyone, is eligible, and why each candidate is or is not */
export interface RewardEvaluated {
  rewardId: string;
  eligibleClueId?: string;
  checks: CandidateCheck[];
  knownBeforeReport: boolean;
  reasons: string[];
  note?: string;
}

/** 行政处罚 known to rewards (entered by the bureau, or from enforcement's PenaltyDecided) */
export interface PenaltyRecorded {
  rewardId: string;
  decisionNumber: string;
  fineFen: Fen;
  decidedOn: string;
}

/** 拘留、逮捕、判决 (entered, or from the judicial bridge) */
export interface JudicialOutcomeRecorded {
  rewardId: string;
  outcome: JudicialOutcome;
  documentNumber: string;
  date: string;
}

export interface RewardItem {
  rule: 'fine-share' | 'detention' | 'arrest' | 'conviction' | 'orphan-radioactive' | 'special';
  basisFen?: Fen;
  amountFen: Fen;
}

/** 拟奖: the amount from the rule table version used, with its items */
export interface RewardProposed {
  rewardId: string;
  amountFen: Fen;
  items: RewardItem[];
  ruleVersion: number;
  especiallySerious: boolean;
  proposedBy: string;
  note?: string;
}

export type ApprovalLevel = 'bureau' | 'finance' | 'city';

export interface RewardApproved {
  rewardId: string;
  level: ApprovalLevel;
  approvedBy: string;
  note?: string;
}

export interface RewardRefused {
  rewardId: string;
  level: ApprovalLevel | 'evaluation';
  refusedBy: string;
  reason: string;
}

/** 告知: told through the receipt-code channel; the reporter claims by the deadline */
export interface ReporterNotified {
  rewardId: string;
  clueId: string;
  notifiedOn: string;
  claimBy: string;
}

export type PayoutMethod = 'bank-transfer' | 'in-person';

/** 领取申请 by the reporter (with the receipt code): only the method, never bank details */
export interface RewardClaimed {
  rewardId: string;
  method: PayoutMethod;
  claimedOn: string;
}

/** 发放: method and voucher reference only */
export interface PayoutRecorded {
  rewardId: string;
  method: PayoutMethod;
  reference: string;
  paidOn: string;
  amountFen: Fen;
  payerDepartment: string;
  paidBy: string;
}

export interface RewardClosed {
  rewardId: string;
  outcome: 'paid' | 'refused' | 'ineligible' | 'expired';
}

/** 悬赏 */
export interface BountyPublished {
  bountyId: string;
  problemId?: string;
  title: string;
  /** public text: what lead is sought */
  description: string;
  maxAmountFen: Fen;
  /** the government approval the bounty rests on */
  approvalReference: string;
  expiresOn: string;
}

export interface BountyLeadLinked {
  bountyId: string;
  clueId: string;
}

export interface BountyAwarded {
  bountyId: string;
  awards: Array<{ clueId: string; amountFen: Fen }>;
}

export interface BountyWithdrawn {
  bountyId: string;
  reason: string;
}

export interface RewardsEventMap {
  RewardCaseOpened: RewardCaseOpened;
  RewardEvaluated: RewardEvaluated;
  PenaltyRecorded: PenaltyRecorded;
  JudicialOutcomeRecorded: JudicialOutcomeRecorded;
  RewardProposed: RewardProposed;
  RewardApproved: RewardApproved;
  RewardRefused: RewardRefused;
  ReporterNotified: ReporterNotified;
  RewardClaimed: RewardClaimed;
  PayoutRecorded: PayoutRecorded;
  RewardClosed: RewardClosed;
  BountyPublished: BountyPublished;
  BountyLeadLinked: BountyLeadLinked;
  BountyAwarded: BountyAwarded;
  BountyWithdrawn: BountyWithdrawn;
}

export type RewardsEvent = { [K in keyof RewardsEventMap]: { type: K; data: RewardsEventMap[K] } }[keyof RewardsEventMap];

/**
 * Events of services still to come that change a reward: enforcement's penalty decision and the judicial bridge's
 * outcomes. Rewards consumes them; until those services exist the bureau enters the same facts by hand.
 */
export interface PenaltyDecided {
  problemId: string;
  decisionNumber: string;
  fineFen: Fen;
  decidedOn: string;
}

export interface SuspectOutcomeRecorded {
  problemId: string;
  outcome: JudicialOutcome;
  documentNumber: string;
  date: string;
}
