import type {
  ApprovalLevel,
  CandidateCheck,
  Fen,
  JudicialOutcome,
  PayoutMethod,
  RewardCaseOpened,
  RewardItem,
  RewardsEvent,
} from '@qingyuan/contracts';
import { DomainError, type Decider } from '@qingyuan/domain';
import { checkEligibility, type ClueFacts, type OfficerFindings } from './eligibility';
import { evolveReward, initialRewardState, type RewardState, type RewardStatus } from './reward-state';
import type { RewardRules, Suggestion } from './rules';

export type { RewardState, RewardStatus } from './reward-state';

/**
 * What the reward officer, approvers, finance, the reporter and the timers ask of a reward case. Values that need a
 * clock, the calendar or the rule table (today, due dates, the suggestion) are worked out by the caller.
 */
export type RewardCommand =
  | { kind: 'open'; opened: RewardCaseOpened }
  | { kind: 'evaluate'; candidates: ClueFacts[]; findings: OfficerFindings; rules: RewardRules; ruleVersion: number; evaluatedBy: string; note?: string; proposeBy?: string }
  | { kind: 'record-penalty'; decisionNumber: string; fineFen: Fen; decidedOn: string; proposeBy?: string }
  | { kind: 'record-outcome'; outcome: JudicialOutcome; documentNumber: string; date: string; proposeBy?: string }
  | {
      kind: 'propose';
      especiallySerious: boolean;
      amountFen?: Fen;
      note?: string;
      suggestion: Suggestion;
      rules: RewardRules;
      ruleVersion: number;
      proposedBy: string;
      approveBy: string;
    }
  /** a bounty award names its reporter and amount at once: evaluated and proposed in one step */
  | { kind: 'award-bounty-lead'; lead: ClueFacts; amountFen: Fen; ruleVersion: number; awardedBy: string; approveBy: string; note?: string }
  | { kind: 'approve'; level: ApprovalLevel; approvedBy: string; note?: string; nextDueBy: string }
  | { kind: 'refuse'; level: ApprovalLevel; refusedBy: string; reason: string }
  | { kind: 'notify'; notifiedOn: string; claimBy: string }
  | { kind: 'claim'; method: PayoutMethod; claimedOn: string; payBy: string }
  | { kind: 'payout'; method: PayoutMethod; reference: string; paidOn: string; payerDepartment: string; paidBy: string; identityRequestId: string }
  | { kind: 'close'; reason: string }
  | { kind: 'expire'; today: string };

const STATUS_LABELS: Record<RewardStatus, { zh: string; en: string }> = {
  none: { zh: '不存在', en: 'not found' },
  opened: { zh: '已立案待审核', en: 'opened, awaiting evaluation' },
  evaluated: { zh: '已审核待拟奖', en: 'evaluated, awaiting a proposal' },
  proposed: { zh: '已拟奖待分局审批', en: 'proposed, awaiting bureau approval' },
  'bureau-approved': { zh: '分局已批待财务审批', en: 'bureau-approved, awaiting finance' },
  'finance-approved': { zh: '财务已批', en: 'finance-approved' },
  'city-approved': { zh: '市政府已批', en: 'city-approved' },
  notified: { zh: '已告知待申领', en: 'notified, awaiting the claim' },
  claimed: { zh: '已申领待发放', en: 'claimed, awaiting payout' },
  paid: { zh: '已发放', en: 'paid' },
  ineligible: { zh: '不符合奖励条件', en: 'not eligible' },
  refused: { zh: '不予奖励', en: 'refused' },
  expired: { zh: '逾期未申领', en: 'expired unclaimed' },
};
export { STATUS_LABELS as REWARD_STATUS_LABELS };

type Kind = 'invalid' | 'not-found' | 'conflict' | 'forbidden';
const refuse = (code: string, zh: string, en: string, kind: Kind = 'conflict') => new DomainError(code, zh, en, kind);
const yuan = (fen: Fen) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function requireStatus(state: RewardState, allowed: RewardStatus[], action: { zh: string; en: string }): void {
  if (state.status === 'none') throw refuse('REWARD_NOT_FOUND', '奖励案件不存在', 'No such reward case', 'not-found');
  if (!allowed.includes(state.status)) {
    const label = STATUS_LABELS[state.status];
    throw refuse('REWARD_WRONG_STATUS', `奖励案件${label.zh}，不能${action.zh}`, `The reward case is ${label.en}; cannot ${action.en}`);
  }
}

