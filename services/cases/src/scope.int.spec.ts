import { Workbook } from 'exceljs';
import { CasesUnderTest } from './testing/harness';

const TOWN_A = '330782001';
const TOWN_B = '330782100';

describe('who sees what: a town-A officer can neither read nor act on a town-B problem', () => {
  let t: CasesUnderTest;
  let inA: string;
  let inB: string;

  beforeAll(async () => {
    t = await CasesUnderTest.start('cases_scope');
    const analyst = t.token(['analyst']);
    inA = await t.openProblem(TOWN_A, 'noise', '甲镇问题');
    inB = await t.openProblem(TOWN_B, 'air', '乙镇问题');
    for (const id of [inA, inB]) {
      await t.call('POST', `/api/cases/problems/${id}/assignment`, analyst, { responsiblePerson: { name: '责任人' }, measures: '整改', workingDays: 5, leadDepartment: 'law-enforcement', cooperatingDepartments: id === inB ? ['transport'] : [] });
    }
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('lists, counts and exports only its own town', async () => {
    const officerA = t.token(['town-officer'], { towns: [TOWN_A] });
    const list = (await t.call('GET', '/api/cases/problems', officerA)).body;
    expect(list.items.map((p: { problemId: string }) => p.problemId)).toEqual([inA]);
    expect(list.total).toBe(1);
    const filtered = (await t.call('GET', `/api/cases/problems?townCode=${TOWN_B}`, officerA)).body;
    expect(filtered.items).toEqual([]);
    const stats = (await t.call('GET', '/api/cases/statistics?groupBy=town', officerA)).body;
    expect(stats.map((s: { key: string }) => s.key)).toEqual([TOWN_A]);
    const exported = await t.call('GET', '/api/cases/problems.xlsx', officerA);
    expect(exported.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(exported.body).buffer as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value))));
    expect(cells).toContain('甲镇问题');
    expect(cells).not.toContain('乙镇问题');
  });

  it('gets 404 for every read and every command on the other town\'s problem', async () => {
    const officerA = t.token(['town-officer'], { towns: [TOWN_A] });
    const reads = [`/api/cases/problems/${inB}`, `/api/cases/problems/${inB}/timeline`];
    for (const path of reads) expect([path, (await t.call('GET', path, officerA)).status]).toEqual([path, 404]);
    const commands: Array<[string, unknown]> = [
      ['sign-off', {}],
      ['return', { reason: '不属于本镇' }],
      ['progress', { summary: '进展' }],
      ['extension-request', { requestedDeadline: '2027-01-30', reason: '需要时间' }],
      ['rectification', { summary: '整改完毕', evidence: ['照片'] }],
    ];
    for (const [action, body] of commands) {
      const answer = await t.call('POST', `/api/cases/problems/${inB}/${action}`, officerA, body);
      expect([action, answer.status, answer.body.code]).toEqual([action, 404, 'PROBLEM_NOT_FOUND']);
    }
    // Bureau-only commands are refused by role before scope.
    for (const action of ['triage', 'assignment', 'verification', 'supervision', 'city-coordination', 'joint-actions', 'suspected-crime', 'reopen', 'extension-decision', 'consultations']) {
      expect([action, (await t.call('POST', `/api/cases/problems/${inB}/${action}`, officerA, {})).status]).toEqual([action, 403]);
    }
    const b = await t.sql<{ version: string }>('SELECT version FROM cases.problem_view WHERE problem_id = $1', [inB]);
    expect(b[0].version).toBe('2');
  });

  it('shows a department liaison what its department leads or co-operates on, and a leader everything read-only', async () => {
    const transport = t.token(['department-officer'], { departments: ['transport'] });
    expect((await t.call('GET', '/api/cases/problems', transport)).body.items.map((p: { problemId: string }) => p.problemId)).toEqual([inB]);
    expect((await t.call('POST', `/api/cases/problems/${inB}/sign-off`, transport)).body.code).toBe('NOT_ASSIGNED_UNIT');
    const lead = t.token(['department-officer'], { departments: ['law-enforcement'] });
    expect((await t.call('GET', '/api/cases/problems', lead)).body.total).toBe(2);
    const nobody = t.token(['department-officer'], { departments: [] });
    expect((await t.call('GET', '/api/cases/problems', nobody)).body.total).toBe(0);
    const leader = t.token(['leader']);
    expect((await t.call('GET', '/api/cases/problems', leader)).body.total).toBe(2);
    expect((await t.call('GET', '/api/cases/statistics?groupBy=category', leader)).status).toBe(200);
    expect((await t.call('POST', `/api/cases/problems/${inA}/supervision`, leader, { level: 'supervised', note: '督办' })).status).toBe(403);
  });
});
