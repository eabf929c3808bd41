import type { RewardsEvent } from '@qingyuan/contracts';
import { deciderSpec } from '@qingyuan/domain';
import type { ClueFacts } from './eligibility';
import { rewardDecider, type RewardCommand } from './reward';
import { DEFAULT_REWARD_RULES as rules, suggestReward, type RewardRules } from './rules';

const { given, when, refusal } = deciderSpec(rewardDecider);

/** Run commands in order, each on the events so far. */
function play(commands: RewardCommand[], from: RewardsEvent[] = []): RewardsEvent[] {
  return commands.reduce((events, c) => [...events, ...when(events, c)], from);
}

const clue = (clueId: string, registeredAt: string, over: Partial<ClueFacts> = {}): ClueFacts => ({
  clueId,
  channel: 'public-web',
  registeredAt,
  anonymous: false,
  identifiable: true,
  insider: false,
  ...over,
});
const opened: RewardsEvent = {
  type: 'RewardCaseOpened',
  data: { rewardId: 'reward-p1', kind: 'problem', problemId: 'p1', problemNumber: 'YW-2026-000001', category: 'water', violationKinds: ['evading-supervision'], problemClosedOn: '2026-11-20', clueIds: ['c1', 'c2', 'c3'], evaluateBy: '2026-12-04' },
};
const candidates = [clue('c2', '2026-11-02T02:00:00Z'), clue('c1', '2026-11-01T09:00:00Z', { channel: 'grid-patrol' }), clue('c3', '2026-11-03T01:00:00Z', { anonymous: true, identifiable: false })];
const evaluate = (over: Partial<Extract<RewardCommand, { kind: 'evaluate' }>> = {}): RewardCommand => ({
  kind: 'evaluate',
  candidates,
  findings: { exclusions: [], knownBeforeReport: false },
  rules,
  ruleVersion: 1,
  evaluatedBy: 'u-officer',
  proposeBy: '2026-12-18',
  ...over,
});
const penalty = (fineFen: number, decisionNumber = '义环罚〔2026〕12号'): RewardCommand => ({ kind: 'record-penalty', decisionNumber, fineFen, decidedOn: '2026-11-25' });
const propose = (events: RewardsEvent[], over: Partial<Extract<RewardCommand, { kind: 'propose' }>> = {}, r: RewardRules = rules): RewardCommand => {
  const s = given(events);
  const suggestion = suggestReward(r, { fines: s.penalties.map((p) => p.fineFen), outcomes: s.outcomes.map((o) => o.outcome), violationKinds: s.violationKinds, especiallySerious: over.especiallySerious ?? false });
  return { kind: 'propose', especiallySerious: false, suggestion, rules: r, ruleVersion: 1, proposedBy: 'u-officer', approveBy: '2026-12-10', ...over };
};
const approve = (level: 'bureau' | 'finance' | 'city', approvedBy: string): RewardCommand => ({ kind: 'approve', level, approvedBy, nextDueBy: '2026-12-15' });
const payout = (reference = 'PZ-001'): RewardCommand => ({ kind: 'payout', method: 'bank-transfer', reference, paidOn: '2026-12-20', payerDepartment: 'ecology', paidBy: 'u-finance', identityRequestId: 'r1' });

describe('the rule table', () => {
  it('gives 5% of the fine, capped at 100,000 yuan, plus fixed amounts per outcome', () => {
    expect(suggestReward(rules, { fines: [20_000_000], outcomes: [], violationKinds: [], especiallySerious: false })).toEqual({
      amountFen: 1_000_000,
      items: [{ rule: 'fine-share', basisFen: 20_000_000, amountFen: 1_000_000 }],
      capFen: 10_000_000,
    });
    // 5% of 3,000,000 yuan is 150,000: the share is capped at 100,000 and so is the case.
    expect(suggestReward(rules, { fines: [300_000_000], outcomes: ['detention'], violationKinds: [], especiallySerious: false }).amountFen).toBe(10_000_000);
    expect(suggestReward(rules, { fines: [10_000_000], outcomes: ['detention', 'arrest', 'conviction'], violationKinds: [], especiallySerious: false }).amountFen).toBe(500_000 + 500_000 + 1_000_000 + 1_000_000);
    // rounding never gives more than the share: 5% of 0.19 yuan is 0 fen
    expect(suggestReward(rules, { fines: [19], outcomes: [], violationKinds: [], especiallySerious: false }).amountFen).toBe(0);
  });

  it('pays only the highest item when the rules say so, and an orphan radioactive source up to its own cap', () => {
    const highest = { ...rules, stacking: 'highest' as const };
    expect(suggestReward(highest, { fines: [10_000_000], outcomes: ['arrest'], violationKinds: [], especiallySerious: false }).items).toEqual([{ rule: 'arrest', amountFen: 1_000_000 }]);
    expect(suggestReward(rules, { fines: [], outcomes: [], violationKinds: ['orphan-radioactive'], especiallySerious: false })).toMatchObject({ amountFen: 2_000_000, capFen: 2_000_000 });
  });
});

