import { randomUUID } from 'node:crypto';
import { EnforcementUnderTest, makeUscc, type StaffMember } from './testing/harness';

/** Bad input to enforcement is refused with a clear message in both languages, and nothing is written. */
describe('enforcement refuses bad input and writes nothing', () => {
  let t: EnforcementUnderTest;
  let officer: StaffMember;
  let inspectors: StaffMember[];
  const ids = {} as Record<'enterprise' | 'conflicted' | 'plan' | 'performedDraw' | 'task' | 'uncheckedCase' | 'exemptedCase', string>;
  let assigned: StaffMember;
  let stranger: StaffMember;

  const post = (who: StaffMember | undefined, path: string, body: unknown = {}) => t.call('POST', path, who, body);
  const put = (who: StaffMember, path: string, body: unknown) => t.call('PUT', path, who, body);
  const enterprise = (n: number, extra: Record<string, unknown> = {}) => ({ name: `企业${n}`, uscc: makeUscc(n), townCode: '330782001', address: '义乌市某路', industry: '电镀', permitClass: 'key', keyPolluter: false, ...extra });
  const all = { green: 1, blue: 1, yellow: 1, red: 1 };

  beforeAll(async () => {
    t = await EnforcementUnderTest.start('enforcement_bad_input');
    officer = t.staff(['enforcement-officer']);
    inspectors = [0, 1, 2].map(() => t.staff(['inspector']));
    ids.enterprise = (await post(officer, '/api/enforcement/enterprises', enterprise(1))).body.enterpriseId;
    ids.conflicted = (await post(officer, '/api/enforcement/enterprises', enterprise(2))).body.enterpriseId;
    for (const [i, s] of inspectors.entries()) {
      await put(officer, `/api/enforcement/inspectors/${s.userId}`, { inspectorId: s.userId, name: `执法员${i}`, formerEmployers: [], declaredConflicts: i === 0 ? [ids.conflicted] : [], active: true });
    }
    const plan = (await post(officer, '/api/enforcement/plans', { name: '一季度', period: '2027-Q1', items: ['排污许可执行情况'], ratios: { key: all, general: all, special: all } })).body;
    ids.performedDraw = (await post(officer, `/api/enforcement/plans/${plan.planId}/draws`)).body.drawId;
    await post(officer, `/api/enforcement/draws/${ids.performedDraw}/perform`);
    ids.plan = (await post(officer, '/api/enforcement/plans', { name: '二季度', period: '2027-Q2', items: ['排污许可执行情况'] })).body.planId;
    const tasks = (await t.call('GET', `/api/enforcement/tasks?drawId=${ids.performedDraw}`, officer)).body;
    ids.task = tasks[0].taskId;
    assigned = inspectors.find((i) => i.userId === tasks[0].inspectorIds[0])!;
    stranger = inspectors.find((i) => !tasks[0].inspectorIds.includes(i.userId))!;
    const violation = { result: 'violation', findings: '未按规定运行污染防治设施', evidence: ['照片 1'] };
    await post(inspectors.find((i) => i.userId === tasks[1].inspectorIds[0]), `/api/enforcement/tasks/${tasks[1].taskId}/result`, violation);
    ids.uncheckedCase = (await t.call('GET', '/api/enforcement/cases?status=open', officer)).body[0].caseId;
    ids.exemptedCase = (await post(officer, '/api/enforcement/cases', { enterpriseId: ids.enterprise, summary: '验收报告未公开' })).body.caseId;
    await post(officer, `/api/enforcement/cases/${ids.exemptedCase}/exemption-check`, { itemId: 'art33-fault', facts: { 'no-fault': true }, officerWaives: false, education: '已宣讲' });
  });
  afterAll(() => t?.stop());

  const penalty = { decisionNumber: '义环罚〔2027〕9号', legalBasis: '《大气污染防治法》第一百零八条', fineFen: 5_000_000, decidedOn: '2027-01-20' };
  const CASES: Array<{ name: string; call: () => Promise<{ status: number; body: any }>; status: number; code: string }> = [
    { name: 'a credit code with a wrong check character', call: () => post(officer, '/api/enforcement/enterprises', enterprise(3, { uscc: makeUscc(3).slice(0, 17) + (makeUscc(3).endsWith('0') ? '1' : '0') })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a credit code with the letter O', call: () => post(officer, '/api/enforcement/enterprises', enterprise(4, { uscc: '91330782MA2OOOOO1X' })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a town outside Yiwu', call: () => post(officer, '/api/enforcement/enterprises', enterprise(5, { townCode: '330102001' })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an unknown permit class', call: () => post(officer, '/api/enforcement/enterprises', enterprise(6, { permitClass: 'special' })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a registration by an inspector', call: () => post(inspectors[0], '/api/enforcement/enterprises', enterprise(7)), status: 403, code: 'FORBIDDEN' },
    { name: 'an import without a file', call: () => post(officer, '/api/enforcement/enterprises/import'), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a credit level that is not configured', call: () => put(officer, `/api/enforcement/enterprises/${ids.enterprise}/credit`, { level: 'black', reason: '年度评定' }), status: 422, code: 'UNKNOWN_CREDIT_LEVEL' },
    { name: 'a credit rating of an unknown enterprise', call: () => put(officer, `/api/enforcement/enterprises/${randomUUID()}/credit`, { level: 'green', reason: '年度评定' }), status: 404, code: 'ENTERPRISE_NOT_FOUND' },
    { name: 'an inspector whose id differs from the path', call: () => put(officer, `/api/enforcement/inspectors/${inspectors[0].userId}`, { inspectorId: 'someone-else', name: 'x', formerEmployers: [], declaredConflicts: [], active: true }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a plan with a ratio above 1', call: () => post(officer, '/api/enforcement/plans', { name: 'x', period: '2027-Q3', items: [], ratios: { key: { ...all, red: 1.5 }, general: all, special: all } }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a plan with a credit level that is not configured', call: () => post(officer, '/api/enforcement/plans', { name: 'x', period: '2027-Q3', items: [], ratios: { key: { ...all, black: 1 }, general: all, special: all } }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a credit rule table given as a list', call: () => put(officer, '/api/enforcement/rules/credit', { rules: [] }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a minor-violation list given as an object', call: () => put(officer, '/api/enforcement/rules/exemptions', { rules: {} }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a plan with one inspector per task', call: () => post(officer, '/api/enforcement/plans', { name: 'x', period: '2027-Q3', items: [], inspectorsPerTask: 1 }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a plan with a malformed period', call: () => post(officer, '/api/enforcement/plans', { name: 'x', period: 'spring', items: [] }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a draw for an unknown plan', call: () => post(officer, `/api/enforcement/plans/${randomUUID()}/draws`), status: 404, code: 'PLAN_NOT_FOUND' },
    { name: 'a second draw for a plan', call: () => post(officer, `/api/enforcement/plans/${ids.plan}/draws`).then(() => post(officer, `/api/enforcement/plans/${ids.plan}/draws`)), status: 409, code: 'DRAW_EXISTS' },
    { name: 'performing a draw twice', call: () => post(officer, `/api/enforcement/draws/${ids.performedDraw}/perform`), status: 409, code: 'DRAW_PERFORMED' },
    { name: 'performing an unknown draw', call: () => post(officer, `/api/enforcement/draws/${randomUUID()}/perform`), status: 404, code: 'DRAW_NOT_FOUND' },
    { name: 'a draw performed by an inspector', call: () => post(inspectors[0], `/api/enforcement/draws/${ids.performedDraw}/perform`), status: 403, code: 'FORBIDDEN' },
    { name: 'a result recorded by an officer not on the task', call: () => post(stranger, `/api/enforcement/tasks/${ids.task}/result`, { result: 'compliant', findings: '正常', evidence: [] }), status: 403, code: 'NOT_AN_INSPECTOR' },
    { name: 'a violation without evidence', call: () => post(assigned, `/api/enforcement/tasks/${ids.task}/result`, { result: 'violation', findings: '偷排', evidence: [] }), status: 422, code: 'EVIDENCE_REQUIRED' },
    { name: 'an unknown result', call: () => post(assigned, `/api/enforcement/tasks/${ids.task}/result`, { result: 'fine', findings: '正常', evidence: [] }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a result for an unknown task', call: () => post(assigned, `/api/enforcement/tasks/${randomUUID()}/result`, { result: 'compliant', findings: '正常', evidence: [] }), status: 404, code: 'TASK_NOT_FOUND' },
    { name: 'a targeted inspection by a recused inspector', call: () => post(officer, '/api/enforcement/tasks', { enterpriseId: ids.conflicted, inspectorIds: [inspectors[0].userId, inspectors[1].userId], trigger: { note: '投诉' } }), status: 422, code: 'INSPECTOR_RECUSED' },
    { name: 'a targeted inspection by someone outside the pool', call: () => post(officer, '/api/enforcement/tasks', { enterpriseId: ids.enterprise, inspectorIds: [inspectors[1].userId, 'not-in-pool'], trigger: { note: '投诉' } }), status: 422, code: 'INSPECTOR_UNKNOWN' },
    { name: 'a penalty before the minor-violation check', call: () => post(officer, `/api/enforcement/cases/${ids.uncheckedCase}/penalty`, penalty), status: 409, code: 'EXEMPTION_NOT_CHECKED' },
    { name: 'a penalty on an exempted case', call: () => post(officer, `/api/enforcement/cases/${ids.exemptedCase}/penalty`, penalty), status: 409, code: 'CASE_CLOSED' },
    { name: 'a fine in fractional fen', call: () => post(officer, `/api/enforcement/cases/${ids.uncheckedCase}/penalty`, { ...penalty, fineFen: 10.5 }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an exemption item not on the list', call: () => post(officer, `/api/enforcement/cases/${ids.uncheckedCase}/exemption-check`, { itemId: 'made-up', facts: {}, officerWaives: false }), status: 422, code: 'EXEMPTION_ITEM_UNKNOWN' },
    { name: 'an exemption without education', call: () => post(officer, `/api/enforcement/cases/${ids.uncheckedCase}/exemption-check`, { itemId: 'art33-fault', facts: { 'no-fault': true }, officerWaives: false, education: '  ' }), status: 422, code: 'EDUCATION_REQUIRED' },
    { name: 'a transfer of a decided case', call: () => post(officer, `/api/enforcement/cases/${ids.exemptedCase}/transfer`, { reason: '涉嫌犯罪' }), status: 409, code: 'CASE_CLOSED' },
    { name: 'a credit rule table with an unknown level in a move', call: () => put(officer, '/api/enforcement/rules/credit', { rules: { levels: [{ code: 'a', zh: 'A', en: 'A', colour: '#000' }, { code: 'b', zh: 'B', en: 'B', colour: '#111' }], initial: 'a', moves: { penalty: { kind: 'set', level: 'z' } } } }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an unknown rule kind', call: () => put(officer, '/api/enforcement/rules/weather', { rules: {} }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an export with a reversed date range', call: () => t.call('GET', '/api/enforcement/export?from=2027-12-31&to=2027-01-01', officer), status: 400, code: 'VALIDATION_FAILED' },
  ];

  const snapshot = async () =>
    (
      await t.sql(`SELECT (SELECT count(*) FROM enforcement.events)::int AS events, (SELECT count(*) FROM enforcement.rule_versions)::int AS rules,
        (SELECT count(*) FROM enforcement.draw_inputs)::int AS draws, (SELECT md5(string_agg(row_to_json(i)::text, '' ORDER BY inspector_id)) FROM enforcement.inspectors i) AS inspectors`)
    )[0];

  it.each(CASES.map((c) => [c.name, c] as const))('refuses %s', async (_name, c) => {
    const before = await snapshot();
    const answer = await c.call();
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: c.status, code: c.code });
    expect(answer.body.zh).toEqual(expect.any(String));
    expect(answer.body.en).toEqual(expect.any(String));
    // the second-draw case commits the first draw of its plan on purpose, then is refused
    if (c.code !== 'DRAW_EXISTS') expect(await snapshot()).toEqual(before);
  });

  it('covers at least 15 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
  });
});
