import { shanghaiDate } from '@qingyuan/calendar';
import type { ApprovalLevel, CandidateCheck, Fen, JudicialOutcome, PayoutMethod, RewardItem, RewardsEvent } from '@qingyuan/contracts';

/** A reward case as staff read it: everything but the history (read from the stream) and the live suggestion. */
export interface RewardView {
  rewardId: string;
  kind: 'problem' | 'bounty';
  problemId?: string;
  problemNumber?: string;
  bountyId?: string;
  category?: string;
  townCode?: string;
  violationKinds: string[];
  clueIds: string[];
  status: string;
  especiallySerious: boolean;
  amountFen?: Fen;
  paidFen: Fen;
  openedOn: string;
  problemClosedOn?: string;
  notifiedOn?: string;
  claimBy?: string;
  paidOn?: string;
  dueOn?: string;
  candidates: Array<CandidateCheck & { eligible: boolean }>;
  evaluation?: { eligibleClueId?: string; knownBeforeReport: boolean; ruleVersion: number; evaluatedBy: string; note?: string };
  penalties: Array<{ decisionNumber: string; fineFen: Fen; decidedOn: string }>;
  outcomes: Array<{ outcome: JudicialOutcome; documentNumber: string; date: string }>;
  proposal?: { amountFen: Fen; items: RewardItem[]; ruleVersion: number; especiallySerious: boolean; proposedBy: string; note?: string };
  approvals: Array<{ level: ApprovalLevel; approvedBy: string; at: string }>;
  claim?: { method: PayoutMethod; claimedOn: string };
  payouts: Array<{ amountFen: Fen; method: PayoutMethod; reference: string; paidOn: string; paidBy: string; payerDepartment: string }>;
  closeReason?: string;
}

const date = (iso: string) => shanghaiDate(new Date(iso));

/** Fold one event into the view; a pure function, so the read model can be rebuilt from position 0. */
export function foldRewardView(view: RewardView | undefined, event: RewardsEvent, recordedAt: string): RewardView | undefined {
  if (event.type === 'RewardCaseOpened') {
    const d = event.data;
    return {
      rewardId: d.rewardId,
      kind: d.kind,
      problemId: d.problemId,
      problemNumber: d.problemNumber,
      bountyId: d.bountyId,
      category: d.category,
      townCode: d.townCode,
      violationKinds: d.violationKinds,
      clueIds: d.clueIds,
      status: 'opened',
      especiallySerious: false,
      paidFen: 0,
      openedOn: date(recordedAt),
      problemClosedOn: d.problemClosedOn,
      dueOn: d.evaluateBy,
      candidates: [],
      penalties: [],
      outcomes: [],
      approvals: [],
      payouts: [],
    };
  }
  if (!view) return undefined;
  switch (event.type) {
    case 'RewardEvaluated': {
      const d = event.data;
      const checked = {
        ...view,
        candidates: d.checks.map((c) => ({ ...c, eligible: c.clueId === d.eligibleClueId })),
        evaluation: { eligibleClueId: d.eligibleClueId, knownBeforeReport: d.knownBeforeReport, ruleVersion: d.ruleVersion, evaluatedBy: d.evaluatedBy, note: d.note },
      };
      // The automatic check at opening leaves the case waiting for the officer's evaluation.
      if (d.evaluatedBy === 'system') return checked;
      return { ...checked, status: 'evaluated', dueOn: d.eligibleClueId ? d.proposeBy : undefined };
    }
    case 'PenaltyRecorded': {
      const d = event.data;
      return reopenIfPaid({ ...view, penalties: [...view.penalties, { decisionNumber: d.decisionNumber, fineFen: d.fineFen, decidedOn: d.decidedOn }] }, d.proposeBy);
    }
    case 'JudicialOutcomeRecorded': {
      const d = event.data;
      return reopenIfPaid({ ...view, outcomes: [...view.outcomes, { outcome: d.outcome, documentNumber: d.documentNumber, date: d.date }] }, d.proposeBy);
    }
    case 'RewardProposed': {
      const d = event.data;
      const { rewardId: _id, approveBy, previouslyPaidFen: _paid, ...proposal } = d;
      return { ...view, status: 'proposed', proposal, amountFen: d.amountFen, especiallySerious: d.especiallySerious, approvals: [], dueOn: approveBy };
    }
    case 'RewardApproved': {
      const d = event.data;
      return { ...view, status: `${d.level}-approved`, approvals: [...view.approvals, { level: d.level, approvedBy: d.approvedBy, at: recordedAt }], dueOn: d.nextDueBy };
    }
    case 'RewardRefused':
      return { ...view, status: 'evaluated', proposal: undefined, amountFen: undefined, approvals: [], dueOn: undefined };
    case 'ReporterNotified':
      return { ...view, status: 'notified', notifiedOn: event.data.notifiedOn, claimBy: event.data.claimBy, dueOn: event.data.claimBy, claim: undefined };
    case 'RewardClaimed':
      return { ...view, status: 'claimed', claim: { method: event.data.method, claimedOn: event.data.claimedOn }, dueOn: event.data.payBy };
    case 'PayoutRecorded': {
      const { rewardId: _id, identityRequestId: _request, ...payout } = event.data;
      // Without a RewardClosed after it, a later basis already asks for a supplementary round.
      return { ...view, status: 'evaluated', paidFen: view.paidFen + payout.amountFen, paidOn: payout.paidOn, payouts: [...view.payouts, payout], dueOn: undefined };
    }
    case 'RewardClosed':
      return { ...view, status: event.data.outcome, dueOn: undefined, closeReason: event.data.reason };
    default:
      return view;
  }
}

function reopenIfPaid(view: RewardView, proposeBy?: string): RewardView {
  if (view.status === 'paid') return { ...view, status: 'evaluated', dueOn: proposeBy };
  // A basis while waiting for one makes the proposal due.
  if (view.status === 'evaluated' && view.evaluation?.eligibleClueId && !view.dueOn) return { ...view, dueOn: proposeBy };
  return view;
}
