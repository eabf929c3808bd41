import { eventually } from '@qingyuan/testing';
import { CasesUnderTest } from './testing/harness';

const CHOUCHENG = '330782001';

describe('the problem lifecycle over HTTP, on a real PostgreSQL', () => {
  let t: CasesUnderTest;
  let analyst: string;
  let town: string;
  let verifier: string;

  beforeAll(async () => {
    t = await CasesUnderTest.start('cases_lifecycle');
    analyst = t.token(['analyst']);
    town = t.token(['town-officer'], { towns: [CHOUCHENG] });
    verifier = t.token(['verifier']);
  });

  afterAll(async () => {
    await t?.stop();
  });

  const problem = async (id: string) => (await t.call('GET', `/api/cases/problems/${id}`, analyst)).body;
  const post = (id: string, action: string, token: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    t.call('POST', `/api/cases/problems/${id}/${action}`, token, body, headers);

  it('runs triage → assignment (defaults from location and matrix) → sign-off (working days) → extension → rectification → verification', async () => {
    const id = await t.openProblem(CHOUCHENG, 'water');
    expect(await problem(id)).toMatchObject({ number: expect.stringMatching(/^YW-2026-\d{6}$/), status: { code: 'open' }, town: { code: CHOUCHENG } });

    expect((await post(id, 'triage', analyst, { category: 'water', severity: 'serious', crossTown: false, crossDepartment: true })).status).toBe(200);
    expect((await post(id, 'consultations', analyst, { kind: 'field-survey', date: '2026-11-30', participants: ['分局 张三', '水务局 李四'], conclusion: '暗管已查明' })).status).toBe(200);
    const assigned = await post(id, 'assignment', analyst, { responsiblePerson: { name: '王责任', phone: '0579-85550000' }, measures: '封堵暗管' });
    expect(assigned.status).toBe(200);
    expect(await problem(id)).toMatchObject({
      status: { code: 'assigned' },
      leadDepartment: { code: 'eco-env' },
      cooperatingDepartments: [{ code: 'water', zh: '市水务局', en: 'Water Affairs Bureau' }],
      severity: { code: 'serious' },
      timeLimit: { workingDays: 10 },
    });

    // Signed on Monday 30 Nov 2026: ten working days later is Monday 14 Dec 2026.
    expect((await post(id, 'sign-off', town)).status).toBe(200);
    expect(await problem(id)).toMatchObject({ status: { code: 'rectifying' }, signedOn: '2026-11-30', deadline: '2026-12-14' });

    expect((await post(id, 'progress', town, { summary: '已开挖排查' })).status).toBe(200);
    expect((await post(id, 'extension-request', town, { requestedDeadline: '2026-12-31', reason: '需采购设备' })).status).toBe(200);
    expect((await post(id, 'extension-decision', analyst, { approved: true })).status).toBe(200);
    expect((await problem(id)).deadline).toBe('2026-12-31');

    expect((await post(id, 'rectification', town, { summary: '已封堵', evidence: ['封堵照片'] })).status).toBe(200);
    const failed = await post(id, 'verification', verifier, { passed: false, opinion: '仍有渗漏' });
    expect(failed.body.closed).toBe(false);
    expect((await problem(id)).status.code).toBe('rectifying');
    await post(id, 'rectification', town, { summary: '已彻底封堵', evidence: ['复查照片'] });
    const passed = await post(id, 'verification', verifier, { passed: true, opinion: '现场核实整改到位' });
    expect(passed.body.closed).toBe(true);
    expect(await problem(id)).toMatchObject({ status: { code: 'closed' }, closedOn: '2026-11-30', onTime: true, handlingWorkingDays: 0 });

    const afterClose = await post(id, 'progress', town, { summary: '补充' });
    expect(afterClose.status).toBe(409);
    expect(afterClose.body).toMatchObject({ code: 'PROBLEM_CLOSED', zh: expect.stringContaining('已销号') });

    const timeline = (await t.call('GET', `/api/cases/problems/${id}/timeline`, analyst)).body;
    expect(timeline.events.map((e: { type: string }) => e.type)).toEqual([
      'ProblemOpened', 'ProblemTriaged', 'ConsultationRecorded', 'ProblemAssigned', 'ProblemSignedOff', 'ProgressReported',
      'ExtensionRequested', 'ExtensionDecided', 'RectificationReported', 'RectificationVerified', 'RectificationReported',
      'RectificationVerified', 'ProblemClosed',
    ]);
    expect(timeline.clueIds).toHaveLength(1);
  });

  it('lets the assigned unit return a problem for reassignment, and nobody else sign it', async () => {
    const id = await t.openProblem(CHOUCHENG, 'air');
    await post(id, 'assignment', analyst, { responsiblePerson: { name: '赵' }, measures: '查处', workingDays: 5 });
    const other = t.token(['town-officer'], { towns: ['330782005'] });
    expect((await post(id, 'sign-off', other)).status).toBe(404);
    const returned = await post(id, 'return', town, { reason: '该厂位于苏溪镇' });
    expect(returned.status).toBe(200);
    expect(await problem(id)).toMatchObject({ status: { code: 'returned' }, returnedReason: '该厂位于苏溪镇' });
    expect((await post(id, 'assignment', analyst, { townCode: '330782105', responsiblePerson: { name: '钱' }, measures: '查处' })).status).toBe(200);
    expect((await problem(id)).town.code).toBe('330782105');
  });

  it('refuses illegal transitions with a clear message', async () => {
    const id = await t.openProblem(CHOUCHENG);
    const early = await post(id, 'verification', verifier, { passed: true, opinion: 'x' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'PROBLEM_WRONG_STATUS', zh: expect.stringContaining('待交办'), en: expect.stringContaining('awaiting assignment') });
    await post(id, 'assignment', analyst, { responsiblePerson: { name: '孙' }, measures: '整改', workingDays: 5 });
    await post(id, 'sign-off', town);
    await post(id, 'rectification', t.token(['town-officer', 'verifier'], { towns: [CHOUCHENG], userId: 'u-both' }), { summary: '已整改', evidence: ['照片'] });
    const own = await post(id, 'verification', t.token(['verifier'], { userId: 'u-both' }), { passed: true, opinion: '自己验收' });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('VERIFIER_IS_ASSIGNEE');
  });

  it('lets only one of two officers acting at once succeed; the other is told to reload', async () => {
    const id = await t.openProblem(CHOUCHENG);
    const version = (await t.call('GET', `/api/cases/problems/${id}`, analyst)).headers.get('etag')!;
    const body = { responsiblePerson: { name: '周' }, measures: '整改', workingDays: 5 };
    const [a, b] = await Promise.all([post(id, 'assignment', analyst, body, { 'if-match': version }), post(id, 'assignment', analyst, body, { 'if-match': version })]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? a : b;
    expect(loser.body).toMatchObject({ code: 'CONCURRENCY_CONFLICT', zh: expect.stringContaining('刷新') });
    const [c, d] = await Promise.all([post(id, 'triage', analyst, { category: 'water', severity: 'major', crossTown: true, crossDepartment: false }), post(id, 'triage', analyst, { category: 'water', severity: 'general', crossTown: false, crossDepartment: false })]);
    expect([c.status, d.status].filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect([c.status, d.status].every((s) => s === 200 || s === 409)).toBe(true);
  });

  it('supervises, escalates, records joint action, publishes a suspected crime, and reopens as a linked problem', async () => {
    const id = await t.openProblem(CHOUCHENG, 'hazardous-waste', '废油桶倾倒');
    await post(id, 'triage', analyst, { category: 'hazardous-waste', severity: 'major', crossTown: true, crossDepartment: true });
    expect((await post(id, 'supervision', analyst, { level: 'listed', note: '挂牌督办' })).status).toBe(200);
    expect((await post(id, 'city-coordination', analyst, { reason: '涉及两镇，协调不成' })).status).toBe(200);
    expect((await post(id, 'joint-actions', analyst, { kind: 'joint-enforcement', departments: ['eco-env', 'public-security'], date: '2026-11-30', summary: '联合查处' })).status).toBe(200);
    expect((await post(id, 'suspected-crime', analyst, { basis: '非法倾倒危险废物三吨以上', criteria: ['危险废物三吨以上'] })).status).toBe(200);
    expect(await problem(id)).toMatchObject({ supervision: { code: 'listed' }, escalatedToCity: true, suspectedCrime: true });
    const crime = await eventually(async () => t.published.find((e) => e.type === 'ProblemMarkedSuspectedCrime' && e.subject === `problem-${id}`));
    expect(crime?.data).toMatchObject({ problemId: id, category: 'hazardous-waste', townCode: CHOUCHENG, criteria: ['危险废物三吨以上'] });

    await post(id, 'assignment', analyst, { responsiblePerson: { name: '吴' }, measures: '清运', workingDays: 5 });
    await post(id, 'sign-off', town);
    await post(id, 'rectification', town, { summary: '已清运', evidence: ['转移联单'] });
    await post(id, 'verification', verifier, { passed: true, opinion: '已处置' });
    const reopened = await post(id, 'reopen', analyst, { reason: 'recurrence', note: '同一地点再次倾倒' });
    expect(reopened.status).toBe(200);
    const next = await problem(reopened.body.newProblemId);
    expect(next).toMatchObject({ status: { code: 'open' }, reopenedFrom: id, description: expect.stringContaining('【重办】') });
    expect(await problem(id)).toMatchObject({ status: { code: 'closed' }, recurredAs: reopened.body.newProblemId });
  });
});