describe('eligibility', () => {
  it('rewards the first reporter who is not excluded, and records why each other one is not', () => {
    const [evaluated] = when([opened], evaluate());
    expect(evaluated.data).toMatchObject({ eligibleClueId: 'c2', ruleVersion: 1 });
    const checks = (evaluated.data as { checks: Array<{ clueId: string; excluded?: string; first: boolean }> }).checks;
    expect(checks.map((c) => [c.clueId, c.excluded ?? null, c.first])).toEqual([
      ['c1', 'excluded-channel', false],
      ['c2', null, true],
      ['c3', 'not-first', false],
    ]);
  });

  it("takes the officer's exclusions and the real-name rule into account", () => {
    const [byOfficer] = when([opened], evaluate({ findings: { exclusions: [{ clueId: 'c2', reason: 'reported-party-management' }], knownBeforeReport: false } }));
    expect(byOfficer.data).toMatchObject({ eligibleClueId: 'c3' });
    const strict = { ...rules, requireRealNameAtReport: true };
    const events = when([opened], evaluate({ rules: strict, findings: { exclusions: [{ clueId: 'c2', reason: 'on-duty-staff' }], knownBeforeReport: false } }));
    expect(events.map((e) => e.type)).toEqual(['RewardEvaluated', 'RewardClosed']);
    expect(events[1].data).toMatchObject({ outcome: 'ineligible' });
  });

  it('finds nobody eligible when the department already knew, but the automatic check leaves the case to the officer', () => {
    expect(when([opened], evaluate({ findings: { exclusions: [], knownBeforeReport: true } })).map((e) => e.type)).toEqual(['RewardEvaluated', 'RewardClosed']);
    expect(when([opened], evaluate({ evaluatedBy: 'system', candidates: [] })).map((e) => e.type)).toEqual(['RewardEvaluated']);
    expect(refusal(() => when([opened], evaluate({ findings: { exclusions: [{ clueId: 'other', reason: 'other' }], knownBeforeReport: false } })))).toBe('NOT_A_CANDIDATE');
  });
});

