import type { ApprovalLevel, Fen, JudicialOutcomeRecorded, PayoutMethod, PenaltyRecorded, RewardsEvent, ViolationKind } from '@qingyuan/contracts';

export type RewardStatus =
  | 'none'
  | 'opened'
  | 'evaluated'
  | 'proposed'
  | 'bureau-approved'
  | 'finance-approved'
  | 'city-approved'
  | 'notified'
  | 'claimed'
  | 'paid'
  | 'ineligible'
  | 'refused'
  | 'expired';

export interface RewardState {
  status: RewardStatus;
  rewardId?: string;
  kind?: 'problem' | 'bounty';
  violationKinds: ViolationKind[];
  clueIds: string[];
  eligibleClueId?: string;
  penalties: PenaltyRecorded[];
  outcomes: JudicialOutcomeRecorded[];
  /** a penalty or outcome came after the current proposal: once paid, a supplementary round is due */
  basisSinceProposal: boolean;
  proposal?: { amountFen: Fen; especiallySerious: boolean; proposedBy: string };
  /** approvers of the current round, in order */
  approvals: Array<{ level: ApprovalLevel; by: string }>;
  claimBy?: string;
  claim?: { method: PayoutMethod };
  paidFen: Fen;
  payoutReferences: string[];
  /** a bounty award's amount, fixed when it was made */
  bountyAwardFen?: Fen;
}

export const initialRewardState = (): RewardState => ({
  status: 'none',
  violationKinds: [],
  clueIds: [],
  penalties: [],
  outcomes: [],
  basisSinceProposal: false,
  approvals: [],
  paidFen: 0,
  payoutReferences: [],
});

/** A penalty or outcome on a paid reward reopens it for a supplementary round; while a round runs it waits for the next. */
function withBasis(state: RewardState): RewardState {
  if (state.status === 'paid') return { ...state, status: 'evaluated', basisSinceProposal: false };
  const inRound = state.proposal !== undefined;
  return { ...state, basisSinceProposal: state.basisSinceProposal || inRound };
}

export function evolveReward(state: RewardState, event: RewardsEvent): RewardState {
  switch (event.type) {
    case 'RewardCaseOpened': {
      const d = event.data;
      return { ...state, status: 'opened', rewardId: d.rewardId, kind: d.kind, violationKinds: d.violationKinds, clueIds: d.clueIds };
    }
    case 'RewardEvaluated':
      // The automatic check at opening informs the officer; only the officer's evaluation moves the case on.
      if (event.data.evaluatedBy === 'system') return state;
      return { ...state, status: 'evaluated', eligibleClueId: event.data.eligibleClueId };
    case 'PenaltyRecorded':
      return withBasis({ ...state, penalties: [...state.penalties, event.data] });
    case 'JudicialOutcomeRecorded':
      return withBasis({ ...state, outcomes: [...state.outcomes, event.data] });
    case 'RewardProposed': {
      const d = event.data;
      const bountyAwardFen = state.kind === 'bounty' ? (state.bountyAwardFen ?? d.amountFen) : undefined;
      return { ...state, status: 'proposed', proposal: { amountFen: d.amountFen, especiallySerious: d.especiallySerious, proposedBy: d.proposedBy }, approvals: [], basisSinceProposal: false, bountyAwardFen };
    }
    case 'RewardApproved': {
      const d = event.data;
      return { ...state, status: `${d.level}-approved`, approvals: [...state.approvals, { level: d.level, by: d.approvedBy }] };
    }
    case 'RewardRefused':
      return { ...state, status: 'evaluated', proposal: undefined, approvals: [] };
    case 'ReporterNotified':
      return { ...state, status: 'notified', claimBy: event.data.claimBy, claim: undefined };
    case 'RewardClaimed':
      return { ...state, status: 'claimed', claim: { method: event.data.method } };
    case 'PayoutRecorded': {
      const paid = { ...state, paidFen: state.paidFen + event.data.amountFen, payoutReferences: [...state.payoutReferences, event.data.reference], proposal: undefined, approvals: [] };
      // A basis that arrived during the round makes the next (supplementary) round due at once.
      return state.basisSinceProposal ? { ...paid, status: 'evaluated', basisSinceProposal: false } : { ...paid, status: 'paid' };
    }
    case 'RewardClosed':
      return { ...state, status: event.data.outcome };
    default:
      return state;
  }
}
