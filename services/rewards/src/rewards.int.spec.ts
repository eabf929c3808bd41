import { randomUUID } from 'node:crypto';
import { eventually } from '@qingyuan/testing';
import { RewardsUnderTest, type StaffMember } from './testing/harness';

describe('rewards (举报奖励): from a close-out to the payout, on PostgreSQL and the in-process bus', () => {
  let t: RewardsUnderTest;
  let officer: StaffMember;
  let bureau: StaffMember;
  let financeHead: StaffMember;
  let cashier: StaffMember;
  let city: StaffMember;

  beforeAll(async () => {
    t = await RewardsUnderTest.start('rewards');
    officer = t.staff(['reward-officer']);
    bureau = t.staff(['reward-approver']);
    financeHead = t.staff(['finance']);
    cashier = t.staff(['finance']);
    city = t.staff(['city-approver']);
  });
  afterAll(() => t?.stop());

  const post = (who: StaffMember, path: string, body: unknown = {}) => t.call('POST', path, who, body);
  const detail = async (rewardId: string) => (await t.call('GET', `/api/rewards/cases/${rewardId}`, officer)).body;

  it('opens a case on a qualifying close-out, checks every reporter, and pays the first one once', async () => {
    const patrol = await t.registerClue({ channel: 'grid-patrol', at: new Date('2026-11-01T01:00:00Z') });
    const first = await t.registerClue({ anonymous: true, at: new Date('2026-11-02T01:00:00Z') });
    const second = await t.registerClue({ at: new Date('2026-11-03T01:00:00Z') });
    // The fine was decided before the problem was closed out: it waits, and joins the reward case when it opens.
    const problemId = randomUUID();
    await t.penaltyFromEnforcement(problemId, 20_000_000);
    await eventually(async () => (await t.sql('SELECT 1 FROM rewards.pending_outcomes WHERE problem_id = $1', [problemId])).length > 0, { what: 'the pending penalty' });
    const { rewardId } = await t.closeProblem([patrol.clueId, first.clueId, second.clueId], undefined, undefined, problemId);
    await t.rewardOpened(rewardId);
    expect(await t.sql('SELECT 1 FROM rewards.pending_outcomes WHERE problem_id = $1', [problemId])).toEqual([]);

    let d = await detail(rewardId);
    expect(d).toMatchObject({ status: 'opened', kind: 'problem', category: 'water', townCode: '330782001', violationKinds: ['evading-supervision'] });
    expect(d.penalties).toEqual([{ decisionNumber: '义环罚〔2026〕88号', fineFen: 20_000_000, decidedOn: '2026-11-28' }]);
    expect(d.candidates.map((c: { clueId: string; excluded?: string; eligible: boolean }) => [c.clueId, c.excluded ?? null, c.eligible])).toEqual([
      [patrol.clueId, 'excluded-channel', false],
      [first.clueId, null, true],
      [second.clueId, 'not-first', false],
    ]);
    expect(d.suggestion).toMatchObject({ amountFen: 1_000_000, capFen: 10_000_000, ruleVersion: 1 });
    expect(d.dueOn).toBe('2026-12-15'); // 10 working days from 2026-12-01

    // The reporter can see a reward is being looked at, without an amount.
    expect((await t.call('GET', `/api/rewards/public/receipts/${first.receiptCode}`)).body).toEqual({ status: 'in-review', identityNeeded: true });

    expect((await post(officer, `/api/rewards/cases/${rewardId}/evaluation`, { knownBeforeReport: false })).body).toMatchObject({ status: 'evaluated' });
    expect((await post(officer, `/api/rewards/cases/${rewardId}/proposal`, { especiallySerious: false })).body).toMatchObject({ status: 'proposed' });
    expect((await post(officer, `/api/rewards/cases/${rewardId}/approvals`, { level: 'bureau' })).status).toBe(403);
    expect((await post(bureau, `/api/rewards/cases/${rewardId}/approvals`, { level: 'bureau' })).body).toMatchObject({ status: 'bureau-approved' });
    expect((await post(financeHead, `/api/rewards/cases/${rewardId}/approvals`, { level: 'finance', note: '预算已落实' })).body).toMatchObject({ status: 'finance-approved' });
    expect((await post(officer, `/api/rewards/cases/${rewardId}/notification`)).body).toMatchObject({ status: 'notified' });

    const told = (await t.call('GET', `/api/rewards/public/receipts/${first.receiptCode}`)).body;
    expect(told).toEqual({ status: 'notified', amountFen: 1_000_000, claimBy: '2027-01-30', identityNeeded: true });
    expect((await t.call('GET', `/api/rewards/public/receipts/${second.receiptCode}`)).body).toEqual({ status: 'not-eligible', identityNeeded: false });

    await t.identify(first.clueId);
    const claimed = await t.call('POST', `/api/rewards/public/receipts/${first.receiptCode}/claim`, undefined, { method: 'bank-transfer' });
    expect(claimed.body).toEqual({ status: 'claimed', amountFen: 1_000_000, identityNeeded: false });

    // Paying needs the identity read by this finance officer for this case, through intake with a second approver.
    const requestId = randomUUID();
    const payout = { method: 'bank-transfer', reference: 'PZ-2026-1201', identityRequestId: requestId };
    expect((await post(cashier, `/api/rewards/cases/${rewardId}/payout`, payout)).body.code).toBe('IDENTITY_NOT_RESOLVED');
    await t.disclose({ requestId, clueId: first.clueId, caseRef: rewardId, requestedBy: financeHead.userId });
    expect((await post(cashier, `/api/rewards/cases/${rewardId}/payout`, payout)).body.code).toBe('IDENTITY_FOR_ANOTHER_CASE');
    const own = randomUUID();
    await t.disclose({ requestId: own, clueId: first.clueId, caseRef: rewardId, requestedBy: cashier.userId });
    expect((await post(cashier, `/api/rewards/cases/${rewardId}/payout`, { ...payout, identityRequestId: own })).body).toMatchObject({ status: 'paid' });
    expect((await t.call('GET', `/api/rewards/public/receipts/${first.receiptCode}`)).body).toEqual({ status: 'paid', amountFen: 1_000_000, identityNeeded: false });

    d = await detail(rewardId);
    expect(d.payouts).toEqual([{ amountFen: 1_000_000, method: 'bank-transfer', reference: 'PZ-2026-1201', paidOn: '2026-12-01', paidBy: cashier.userId, payerDepartment: 'eco-env' }]);
    expect(d.history.map((h: { type: string }) => h.type)).toEqual([
      'RewardCaseOpened', 'PenaltyRecorded', 'RewardEvaluated', 'RewardEvaluated', 'RewardProposed', 'RewardApproved', 'RewardApproved',
      'ReporterNotified', 'RewardClaimed', 'PayoutRecorded', 'RewardClosed',
    ]);
    expect(JSON.stringify(d.history)).not.toContain('identityRequestId":"' + requestId);
  });

  it('pays a supplementary reward when a conviction arrives from the judicial bridge after the payout', async () => {
    const reporter = await t.registerClue();
    const { problemId, rewardId } = await t.closeProblem([reporter.clueId], { confirmed: true, kinds: ['illegal-waste-disposal'] });
    await t.rewardOpened(rewardId);
    await t.outcomeFromJudicial(problemId, 'detention');
    await eventually(async () => (await detail(rewardId)).outcomes.length === 1, { what: 'the detention' });
    await post(officer, `/api/rewards/cases/${rewardId}/evaluation`, { knownBeforeReport: false });
    await pay(rewardId, reporter, 500_000);
    await t.outcomeFromJudicial(problemId, 'conviction');
    await eventually(async () => (await detail(rewardId)).status === 'evaluated', { what: 'the case reopened for a supplement' });
    const d = await detail(rewardId);
    expect(d).toMatchObject({ paidFen: 500_000, suggestion: { amountFen: 1_500_000 } });
    await pay(rewardId, reporter, 1_000_000);
    expect((await detail(rewardId))).toMatchObject({ status: 'paid', paidFen: 1_500_000 });
  });

  it('opens nothing for a close-out without a confirmed qualifying violation', async () => {
    const reporter = await t.registerClue();
    const none = await t.closeProblem([reporter.clueId], { confirmed: false, kinds: [] });
    const before = await t.eventCount();
    const withCase = await t.closeProblem([reporter.clueId], { confirmed: true, kinds: ['other-egregious'] });
    await t.rewardOpened(withCase.rewardId);
    expect((await t.call('GET', `/api/rewards/cases/${none.rewardId}`, officer)).status).toBe(404);
    expect(await t.eventCount()).toBeGreaterThan(before);
  });

  it('needs the city for an especially serious reward above the ordinary cap', async () => {
    const reporter = await t.registerClue();
    const { rewardId } = await t.closeProblem([reporter.clueId], { confirmed: true, kinds: ['falsifying-monitoring'] });
    await t.rewardOpened(rewardId);
    expect((await post(officer, `/api/rewards/cases/${rewardId}/penalties`, { decisionNumber: '义环罚〔2026〕101号', fineFen: 400_000_000, decidedOn: '2026-11-29' })).status).toBe(200);
    await post(officer, `/api/rewards/cases/${rewardId}/evaluation`, { knownBeforeReport: false });
    const proposed = await post(officer, `/api/rewards/cases/${rewardId}/proposal`, { especiallySerious: true, amountFen: 30_000_000, note: '长期篡改在线监测数据，社会影响恶劣' });
    expect(proposed.status).toBe(200);
    await post(bureau, `/api/rewards/cases/${rewardId}/approvals`, { level: 'bureau' });
    await post(financeHead, `/api/rewards/cases/${rewardId}/approvals`, { level: 'finance' });
    expect((await post(officer, `/api/rewards/cases/${rewardId}/notification`)).body.code).toBe('APPROVAL_INCOMPLETE');
    expect((await post(city, `/api/rewards/cases/${rewardId}/approvals`, { level: 'city' })).body).toMatchObject({ status: 'city-approved' });
    expect((await post(officer, `/api/rewards/cases/${rewardId}/notification`)).body).toMatchObject({ status: 'notified' });
  });

  it('runs a bounty: leads link themselves, the award is split into two reward cases, each approved and paid', async () => {
    const published = await post(officer, '/api/rewards/bounties', {
      title: '征集某河段夜间偷排线索', description: '征集能证明夜间偷排的照片、视频或知情人证言。', maxAmountFen: 5_000_000, approvalReference: '义政函〔2026〕9号', expiresOn: '2027-03-31',
    });
    expect(published.status).toBe(201);
    const bountyId = published.body.bountyId;
    expect((await t.call('GET', '/api/rewards/public/bounties')).body.items).toContainEqual(expect.objectContaining({ bountyId, maxAmountFen: 5_000_000 }));
    const a = await t.registerClue({ bountyId });
    const b = await t.registerClue({ bountyId });
    await eventually(async () => (await t.call('GET', `/api/rewards/bounties/${bountyId}`, officer)).body.leadCount === 2, { what: 'two leads' });
    const over = await post(officer, `/api/rewards/bounties/${bountyId}/award`, { awards: [{ clueId: a.clueId, amountFen: 3_000_000 }, { clueId: b.clueId, amountFen: 2_000_001 }] });
    expect(over.body.code).toBe('AMOUNT_ABOVE_CAP');
    const awarded = await post(officer, `/api/rewards/bounties/${bountyId}/award`, { awards: [{ clueId: a.clueId, amountFen: 3_000_000 }, { clueId: b.clueId, amountFen: 2_000_000 }] });
    expect(awarded.body).toMatchObject({ status: 'awarded', awardedFen: 5_000_000 });
    expect((await t.call('GET', '/api/rewards/public/bounties')).body.items.map((x: { bountyId: string }) => x.bountyId)).not.toContain(bountyId);
    const cases = (await t.call('GET', '/api/rewards/cases?kind=bounty', officer)).body.items;
    expect(cases.map((c: { amountFen: number; status: string }) => [c.amountFen, c.status]).sort()).toEqual([[2_000_000, 'proposed'], [3_000_000, 'proposed']]);
    const forA = cases.find((c: { amountFen: number }) => c.amountFen === 3_000_000).rewardId;
    expect((await post(officer, `/api/rewards/cases/${forA}/approvals`, { level: 'bureau' })).status).toBe(403);
    await post(bureau, `/api/rewards/cases/${forA}/approvals`, { level: 'bureau' });
    await post(financeHead, `/api/rewards/cases/${forA}/approvals`, { level: 'finance' });
    await post(officer, `/api/rewards/cases/${forA}/notification`);
    expect((await t.call('GET', `/api/rewards/public/receipts/${a.receiptCode}`)).body).toMatchObject({ status: 'notified', amountFen: 3_000_000 });

    // A refused award goes back for a new proposal, never above what was awarded.
    const forB = cases.find((c: { amountFen: number }) => c.amountFen === 2_000_000).rewardId;
    expect((await post(bureau, `/api/rewards/cases/${forB}/refusals`, { level: 'bureau', reason: '线索作用需再核实' })).body).toMatchObject({ status: 'evaluated' });
    expect((await post(officer, `/api/rewards/cases/${forB}/proposal`, { especiallySerious: false, amountFen: 2_000_001, note: '复核后调整' })).body.code).toBe('AMOUNT_ABOVE_CAP');
    expect((await post(officer, `/api/rewards/cases/${forB}/proposal`, { especiallySerious: false, amountFen: 1_500_000, note: '复核后调整' })).body).toMatchObject({ status: 'proposed' });
    expect((await detail(forB)).amountFen).toBe(1_500_000);
  });

  it('expires a reward not claimed in time, once', async () => {
    const reporter = await t.registerClue();
    const { rewardId } = await t.closeProblem([reporter.clueId]);
    await t.rewardOpened(rewardId);
    await post(officer, `/api/rewards/cases/${rewardId}/penalties`, { decisionNumber: 'X-1', fineFen: 1_000_000, decidedOn: '2026-11-29' });
    await post(officer, `/api/rewards/cases/${rewardId}/evaluation`, { knownBeforeReport: false });
    await post(officer, `/api/rewards/cases/${rewardId}/proposal`, { especiallySerious: false });
    await post(bureau, `/api/rewards/cases/${rewardId}/approvals`, { level: 'bureau' });
    await post(financeHead, `/api/rewards/cases/${rewardId}/approvals`, { level: 'finance' });
    await post(officer, `/api/rewards/cases/${rewardId}/notification`);
    const saved = t.now;
    t.now = new Date('2027-02-01T02:00:00Z');
    try {
      const late = await t.call('POST', `/api/rewards/public/receipts/${reporter.receiptCode}/claim`, undefined, { method: 'in-person' });
      expect(late.body.code).toBe('CLAIM_EXPIRED');
      // The reporter's wait is not staff's delay: a notified case is never listed as overdue.
      const overdue = await t.call('GET', `/api/rewards/cases?overdue=true`, officer);
      expect(overdue.body.items.map((i: { rewardId: string }) => i.rewardId)).not.toContain(rewardId);
      expect(await t.expireDue()).toBeGreaterThanOrEqual(1);
      expect(await t.expireDue()).toBe(0);
      expect(await detail(rewardId)).toMatchObject({ status: 'expired' });
      expect((await t.call('GET', `/api/rewards/public/receipts/${reporter.receiptCode}`)).body).toEqual({ status: 'expired', identityNeeded: false });
    } finally {
      t.now = saved;
    }
  });

  it('counts rewards granted and paid by category, town and month, and the days from close-out to payout', async () => {
    const stats = (await t.call('GET', '/api/rewards/stats?from=2026-01&to=2026-12', officer)).body;
    expect(stats.totals.paid).toBeGreaterThanOrEqual(3);
    expect(stats.byCategory).toContainEqual(expect.objectContaining({ key: 'water' }));
    expect(stats.byTown).toContainEqual(expect.objectContaining({ key: '330782001' }));
    expect(stats.byMonth).toContainEqual(expect.objectContaining({ key: '2026-12' }));
    expect(stats.closeToPayout).toMatchObject({ count: 2, medianDays: 1 });
    expect((await t.call('GET', '/api/rewards/stats?from=2026-13', officer)).status).toBe(400);
    const scoped = t.staff(['leader'], { towns: ['330782002'] });
    expect((await t.call('GET', '/api/rewards/stats?from=2026-01&to=2026-12', scoped)).body.totals).toMatchObject({ paid: 0 });
    expect((await t.call('GET', '/api/rewards/cases', scoped)).body.total).toBe(0);
  });

  it('versions the rule table: a new version applies to later decisions, the old stays, a bad one is refused whole', async () => {
    const admin = t.staff(['admin']);
    const { current } = (await t.call('GET', '/api/rewards/rules', officer)).body;
    expect(current).toMatchObject({ version: 1, rules: { fineSharePercent: 5, ordinaryCapFen: 10_000_000 } });
    const bad = await t.call('PUT', '/api/rewards/rules', admin, { rules: { ...current.rules, ordinaryCapFen: 20_000_000, fineSharePercent: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['rules.fineSharePercent', 'rules.ordinaryCapFen']);
    const saved = await t.call('PUT', '/api/rewards/rules', admin, { rules: { ...current.rules, fineSharePercent: 10 }, effectiveFrom: '2026-12-01', note: '试行' });
    expect(saved.body).toMatchObject({ version: 2, effectiveFrom: '2026-12-01' });
    const reporter = await t.registerClue();
    const { rewardId } = await t.closeProblem([reporter.clueId]);
    await t.rewardOpened(rewardId);
    await post(officer, `/api/rewards/cases/${rewardId}/penalties`, { decisionNumber: 'V2-1', fineFen: 1_000_000, decidedOn: '2026-11-29' });
    expect((await detail(rewardId)).suggestion).toMatchObject({ amountFen: 100_000, ruleVersion: 2 });
    expect((await t.call('GET', '/api/rewards/rules', officer)).body.versions).toHaveLength(2);
  });

  async function pay(rewardId: string, reporter: { clueId: string; receiptCode: string }, amountFen: number): Promise<void> {
    expect((await post(officer, `/api/rewards/cases/${rewardId}/proposal`, { especiallySerious: false })).body).toMatchObject({ status: 'proposed' });
    expect((await detail(rewardId)).amountFen).toBe(amountFen);
    await post(bureau, `/api/rewards/cases/${rewardId}/approvals`, { level: 'bureau' });
    await post(financeHead, `/api/rewards/cases/${rewardId}/approvals`, { level: 'finance' });
    await post(officer, `/api/rewards/cases/${rewardId}/notification`);
    expect((await t.call('POST', `/api/rewards/public/receipts/${reporter.receiptCode}/claim`, undefined, { method: 'in-person' })).status).toBe(200);
    const requestId = randomUUID();
    await t.disclose({ requestId, clueId: reporter.clueId, caseRef: rewardId, requestedBy: cashier.userId });
    expect((await post(cashier, `/api/rewards/cases/${rewardId}/payout`, { method: 'in-person', reference: `PZ-${requestId.slice(0, 8)}`, identityRequestId: requestId })).status).toBe(200);
  }
});
