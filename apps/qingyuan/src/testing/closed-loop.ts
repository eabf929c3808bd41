import type { VerifiedViolation } from '@qingyuan/contracts';
import { eventually } from '@qingyuan/testing';
import { Client } from './http-client';

/** A reporter identity planted to prove that it never leaks into events, logs or Kafka messages. */
export const CANARY = { name: '金丝雀测试员', phone: '13912345678', idNumber: '33078219900101123X', address: '义乌市金丝雀路1号' };
export const CANARY_STRINGS = [CANARY.name, CANARY.phone, CANARY.idNumber, CANARY.address, '金丝雀'];

export interface ClosedLoopResult {
  receiptCode: string;
  clueId: string;
  problemId: string;
  stages: string[];
}

export async function staff(admin: Client, username: string, roles: string[], towns: string[] = []): Promise<Client> {
  const created = await admin.post('/api/admin/users', { username, displayName: `测试${username}`, roles, towns });
  expect(created.status).toBe(201);
  return new Client(admin.base).signIn(username, created.body.password);
}

/**
 * The first closed loop through the gateway: a real-name public report → accepted → problem opened → assigned →
 * rectified → verified and closed out (销号). The reporter follows it by receipt code at every step.
 */
export async function runClosedLoop(base: string, adminPassword: string, tag: string, options: { violation?: VerifiedViolation } = {}): Promise<ClosedLoopResult> {
  const admin = await new Client(base).signIn('admin', adminPassword);
  const analyst = await staff(admin, `analyst-${tag}`, ['analyst']);
  const town = await staff(admin, `town-${tag}`, ['town-officer'], ['330782001']);
  const publicClient = new Client(base);
  const stages: string[] = [];
  const progress = async (expected: string) => {
    const body = await eventually(async () => {
      const answer = await publicClient.get(`/api/intake/receipts/${receiptCode}`);
      return answer.status === 200 && answer.body.stage === expected && answer.body;
    }, { what: `public stage ${expected}` });
    stages.push(body.stage);
    return body;
  };

  const report = await publicClient.post('/api/intake/reports', {
    category: 'water',
    description: '稠城街道某厂排口夜间排放黑色污水，河面有油膜。',
    observedAt: '2026-11-28T21:30:00+08:00',
    anonymous: false,
    insider: true,
    reporter: CANARY,
    location: { lat: 29.3069, lng: 120.0751, address: '稠城街道某工业区', townCode: '330782001' },
  });
  expect(report.status).toBe(201);
  const receiptCode: string = report.body.receiptCode;
  expect(receiptCode).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
  expect(JSON.stringify(report.body)).not.toContain(CANARY.name);
  await progress('received');

  const queue = await analyst.get('/api/intake/clues?status=received&limit=500');
  expect(queue.status).toBe(200);
  const clue = queue.body.find((c: { description: string; reporter: { realName: boolean } }) => c.description.startsWith('稠城街道某厂排口') && c.reporter.realName);
  expect(clue).toBeDefined();
  expect(JSON.stringify(queue.body)).not.toContain(CANARY.phone);
  const clueId: string = clue.clueId;

  // A stale If-Match is refused, not applied.
  const stale = await analyst.post(`/api/intake/clues/${clueId}/accept`, {}, { 'if-match': '"7"' });
  expect(stale.status).toBe(412);
  expect(stale.body.code).toBe('CONCURRENCY_CONFLICT');
  const accepted = await analyst.post(`/api/intake/clues/${clueId}/accept`, { note: '线索具体，予以受理' }, { 'if-match': '"1"' });
  expect(accepted.status).toBe(200);

  const problemId = await eventually(async () => {
    const c = await analyst.get(`/api/intake/clues/${clueId}`);
    return c.body.problemId as string | undefined;
  }, { what: 'the problem opened from the clue' });
  await progress('accepted');
  const opened = await analyst.get(`/api/cases/problems/${problemId}`);
  expect(opened.body).toMatchObject({ status: { code: 'open' }, category: { code: 'water' }, clueIds: [clueId], number: expect.stringMatching(/^YW-\d{4}-\d{6}$/) });

  const assignment = {
    townCode: '330782001',
    leadDepartment: 'water',
    responsiblePerson: { name: '王责任', phone: '0579-85550000' },
    measures: '封堵暗管，清理河道油污',
    requirements: '三日内完成封堵',
    deadline: '2099-12-31',
  };
  expect((await town.post(`/api/cases/problems/${problemId}/assignment`, assignment)).status).toBe(403);
  const assigned = await analyst.post(`/api/cases/problems/${problemId}/assignment`, assignment);
  expect(assigned.status).toBe(200);
  const assignedView = await progress('assigned');
  expect(assignedView.history.at(-1).assignment).toEqual({
    town: { zh: '稠城街道', en: 'Choucheng Subdistrict' },
    leadDepartment: { zh: '市水务局', en: 'Water Affairs Bureau' },
  });
  expect((await town.post(`/api/cases/problems/${problemId}/sign-off`, {})).status).toBe(200);
  const signedView = await progress('rectifying');
  expect(signedView.history.at(-1).assignment).toEqual({ deadline: '2099-12-31' });

  const rectified = await town.post(`/api/cases/problems/${problemId}/rectification`, {
    summary: '暗管已封堵，河面油污已清理',
    evidence: ['封堵前后对比照片 3 张', '清淤记录'],
  });
  expect(rectified.status).toBe(200);
  await progress('verifying');

  const closed = await analyst.post(`/api/cases/problems/${problemId}/verification`, { passed: true, opinion: '现场核查，整改到位，同意销号', violation: options.violation });
  expect(closed.status).toBe(200);
  const final = await progress('closed');
  expect(final.history.map((h: { stage: string }) => h.stage)).toEqual(['received', 'accepted', 'assigned', 'rectifying', 'verifying', 'closed']);

  const timeline = (await analyst.get(`/api/cases/problems/${problemId}/timeline`)).body;
  expect(timeline.clueIds).toEqual([clueId]);
  expect(timeline.events.map((e: { type: string }) => e.type)).toEqual([
    'ProblemOpened',
    'ProblemAssigned',
    'ProblemSignedOff',
    'RectificationReported',
    'RectificationVerified',
    'ProblemClosed',
  ]);
  for (const entry of timeline.events) {
    expect(entry.recordedAt).toEqual(expect.any(String));
    expect(entry.actor.kind).toEqual(expect.stringMatching(/user|system/));
  }
  expect(timeline.events[1].actor.name).toBe(`测试analyst-${tag}`);
  expect(timeline.events[2].actor.name).toBe(`测试town-${tag}`);
  return { receiptCode, clueId, problemId, stages };
}
