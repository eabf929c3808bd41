import { randomUUID } from 'node:crypto';
import { newReceiptCode } from '@qingyuan/contracts';
import { RewardsUnderTest, type StaffMember } from './testing/harness';

/**
 * Bad input to rewards is refused with a clear message in both languages, and nothing is written: no event, no rule
 * version, no bounty, no change to any reward case.
 */
describe('rewards refuses bad input and writes nothing', () => {
  let t: RewardsUnderTest;
  let officer: StaffMember;
  /** an officer who may also approve at bureau level: still not their own proposal */
  let officerApprover: StaffMember;
  /** a bureau approver who also has the finance role: not both levels */
  let bureauAndFinance: StaffMember;
  let finance: StaffMember;
  let admin: StaffMember;
  const ids: Record<'evaluated' | 'proposedFresh' | 'proposed' | 'noBasis' | 'notified' | 'claimed' | 'paid' | 'bountyOpen' | 'bountyLead', string> = {} as never;
  const codes: Record<'notified' | 'notEligible' | 'claimed', string> = {} as never;
  let claimedClue = '';

  const post = (who: StaffMember | undefined, path: string, body: unknown = {}) => t.call('POST', path, who, body);

  /** A reward case moved to a status through the real API. */
  async function caseAt(status: 'evaluated' | 'proposed' | 'notified' | 'claimed' | 'paid', proposer = officer, withPenalty = true) {
    const first = await t.registerClue();
    const later = await t.registerClue();
    const { rewardId } = await t.closeProblem([first.clueId, later.clueId]);
    await t.rewardOpened(rewardId);
    if (withPenalty) await post(officer, `/api/rewards/cases/${rewardId}/penalties`, { decisionNumber: `罚-${rewardId.slice(0, 6)}`, fineFen: 20_000_000, decidedOn: '2026-11-28' });
    await post(officer, `/api/rewards/cases/${rewardId}/evaluation`, { knownBeforeReport: false });
    const done = { rewardId, first, later };
    if (status === 'evaluated') return done;
    expect((await post(proposer, `/api/rewards/cases/${rewardId}/proposal`, { especiallySerious: false })).status).toBe(200);
    if (status === 'proposed') return done;
    await post(t.staff(['reward-approver']), `/api/rewards/cases/${rewardId}/approvals`, { level: 'bureau' });
    await post(finance, `/api/rewards/cases/${rewardId}/approvals`, { level: 'finance' });
    await post(officer, `/api/rewards/cases/${rewardId}/notification`);
    if (status === 'notified') return done;
    await post(undefined, `/api/rewards/public/receipts/${first.receiptCode}/claim`, { method: 'bank-transfer' });
    if (status === 'claimed') return done;
    const requestId = randomUUID();
    await t.disclose({ requestId, clueId: first.clueId, caseRef: rewardId, requestedBy: finance.userId });
    expect((await post(finance, `/api/rewards/cases/${rewardId}/payout`, { method: 'bank-transfer', reference: 'PZ-1', identityRequestId: requestId })).status).toBe(200);
    return done;
  }

  beforeAll(async () => {
    t = await RewardsUnderTest.start('rewards_bad_input');
    officer = t.staff(['reward-officer']);
    officerApprover = t.staff(['reward-officer', 'reward-approver']);
    bureauAndFinance = t.staff(['reward-approver', 'finance']);
    finance = t.staff(['finance']);
    admin = t.staff(['admin']);
    ids.evaluated = (await caseAt('evaluated')).rewardId;
    ids.proposedFresh = (await caseAt('proposed', officerApprover)).rewardId;
    ids.proposed = (await caseAt('proposed', officerApprover)).rewardId;
    await post(bureauAndFinance, `/api/rewards/cases/${ids.proposed}/approvals`, { level: 'bureau' });
    ids.noBasis = (await caseAt('evaluated', officer, false)).rewardId;
    const notified = await caseAt('notified');
    ids.notified = notified.rewardId;
    codes.notified = notified.first.receiptCode;
    codes.notEligible = notified.later.receiptCode;
    const claimed = await caseAt('claimed');
    ids.claimed = claimed.rewardId;
    codes.claimed = claimed.first.receiptCode;
    claimedClue = claimed.first.clueId;
    ids.paid = (await caseAt('paid')).rewardId;
    // someone else's identity reading, and one for another case
    await t.disclose({ requestId: '00000000-0000-4000-8000-00000000000a', clueId: claimedClue, caseRef: ids.claimed, requestedBy: officer.userId });
    await t.disclose({ requestId: '00000000-0000-4000-8000-00000000000b', clueId: claimedClue, caseRef: ids.paid, requestedBy: finance.userId });
    ids.bountyOpen = (await post(officer, '/api/rewards/bounties', { title: '悬赏', description: '征集夜间偷排线索', maxAmountFen: 1_000_000, approvalReference: '义政函〔2026〕1号', expiresOn: '2027-06-30' })).body.bountyId;
    ids.bountyLead = (await t.registerClue()).clueId;
  });
  afterAll(() => t?.stop());

  const payout = (requestId: string, reference = 'PZ-9') => ({ method: 'bank-transfer', reference, identityRequestId: requestId });
  const CASES: Array<{ name: string; call: () => Promise<{ status: number; body: any }>; status: number; code: string }> = [
    { name: 'a negative fine', call: () => post(officer, `/api/rewards/cases/${ids.noBasis}/penalties`, { decisionNumber: 'x', fineFen: -1, decidedOn: '2026-11-28' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a proposal above the 100,000 yuan cap', call: () => post(officer, `/api/rewards/cases/${ids.evaluated}/proposal`, { especiallySerious: false, amountFen: 10_000_001, note: '多给' }), status: 422, code: 'AMOUNT_ABOVE_CAP' },
    { name: 'a proposal above what the rule table gives', call: () => post(officer, `/api/rewards/cases/${ids.evaluated}/proposal`, { especiallySerious: false, amountFen: 1_000_001, note: '多给' }), status: 422, code: 'AMOUNT_ABOVE_RULE' },
    { name: 'a proposal on a case already notified', call: () => post(officer, `/api/rewards/cases/${ids.notified}/proposal`, { especiallySerious: false }), status: 409, code: 'REWARD_WRONG_STATUS' },
    { name: 'an especially serious amount above 500,000 yuan', call: () => post(officer, `/api/rewards/cases/${ids.noBasis}/proposal`, { especiallySerious: true, amountFen: 50_000_001 }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a proposal without a penalty or outcome', call: () => post(officer, `/api/rewards/cases/${ids.noBasis}/proposal`, { especiallySerious: false }), status: 409, code: 'NO_BASIS' },
    { name: 'an amount of fractional fen', call: () => post(officer, `/api/rewards/cases/${ids.noBasis}/proposal`, { especiallySerious: true, amountFen: 100.5 }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'approval by the proposer', call: () => post(officerApprover, `/api/rewards/cases/${ids.proposedFresh}/approvals`, { level: 'bureau' }), status: 403, code: 'APPROVER_IS_PROPOSER' },
    { name: 'an approval out of order', call: () => post(finance, `/api/rewards/cases/${ids.proposedFresh}/approvals`, { level: 'finance' }), status: 409, code: 'APPROVAL_OUT_OF_ORDER' },
    { name: 'one person approving two levels', call: () => post(bureauAndFinance, `/api/rewards/cases/${ids.proposed}/approvals`, { level: 'finance' }), status: 403, code: 'SAME_APPROVER_TWICE' },
    { name: 'an approval at a level the role may not give', call: () => post(officer, `/api/rewards/cases/${ids.proposed}/approvals`, { level: 'finance' }), status: 403, code: 'FORBIDDEN' },
    { name: 'a city approval a normal case does not need', call: () => post(t.staff(['city-approver']), `/api/rewards/cases/${ids.notified}/approvals`, { level: 'city' }), status: 409, code: 'REWARD_WRONG_STATUS' },
    { name: 'a second payout of the same reward', call: () => post(finance, `/api/rewards/cases/${ids.paid}/payout`, payout(randomUUID(), 'PZ-2')), status: 409, code: 'ALREADY_PAID' },
    { name: 'a payout without an identity reading', call: () => post(finance, `/api/rewards/cases/${ids.claimed}/payout`, payout(randomUUID())), status: 409, code: 'IDENTITY_NOT_RESOLVED' },
    { name: "a payout on someone else's identity reading", call: () => post(finance, `/api/rewards/cases/${ids.claimed}/payout`, payout('00000000-0000-4000-8000-00000000000a')), status: 409, code: 'IDENTITY_FOR_ANOTHER_CASE' },
    { name: 'a payout on a reading for another case', call: () => post(finance, `/api/rewards/cases/${ids.claimed}/payout`, payout('00000000-0000-4000-8000-00000000000b')), status: 409, code: 'IDENTITY_FOR_ANOTHER_CASE' },
    { name: 'a payout with bank details in it', call: () => post(finance, `/api/rewards/cases/${ids.claimed}/payout`, { ...payout(randomUUID()), bankAccount: '6222020000000000000' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a claim with a wrong receipt code', call: () => post(undefined, `/api/rewards/public/receipts/${newReceiptCode()}/claim`, { method: 'bank-transfer' }), status: 404, code: 'RECEIPT_NOT_FOUND' },
    { name: 'a claim with a malformed receipt code', call: () => post(undefined, '/api/rewards/public/receipts/not-a-code/claim', { method: 'bank-transfer' }), status: 404, code: 'RECEIPT_NOT_FOUND' },
    { name: "a claim with another reporter's code on the case", call: () => post(undefined, `/api/rewards/public/receipts/${codes.notEligible}/claim`, { method: 'bank-transfer' }), status: 404, code: 'NO_REWARD' },
    { name: 'a second claim', call: () => post(undefined, `/api/rewards/public/receipts/${codes.claimed}/claim`, { method: 'in-person' }), status: 409, code: 'ALREADY_CLAIMED' },
    { name: 'a claim with an unknown method', call: () => post(undefined, `/api/rewards/public/receipts/${codes.notified}/claim`, { method: 'wechat-red-packet' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'the reporter notified before approval', call: () => post(officer, `/api/rewards/cases/${ids.proposed}/notification`), status: 409, code: 'REWARD_WRONG_STATUS' },
    { name: 'a reporter excluded who did not report this problem', call: () => post(officer, `/api/rewards/cases/${ids.noBasis}/evaluation`, { knownBeforeReport: false, exclusions: [{ clueId: randomUUID(), reason: 'on-duty-staff' }] }), status: 422, code: 'NOT_A_CANDIDATE' },
    { name: 'an exclusion reason that is not on the list', call: () => post(officer, `/api/rewards/cases/${ids.noBasis}/evaluation`, { knownBeforeReport: false, exclusions: [{ clueId: randomUUID(), reason: 'dislike' }] }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an evaluation by finance', call: () => post(finance, `/api/rewards/cases/${ids.noBasis}/evaluation`, { knownBeforeReport: false }), status: 403, code: 'FORBIDDEN' },
    { name: 'an unknown reward case', call: () => post(officer, `/api/rewards/cases/${randomUUID()}/notification`), status: 404, code: 'REWARD_NOT_FOUND' },
    { name: 'a reward id that is not an id', call: () => post(officer, '/api/rewards/cases/42/notification'), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a bounty above 500,000 yuan', call: () => post(officer, '/api/rewards/bounties', { title: '悬赏', description: '征集线索', maxAmountFen: 50_000_001, approvalReference: 'x', expiresOn: '2027-06-30' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a bounty that closed yesterday', call: () => post(officer, '/api/rewards/bounties', { title: '悬赏', description: '征集线索', maxAmountFen: 100, approvalReference: 'x', expiresOn: '2026-11-30' }), status: 422, code: 'EXPIRY_IN_PAST' },
    { name: 'a bounty award to a lead not linked to it', call: () => post(officer, `/api/rewards/bounties/${ids.bountyOpen}/award`, { awards: [{ clueId: ids.bountyLead, amountFen: 100 }] }), status: 422, code: 'LEAD_NOT_LINKED' },
    { name: 'a rule table with a cap above the plan', call: () => t.call('PUT', '/api/rewards/rules', admin, { rules: { ...DEFAULTS, ordinaryCapFen: 10_000_001 } }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a rule table changed by a reward officer', call: () => t.call('PUT', '/api/rewards/rules', officer, { rules: DEFAULTS }), status: 403, code: 'FORBIDDEN' },
  ];

  let DEFAULTS: Record<string, unknown>;
  beforeAll(async () => {
    DEFAULTS = (await t.call('GET', '/api/rewards/rules', officer)).body.current.rules;
  });

  const snapshot = async () =>
    (
      await t.sql(`SELECT (SELECT count(*) FROM rewards.events)::int AS events, (SELECT count(*) FROM rewards.rule_versions)::int AS rules,
        (SELECT count(*) FROM rewards.bounty_view)::int AS bounties, (SELECT md5(string_agg(detail::text, '' ORDER BY reward_id)) FROM rewards.reward_view) AS views`)
    )[0];

  it.each(CASES.map((c) => [c.name, c] as const))('refuses %s', async (_name, c) => {
    const before = await snapshot();
    const answer = await c.call();
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: c.status, code: c.code });
    expect(answer.body.zh).toEqual(expect.any(String));
    expect(answer.body.en).toEqual(expect.any(String));
    expect(await snapshot()).toEqual(before);
  });

  it('covers at least 15 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
  });
});