describe('the reward workflow', () => {
  const evaluated = play([evaluate(), penalty(20_000_000)], [opened]);

  it('goes proposed → bureau → finance → notified → claimed → paid with one payout', () => {
    const events = play([propose(evaluated), approve('bureau', 'u-bureau'), approve('finance', 'u-finance-head')], evaluated);
    expect(given(events).status).toBe('finance-approved');
    expect(events.at(-1)!.data).toMatchObject({ final: true });
    const paid = play([{ kind: 'notify', notifiedOn: '2026-12-12', claimBy: '2027-02-10' }, { kind: 'claim', method: 'bank-transfer', claimedOn: '2026-12-15', payBy: '2026-12-29' }, payout()], events);
    expect(paid.slice(-2).map((e) => e.type)).toEqual(['PayoutRecorded', 'RewardClosed']);
    expect(paid.at(-2)!.data).toMatchObject({ amountFen: 1_000_000, identityRequestId: 'r1' });
    expect(given(paid)).toMatchObject({ status: 'paid', paidFen: 1_000_000 });
    expect(refusal(() => when(paid, payout('PZ-002')))).toBe('ALREADY_PAID');
  });

  it('refuses amounts above the rule or the cap, and approval by the proposer or one person twice', () => {
    expect(refusal(() => when(evaluated, propose(evaluated, { amountFen: 1_000_001 })))).toBe('AMOUNT_ABOVE_RULE');
    expect(refusal(() => when(evaluated, propose(evaluated, { amountFen: 10_000_001 })))).toBe('AMOUNT_ABOVE_CAP');
    expect(refusal(() => when(evaluated, propose(evaluated, { amountFen: 50_000_001, especiallySerious: true })))).toBe('AMOUNT_ABOVE_CAP');
    expect(refusal(() => when(evaluated, propose(evaluated, { amountFen: 900_000 })))).toBe('NOTE_REQUIRED');
    expect(refusal(() => when([opened, ...when([opened], evaluate())], propose([opened])))).toBe('NO_BASIS');
    const proposed = play([propose(evaluated)], evaluated);
    expect(refusal(() => when(proposed, approve('bureau', 'u-officer')))).toBe('APPROVER_IS_PROPOSER');
    expect(refusal(() => when(proposed, approve('finance', 'u-finance-head')))).toBe('APPROVAL_OUT_OF_ORDER');
    const bureau = play([approve('bureau', 'u-bureau')], proposed);
    expect(refusal(() => when(bureau, approve('finance', 'u-bureau')))).toBe('SAME_APPROVER_TWICE');
    expect(refusal(() => when(bureau, { kind: 'notify', notifiedOn: '2026-12-12', claimBy: '2027-02-10' }))).toBe('REWARD_WRONG_STATUS');
  });

  it('needs the city for an especially serious case, and a refusal sends it back for a new proposal', () => {
    const serious = play([propose(evaluated, { especiallySerious: true, amountFen: 30_000_000, note: '长期暗管偷排，特别重大' }), approve('bureau', 'u-bureau'), approve('finance', 'u-fin')], evaluated);
    expect(refusal(() => when(serious, { kind: 'notify', notifiedOn: '2026-12-12', claimBy: '2027-02-10' }))).toBe('APPROVAL_INCOMPLETE');
    const refused = play([{ kind: 'refuse', level: 'city', refusedBy: 'u-city', reason: '证据不足以认定特别重大' }], serious);
    expect(given(refused).status).toBe('evaluated');
    const approved = play([propose(refused), approve('bureau', 'u-bureau'), approve('finance', 'u-fin')], refused);
    expect(given(approved).status).toBe('finance-approved');
  });

  it('refuses a claim after the deadline, and expires an unclaimed reward once', () => {
    const notified = play([propose(evaluated), approve('bureau', 'u-b'), approve('finance', 'u-f'), { kind: 'notify', notifiedOn: '2026-12-12', claimBy: '2027-02-10' }], evaluated);
    expect(refusal(() => when(notified, { kind: 'claim', method: 'in-person', claimedOn: '2027-02-11', payBy: '2027-02-25' }))).toBe('CLAIM_EXPIRED');
    expect(when(notified, { kind: 'expire', today: '2027-02-10' })).toEqual([]);
    const expired = play([{ kind: 'expire', today: '2027-02-11' }], notified);
    expect(given(expired).status).toBe('expired');
    expect(when(expired, { kind: 'expire', today: '2027-02-12' })).toEqual([]);
  });

  it('pays a supplementary reward when a conviction comes after the payout, within the cap', () => {
    const paid = play(
      [propose(evaluated), approve('bureau', 'u-b'), approve('finance', 'u-f'), { kind: 'notify', notifiedOn: '2026-12-12', claimBy: '2027-02-10' }, { kind: 'claim', method: 'bank-transfer', claimedOn: '2026-12-15', payBy: '2026-12-29' }, payout()],
      evaluated,
    );
    const convicted = play([{ kind: 'record-outcome', outcome: 'conviction', documentNumber: '(2027)浙0782刑初1号', date: '2027-03-01' }], paid);
    expect(given(convicted).status).toBe('evaluated');
    const [supplement] = when(convicted, propose(convicted));
    expect(supplement.data).toMatchObject({ amountFen: 1_000_000, previouslyPaidFen: 1_000_000 });
    // the same kind of outcome again adds nothing
    expect(when(convicted, { kind: 'record-outcome', outcome: 'conviction', documentNumber: 'x', date: '2027-03-02' })).toEqual([]);
  });

  it('keeps a case open for the next round when an outcome arrives while a round is being approved', () => {
    const proposed = play([propose(evaluated), { kind: 'record-outcome', outcome: 'detention', documentNumber: '义公拘〔2026〕3号', date: '2026-12-01' }], evaluated);
    const paid = play([approve('bureau', 'u-b'), approve('finance', 'u-f'), { kind: 'notify', notifiedOn: '2026-12-12', claimBy: '2027-02-10' }, { kind: 'claim', method: 'bank-transfer', claimedOn: '2026-12-15', payBy: '2026-12-29' }, payout()], proposed);
    expect(paid.at(-1)!.type).toBe('PayoutRecorded');
    expect(given(paid)).toMatchObject({ status: 'evaluated', paidFen: 1_000_000 });
    expect(when(paid, propose(paid))[0].data).toMatchObject({ amountFen: 500_000 });
  });
});