/** The approval the current round waits for: bureau, then finance, then (especially serious only) the city. */
function pendingLevel(state: RewardState): ApprovalLevel | undefined {
  if (state.status === 'proposed') return 'bureau';
  if (state.status === 'bureau-approved') return 'finance';
  if (state.status === 'finance-approved' && state.proposal?.especiallySerious) return 'city';
  return undefined;
}

function grantedFully(state: RewardState): boolean {
  return state.status === 'city-approved' || (state.status === 'finance-approved' && !state.proposal?.especiallySerious);
}

const LEVEL_LABELS: Record<ApprovalLevel, { zh: string; en: string }> = {
  bureau: { zh: '分局审批', en: 'bureau approval' },
  finance: { zh: '财务审批', en: 'finance approval' },
  city: { zh: '市政府审批', en: 'city approval' },
};

function requirePendingLevel(state: RewardState, level: ApprovalLevel): void {
  requireStatus(state, ['proposed', 'bureau-approved', 'finance-approved'], { zh: LEVEL_LABELS[level].zh, en: `give ${LEVEL_LABELS[level].en}` });
  const pending = pendingLevel(state);
  if (pending !== level) {
    throw refuse(
      'APPROVAL_OUT_OF_ORDER',
      pending ? `当前待${LEVEL_LABELS[pending].zh}，不是${LEVEL_LABELS[level].zh}` : '审批已完成',
      pending ? `The case awaits ${LEVEL_LABELS[pending].en}, not ${LEVEL_LABELS[level].en}` : 'Approval is complete',
    );
  }
}

function decideProposal(state: RewardState, c: Extract<RewardCommand, { kind: 'propose' }>): RewardsEvent[] {
  requireStatus(state, ['evaluated'], { zh: '拟奖', en: 'propose a reward' });
  if (!state.eligibleClueId) throw refuse('NO_ELIGIBLE_REPORTER', '没有符合条件的举报人，不能拟奖', 'No eligible reporter: nothing to propose');
  if (c.suggestion.items.length === 0 && !c.especiallySerious) {
    throw refuse('NO_BASIS', '尚无处罚决定或司法结果，不能拟奖', 'No penalty decision or judicial outcome yet: nothing to base a reward on');
  }
  const amountFen = c.amountFen ?? c.suggestion.amountFen - state.paidFen;
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
    throw refuse('AMOUNT_INVALID', '奖励金额须为正整数（分）；已发放金额已达规则上限', 'The amount must be a positive whole number of fen (or the rules give nothing beyond what was paid)', 'invalid');
  }
  const total = state.paidFen + amountFen;
  const cap = c.especiallySerious ? c.rules.especiallySeriousCapFen : c.suggestion.capFen;
  if (total > cap) {
    throw refuse(
      'AMOUNT_ABOVE_CAP',
      `奖励总额 ${yuan(total)} 元超过上限 ${yuan(cap)} 元${c.especiallySerious ? '' : '（特别重大案件可报市政府批准，最高 ' + yuan(c.rules.especiallySeriousCapFen) + ' 元）'}`,
      `The total of ${yuan(total)} yuan is above the cap of ${yuan(cap)} yuan${c.especiallySerious ? '' : ' (especially serious cases, with city approval, up to ' + yuan(c.rules.especiallySeriousCapFen) + ')'}`,
      'invalid',
    );
  }
  if (!c.especiallySerious && total > c.suggestion.amountFen) {
    throw refuse(
      'AMOUNT_ABOVE_RULE',
      `奖励总额 ${yuan(total)} 元超过奖励标准计算的 ${yuan(c.suggestion.amountFen)} 元`,
      `The total of ${yuan(total)} yuan is above the ${yuan(c.suggestion.amountFen)} yuan the rule table gives`,
      'invalid',
    );
  }
  if (amountFen !== c.suggestion.amountFen - state.paidFen && !c.note) {
    throw refuse('NOTE_REQUIRED', '金额与奖励标准计算结果不同时须说明理由', 'Give a reason when the amount differs from what the rule table gives', 'invalid');
  }
  const items: RewardItem[] = c.suggestion.items;
  return [
    {
      type: 'RewardProposed',
      data: {
        rewardId: state.rewardId!,
        amountFen,
        items,
        ruleVersion: c.ruleVersion,
        especiallySerious: c.especiallySerious,
        previouslyPaidFen: state.paidFen,
        proposedBy: c.proposedBy,
        approveBy: c.approveBy,
        ...(c.note ? { note: c.note } : {}),
      },
    },
  ];
}

