import type { Category } from '../reference/categories';
import type { ViolationKind } from './violations';

/** Money is integer fen (分) everywhere. */
export type Fen = number;

export type JudicialOutcome = 'detention' | 'arrest' | 'conviction';

/** Why a reporter is not eligible, found from the facts (channel, organisation) or decided by the reward officer. */
export const EXCLUSION_REASONS = {
  'excluded-channel': { zh: '该渠道不属于举报奖励范围（巡查、监控、执法、媒体）', en: 'The channel is not a whistleblower channel (patrol, monitoring, inspection, media)' },
  'excluded-organisation': { zh: '受委托的服务机构（如环保管家）', en: 'A contracted service organisation (e.g. environmental steward)' },
  'anonymous-at-report': { zh: '举报时未实名', en: 'Not reported by real name' },
  'not-first': { zh: '非首位举报人', en: 'Not the first reporter' },
  'on-duty-staff': { zh: '在岗执法、监管人员', en: 'Staff on duty' },
  'reported-party-management': { zh: '被举报单位负责人、管理人员', en: "The reported party's own management" },
  'relative-of-official': { zh: '监管人员近亲属', en: 'A relative of a supervising official' },
  'already-known': { zh: '部门已掌握', en: 'Already known to the department' },
  'media-exposed': { zh: '媒体已曝光', en: 'Already exposed in the media' },
  'false-information': { zh: '虚假举报', en: 'False information' },
  other: { zh: '其他', en: 'Other' },
} as const;
export type ExclusionReason = keyof typeof EXCLUSION_REASONS;
/** The reasons an officer may give by hand; the rest follow from the facts. */
export const MANUAL_EXCLUSIONS = ['on-duty-staff', 'reported-party-management', 'relative-of-official', 'already-known', 'media-exposed', 'false-information', 'other'] as const;
export type ManualExclusion = (typeof MANUAL_EXCLUSIONS)[number];

/** 奖励立案: a problem closed out with a confirmed qualifying violation, or a bounty award to one lead */
export interface RewardCaseOpened {
  rewardId: string;
  kind: 'problem' | 'bounty';
  problemId?: string;
  problemNumber?: string;
  bountyId?: string;
  category?: Category;
  townCode?: string;
  violationKinds: ViolationKind[];
  /** the problem's close-out date */
  problemClosedOn?: string;
  /** every clue that fed the problem (or the bounty lead) */
  clueIds: string[];
  /** YYYY-MM-DD by which it must be evaluated */
  evaluateBy: string;
}

/** One reporter as rewards may know them: facts only, never an identity. */
export interface CandidateCheck {
  clueId: string;
  channel: string;
  /** when the clue was registered: who reported first */
  registeredAt: string;
  identifiable: boolean;
  insider: boolean;
  organisationKind?: string;
  excluded?: ExclusionReason;
  note?: string;
  first: boolean;
}

/** 审核: who, if anyone, is eligible, and why each candidate is or is not */
export interface RewardEvaluated {
  rewardId: string;
  eligibleClueId?: string;
  checks: CandidateCheck[];
  knownBeforeReport: boolean;
  ruleVersion: number;
  /** 'system' for the automatic check at opening */
  evaluatedBy: string;
  note?: string;
  /** when a proposal is due, once there is a basis for one */
  proposeBy?: string;
}

/** 行政处罚 known to rewards (entered by the bureau, or from enforcement's PenaltyDecided) */
export interface PenaltyRecorded {
  rewardId: string;
  decisionNumber: string;
  fineFen: Fen;
  decidedOn: string;
  /** when a proposal is due now that there is a basis for it */
  proposeBy?: string;
}

/** 拘留、逮捕、判决 (entered, or from the judicial bridge) */
export interface JudicialOutcomeRecorded {
  rewardId: string;
  outcome: JudicialOutcome;
  documentNumber: string;
  date: string;
  proposeBy?: string;
}

export interface RewardItem {
  rule: 'fine-share' | 'detention' | 'arrest' | 'conviction' | 'orphan-radioactive' | 'bounty';
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
  /** paid in earlier rounds: a later outcome gives a supplementary reward (追加奖励) of the difference */
  previouslyPaidFen: Fen;
  proposedBy: string;
  note?: string;
  approveBy: string;
}

export type ApprovalLevel = 'bureau' | 'finance' | 'city';

export interface RewardApproved {
  rewardId: string;
  level: ApprovalLevel;
  approvedBy: string;
  note?: string;
  /** true on the last level needed: the reward is granted */
  final: boolean;
  /** when the next approval, or the notification, is due */
  nextDueBy: string;
}

export interface RewardRefused {
  rewardId: string;
  level: ApprovalLevel;
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
  payBy: string;
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
  /** the approved identity resolution in intake's vault the payout rests on */
  identityRequestId: string;
}

export interface RewardClosed {
  rewardId: string;
  outcome: 'paid' | 'refused' | 'ineligible' | 'expired';
  reason?: string;
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
  publishedBy: string;
}

export interface BountyLeadLinked {
  bountyId: string;
  clueId: string;
}

export interface BountyAwarded {
  bountyId: string;
  awards: Array<{ clueId: string; amountFen: Fen; rewardId: string }>;
  awardedBy: string;
  note?: string;
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
  /** absent when the penalty did not come from a problem (e.g. a random inspection without one) */
  problemId?: string;
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
