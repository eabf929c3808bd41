import { eventually } from '@qingyuan/testing';
import { CANARY, staff, type ClosedLoopResult } from './closed-loop';
import { Client } from './http-client';

/**
 * A whistleblower reward through the gateway, after a close-out with a confirmed violation: the penalty, the
 * officer's evaluation and proposal, bureau and finance approval, the reporter told and claiming by receipt code,
 * finance reading the identity with a second approver, then the payout. Returns the reward case id.
 */
export async function runRewardLoop(base: string, adminPassword: string, tag: string, closed: ClosedLoopResult): Promise<string> {
  const admin = await new Client(base).signIn('admin', adminPassword);
  const officer = await staff(admin, `reward-officer-${tag}`, ['reward-officer']);
  const approver = await staff(admin, `reward-approver-${tag}`, ['reward-approver']);
  const financeHead = await staff(admin, `finance-head-${tag}`, ['finance']);
  const cashier = await staff(admin, `cashier-${tag}`, ['finance']);
  const identityOfficer = await staff(admin, `identity-officer-${tag}`, ['identity-officer']);
  const publicClient = new Client(base);

  const rewardId: string = await eventually(async () => {
    const list = await officer.get('/api/rewards/cases?pageSize=200');
    return list.body.items?.find((c: { problemId: string }) => c.problemId === closed.problemId)?.rewardId;
  }, { what: 'the reward case opened by the close-out' });
  const ok = async (answer: Promise<{ status: number; body: any }>) => {
    const a = await answer;
    expect({ status: a.status, body: a.body }).toMatchObject({ status: 200 });
    return a.body;
  };
  await ok(officer.post(`/api/rewards/cases/${rewardId}/penalties`, { decisionNumber: `义环罚〔2026〕${tag}号`, fineFen: 20_000_000, decidedOn: '2026-11-28' }));
  await ok(officer.post(`/api/rewards/cases/${rewardId}/evaluation`, { knownBeforeReport: false }));
  await ok(officer.post(`/api/rewards/cases/${rewardId}/proposal`, { especiallySerious: false }));
  await ok(approver.post(`/api/rewards/cases/${rewardId}/approvals`, { level: 'bureau' }));
  await ok(financeHead.post(`/api/rewards/cases/${rewardId}/approvals`, { level: 'finance' }));
  await ok(officer.post(`/api/rewards/cases/${rewardId}/notification`, {}));

  const told = await publicClient.get(`/api/rewards/public/receipts/${closed.receiptCode}`);
  expect(told.body).toMatchObject({ status: 'notified', amountFen: 1_000_000, identityNeeded: false });
  await ok(publicClient.post(`/api/rewards/public/receipts/${closed.receiptCode}/claim`, { method: 'bank-transfer' }));

  const asked = await cashier.post(`/api/intake/clues/${closed.clueId}/reporter/requests`, { purpose: '奖励发放核实身份', caseRef: rewardId });
  expect(asked.status).toBe(201);
  await ok(identityOfficer.post(`/api/intake/identity-requests/${asked.body.requestId}/approve`, {}));
  const identity = await ok(cashier.post(`/api/intake/identity-requests/${asked.body.requestId}/view`, {}));
  expect(identity.name).toBe(CANARY.name);
  // Rewards learns of the reading from intake's event; until then the payout is refused, not lost.
  await eventually(async () => {
    const paid = await cashier.post(`/api/rewards/cases/${rewardId}/payout`, { method: 'bank-transfer', reference: `PZ-${tag}`, identityRequestId: asked.body.requestId });
    return paid.status === 200;
  }, { what: 'the payout' });
  expect((await publicClient.get(`/api/rewards/public/receipts/${closed.receiptCode}`)).body).toMatchObject({ status: 'paid', amountFen: 1_000_000 });
  const again = await cashier.post(`/api/rewards/cases/${rewardId}/payout`, { method: 'bank-transfer', reference: `PZ-${tag}-2`, identityRequestId: asked.body.requestId });
  expect(again.body.code).toBe('ALREADY_PAID');
  return rewardId;
}