function decideApproval(state: RewardState, c: Extract<RewardCommand, { kind: 'approve' }>): RewardsEvent[] {
  requirePendingLevel(state, c.level);
  if (c.approvedBy === state.proposal!.proposedBy) {
    throw refuse('APPROVER_IS_PROPOSER', '拟奖人不能审批自己的拟奖', 'The person who proposed the reward cannot approve it', 'forbidden');
  }
  if (state.approvals.some((a) => a.by === c.approvedBy)) {
    throw refuse('SAME_APPROVER_TWICE', '同一人不能审批两级', 'One person cannot approve at two levels', 'forbidden');
  }
  const final = c.level === 'city' || (c.level === 'finance' && !state.proposal!.especiallySerious);
  return [
    {
      type: 'RewardApproved',
      data: { rewardId: state.rewardId!, level: c.level, approvedBy: c.approvedBy, final, nextDueBy: c.nextDueBy, ...(c.note ? { note: c.note } : {}) },
    },
  ];
}

function decide(c: RewardCommand, state: RewardState): RewardsEvent[] {
  const rewardId = state.rewardId!;
  switch (c.kind) {
    case 'open':
      // Cases may deliver the same close-out twice; one problem opens one reward case.
      return state.status === 'none' ? [{ type: 'RewardCaseOpened', data: c.opened }] : [];
    case 'evaluate': {
      requireStatus(state, ['opened', 'evaluated'], { zh: '审核', en: 'evaluate it' });
      if (state.kind === 'bounty') throw refuse('BOUNTY_AWARD_EVALUATED', '悬赏奖励在授予时已确定举报人', 'A bounty award names its reporter when it is made');
      const unknown = c.findings.exclusions.find((e) => !state.clueIds.includes(e.clueId));
      if (unknown) throw refuse('NOT_A_CANDIDATE', `线索 ${unknown.clueId} 不是本案的举报`, `Clue ${unknown.clueId} did not feed this case`, 'invalid');
      const { checks, eligibleClueId } = checkEligibility(c.rules, c.candidates, c.findings);
      const evaluated: RewardsEvent = {
        type: 'RewardEvaluated',
        data: {
          rewardId,
          checks,
          knownBeforeReport: c.findings.knownBeforeReport,
          ruleVersion: c.ruleVersion,
          evaluatedBy: c.evaluatedBy,
          ...(eligibleClueId ? { eligibleClueId } : {}),
          ...(c.note ? { note: c.note } : {}),
          ...(eligibleClueId && c.proposeBy ? { proposeBy: c.proposeBy } : {}),
        },
      };
      // The automatic check at opening leaves the case open for the officer; the officer's finding closes it.
      if (eligibleClueId || c.evaluatedBy === 'system') return [evaluated];
      return [evaluated, { type: 'RewardClosed', data: { rewardId, outcome: 'ineligible' } }];
    }
    case 'record-penalty':
      requireStatus(state, BASIS_STATUSES, { zh: '登记处罚决定', en: 'record a penalty' });
      if (state.penalties.some((p) => p.decisionNumber === c.decisionNumber)) return [];
      return [{ type: 'PenaltyRecorded', data: { rewardId, decisionNumber: c.decisionNumber, fineFen: c.fineFen, decidedOn: c.decidedOn, ...due(c.proposeBy) } }];
    case 'record-outcome':
      requireStatus(state, BASIS_STATUSES, { zh: '登记司法结果', en: 'record a judicial outcome' });
      // Each kind of outcome pays once per case (a second conviction of another suspect adds nothing).
      if (state.outcomes.some((o) => o.outcome === c.outcome)) return [];
      return [{ type: 'JudicialOutcomeRecorded', data: { rewardId, outcome: c.outcome, documentNumber: c.documentNumber, date: c.date, ...due(c.proposeBy) } }];
    case 'propose':
      // A bounty case proposed again after a refusal: the caller's suggestion is the award, its cap.
      if (state.kind === 'bounty' && c.especiallySerious) throw refuse('BOUNTY_NOT_SERIOUS', '悬赏奖励不按特别重大案件审批', 'A bounty award is not proposed as especially serious', 'invalid');
      return decideProposal(state, c);
    case 'award-bounty-lead': {
      requireStatus(state, ['opened'], { zh: '拟奖', en: 'propose a reward' });
      const { lead } = c;
      const check: CandidateCheck = { clueId: lead.clueId, channel: lead.channel, registeredAt: lead.registeredAt, identifiable: lead.identifiable, insider: lead.insider, first: true };
      return [
        { type: 'RewardEvaluated', data: { rewardId, eligibleClueId: lead.clueId, checks: [check], knownBeforeReport: false, ruleVersion: c.ruleVersion, evaluatedBy: c.awardedBy } },
        {
          type: 'RewardProposed',
          data: {
            rewardId,
            amountFen: c.amountFen,
            items: [{ rule: 'bounty', amountFen: c.amountFen }],
            ruleVersion: c.ruleVersion,
            especiallySerious: false,
            previouslyPaidFen: 0,
            proposedBy: c.awardedBy,
            approveBy: c.approveBy,
            ...(c.note ? { note: c.note } : {}),
          },
        },
      ];
    }
    case 'approve':
      return decideApproval(state, c);
    case 'refuse':
      requirePendingLevel(state, c.level);
      return [{ type: 'RewardRefused', data: { rewardId, level: c.level, refusedBy: c.refusedBy, reason: c.reason } }];
    case 'notify':
      requireStatus(state, ['finance-approved', 'city-approved'], { zh: '告知举报人', en: 'notify the reporter' });
      if (!grantedFully(state)) throw refuse('APPROVAL_INCOMPLETE', '特别重大案件须经市政府批准后才能告知', 'An especially serious case needs city approval before the reporter is told');
      return [{ type: 'ReporterNotified', data: { rewardId, clueId: state.eligibleClueId!, notifiedOn: c.notifiedOn, claimBy: c.claimBy } }];
    case 'claim':
      if (state.status === 'claimed' || state.status === 'paid') throw refuse('ALREADY_CLAIMED', '奖励已申领', 'The reward was already claimed');
      requireStatus(state, ['notified'], { zh: '申领', en: 'claim it' });
      if (c.claimedOn > state.claimBy!) {
        throw refuse('CLAIM_EXPIRED', `申领期限已于 ${state.claimBy} 届满`, `The time to claim ended on ${state.claimBy}`);
      }
      return [{ type: 'RewardClaimed', data: { rewardId, method: c.method, claimedOn: c.claimedOn, payBy: c.payBy } }];
    case 'payout': {
      if (state.status === 'paid') throw refuse('ALREADY_PAID', '该奖励已发放，不能重复发放', 'This reward was already paid; it cannot be paid twice');
      requireStatus(state, ['claimed'], { zh: '登记发放', en: 'record the payout' });
      if (state.payoutReferences.includes(c.reference)) {
        throw refuse('DUPLICATE_PAYOUT_REFERENCE', '该凭证号已用于本案的一次发放', 'This voucher reference was already used for a payout of this case');
      }
      const paid: RewardsEvent = { type: 'PayoutRecorded', data: { rewardId, amountFen: state.proposal!.amountFen, ...payoutFields(c) } };
      if (state.basisSinceProposal) return [paid];
      return [paid, { type: 'RewardClosed', data: { rewardId, outcome: 'paid' } }];
    }
    case 'close':
      requireStatus(state, OPEN_BEFORE_CLAIM, { zh: '结案（不予奖励）', en: 'close it as refused' });
      return [{ type: 'RewardClosed', data: { rewardId, outcome: 'refused', reason: c.reason } }];
    case 'expire':
      if (state.status !== 'notified' || c.today <= state.claimBy!) return [];
      return [{ type: 'RewardClosed', data: { rewardId, outcome: 'expired' } }];
  }
}

/** A penalty or outcome may arrive at any time until the case ends without a reward, even after a payout. */
const BASIS_STATUSES: RewardStatus[] = ['opened', 'evaluated', 'proposed', 'bureau-approved', 'finance-approved', 'city-approved', 'notified', 'claimed', 'paid'];
const OPEN_BEFORE_CLAIM: RewardStatus[] = ['opened', 'evaluated', 'proposed', 'bureau-approved', 'finance-approved', 'city-approved', 'notified'];

const due = (proposeBy?: string) => (proposeBy ? { proposeBy } : {});

function payoutFields(c: Extract<RewardCommand, { kind: 'payout' }>) {
  return { method: c.method, reference: c.reference, paidOn: c.paidOn, payerDepartment: c.payerDepartment, paidBy: c.paidBy, identityRequestId: c.identityRequestId };
}

export const rewardDecider: Decider<RewardState, RewardCommand, RewardsEvent> = {
  initialState: initialRewardState,
  evolve: evolveReward,
  decide,
};
