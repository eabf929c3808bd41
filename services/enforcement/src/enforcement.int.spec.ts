import { createHash } from 'node:crypto';
import { Workbook } from 'exceljs';
import { verifyRecord } from './draws/draws';
import { EnforcementUnderTest, makeUscc, type StaffMember } from './testing/harness';

const TOWNS = ['330782001', '330782002', '330782003'];

function registryCsv(rows: string[]): string {
  return ['单位名称,统一社会信用代码,镇街,地址,行业,排污许可管理类别,重点排污单位', ...rows].join('\n');
}

describe('enforcement (环境信用 + 双随机): registry, credit, a verifiable draw, inspections and penalties, on PostgreSQL', () => {
  let t: EnforcementUnderTest;
  let officer: StaffMember;
  let inspectors: StaffMember[];
  let enterpriseIds: string[];
  let drawId: string;

  const post = (who: StaffMember, path: string, body: unknown = {}) => t.call('POST', path, who, body);
  const get = async (who: StaffMember, path: string) => (await t.call('GET', path, who)).body;

  beforeAll(async () => {
    t = await EnforcementUnderTest.start('enforcement');
    officer = t.staff(['enforcement-officer']);
    inspectors = [0, 1, 2, 3, 4].map(() => t.staff(['inspector']));
  });
  afterAll(() => t?.stop());

  it('refuses a bad credit code with a bilingual field error and writes nothing', async () => {
    const before = await t.eventCount();
    const bad = await post(officer, '/api/enforcement/enterprises', {
      name: '义乌市某印染有限公司', uscc: makeUscc(1).slice(0, 17) + (makeUscc(1).endsWith('0') ? '1' : '0'), address: '义乌市稠城街道', industry: '纺织印染', permitClass: 'key', keyPolluter: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'uscc', zh: expect.stringContaining('校验位'), en: expect.stringContaining('check character') })]);
    expect(await t.eventCount()).toBe(before);
  });

  it('imports a registry spreadsheet: good rows saved with an initial credit level, bad rows reported by line, a re-import changes nothing', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `企业${i + 1},${makeUscc(100 + i)},${TOWNS[i % 3]},义乌市某路${i + 1}号,${i % 2 ? '电镀' : '纺织印染'},${i < 4 ? '重点管理' : '简化管理'},${i < 2 ? '是' : '否'}`);
    const csv = registryCsv([rows[0], `坏代码企业,91330782MA2000000,${TOWNS[0]},某路,电镀,重点管理,否`, ...rows.slice(1), `坏类别企业,${makeUscc(999)},${TOWNS[1]},某路,电镀,特别管理,否`]);
    const first = await t.upload('/api/enforcement/enterprises/import', officer, 'registry.csv', csv);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 12, updated: 0, unchanged: 0 });
    expect(first.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([[3, 'uscc'], [15, 'permitClass']]);
    const again = await t.upload('/api/enforcement/enterprises/import', officer, 'registry.csv', csv);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 12 });

    const list = await get(officer, '/api/enforcement/enterprises');
    expect(list).toHaveLength(12);
    enterpriseIds = list.map((e: { enterpriseId: string }) => e.enterpriseId);
    expect(list.every((e: { creditLevel: string }) => e.creditLevel === 'blue')).toBe(true);
    expect(await get(officer, '/api/enforcement/lists')).toEqual({ key: { blue: 4 }, general: { blue: 8 }, special: {} });
    const detail = await get(officer, `/api/enforcement/enterprises/${enterpriseIds[0]}`);
    expect(detail.creditHistory).toEqual([expect.objectContaining({ level: 'blue', rule: 'initial', ruleVersion: 1 })]);
    const oldExcel = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await t.upload('/api/enforcement/enterprises/import', officer, 'registry.xls', oldExcel)).body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_FILE' });
    const headless = await t.upload('/api/enforcement/enterprises/import', officer, 'registry.csv', 'name,address\n某企业,某路');
    expect(headless.body).toMatchObject({ code: 'COLUMNS_MISSING', zh: expect.stringContaining('统一社会信用代码'), en: expect.stringContaining('uscc') });
  });

  it('keeps rule versions: a bad supervision table is refused whole, a good one becomes version 2', async () => {
    const current = (await get(officer, '/api/enforcement/rules/supervision')).current;
    expect(current).toMatchObject({ version: 1, rules: { period: 'quarter', ratios: { key: { blue: 0.25 }, general: { blue: 0.05 } } } });
    const bad = await t.call('PUT', '/api/enforcement/rules/supervision', officer, { rules: { ...current.rules, ratios: { ...current.rules.ratios, key: { green: 2 } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['rules.ratios.key.green', 'rules.ratios.key.red']));
    const good = await t.call('PUT', '/api/enforcement/rules/supervision', officer, { rules: { ...current.rules, ratios: { ...current.rules.ratios, general: { green: 0.02, blue: 0.1, yellow: 0.2, red: 0.5 } } }, note: '2027 年计划' });
    expect(good.body).toMatchObject({ version: 2, note: '2027 年计划' });

    // the bureau replaces the shipped minor-violation list with its own (金环发〔2023〕47号 in practice)
    const list = (await get(officer, '/api/enforcement/rules/exemptions')).current.rules;
    const own = [...list, { id: 'jh-noise-1', category: '噪声', name: '夜间施工噪声首次超标且当即停止', legalBasis: '《噪声污染防治法》第七十七条', conditions: ['first-offence', 'corrected-in-time'], mode: 'may' }];
    const replaced = await t.call('PUT', '/api/enforcement/rules/exemptions', officer, { rules: own, note: '按本地清单' });
    expect(replaced.body).toMatchObject({ version: 2, rules: own });
  });

  it('commits to a seed and the frozen lists before the draw, then draws every enterprise with two inspectors who may go there', async () => {
    // i0 declared a conflict with enterprise 0, i1 used to work for enterprise 1, i2 lives in enterprise 2's town (same-town recusal on)
    const pool = inspectors.map((s, i) => ({
      inspectorId: s.userId, name: `执法员${i + 1}`, ...(i === 2 ? { townCode: TOWNS[2] } : {}),
      formerEmployers: i === 1 ? [enterpriseIds[1]] : [], declaredConflicts: i === 0 ? [enterpriseIds[0]] : [], active: true,
    }));
    for (const inspector of pool) expect((await t.call('PUT', `/api/enforcement/inspectors/${inspector.inspectorId}`, officer, inspector)).status).toBe(200);

    const everyone = { green: 1, blue: 1, yellow: 1, red: 1 };
    const plan = await post(officer, '/api/enforcement/plans', {
      name: '2027 年第一季度双随机抽查', period: '2027-Q1', items: ['污染防治设施运行情况', '排污许可执行情况'], ratios: { key: everyone, general: everyone, special: everyone }, recusal: { sameTown: true, formerEmployer: true },
    });
    expect(plan.status).toBe(201);
    const committed = await post(officer, `/api/enforcement/plans/${plan.body.planId}/draws`);
    expect(committed.status).toBe(201);
    expect(committed.body).toMatchObject({ candidateCount: 12, poolSize: 5, seedHash: expect.stringMatching(/^[0-9a-f]{64}$/), candidatesHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    drawId = committed.body.drawId;
    expect((await post(officer, `/api/enforcement/plans/${plan.body.planId}/draws`)).body.code).toBe('DRAW_EXISTS');

    // Before the draw the public sees the commitment, never the seed.
    const published = (await t.call('GET', '/api/enforcement/public/draws')).body;
    expect(published[0]).toMatchObject({ drawId, seedHash: committed.body.seedHash, candidatesHash: committed.body.candidatesHash });
    expect(published[0].seed).toBeUndefined();
    expect((await get(officer, `/api/enforcement/draws/${drawId}/verification`)).code).toBe('DRAW_NOT_PERFORMED');

    const performed = await post(officer, `/api/enforcement/draws/${drawId}/perform`);
    expect(performed.status).toBe(200);
    const { seed, selections, unassigned } = performed.body;
    expect(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex')).toBe(committed.body.seedHash);
    expect(selections.length + unassigned.length).toBe(12);
    expect(selections.length).toBeGreaterThanOrEqual(10);
    const inspectorsOf = (id: string) => selections.find((s: { enterpriseId: string }) => s.enterpriseId === id)?.inspectorIds ?? [];
    expect(inspectorsOf(enterpriseIds[0])).not.toContain(inspectors[0].userId);
    expect(inspectorsOf(enterpriseIds[1])).not.toContain(inspectors[1].userId);
    const townOf = new Map((await get(officer, '/api/enforcement/enterprises')).map((e: { enterpriseId: string; townCode: string }) => [e.enterpriseId, e.townCode]));
    for (const s of selections) {
      expect(new Set(s.inspectorIds).size).toBe(2);
      if (townOf.get(s.enterpriseId) === TOWNS[2]) expect(s.inspectorIds).not.toContain(inspectors[2].userId);
    }
    expect((await post(officer, `/api/enforcement/draws/${drawId}/perform`)).body.code).toBe('DRAW_PERFORMED');
    expect(await get(officer, `/api/enforcement/tasks?drawId=${drawId}`)).toHaveLength(selections.length);
  });

  it('reproduces the draw byte for byte from its record, and fails when the candidate list is changed afterwards', async () => {
    expect(await get(officer, `/api/enforcement/draws/${drawId}/verification`)).toEqual({ drawId, ok: true, mismatches: [] });
    const record = await get(officer, `/api/enforcement/draws/${drawId}/record`);
    expect(verifyRecord(record)).toEqual({ ok: true, mismatches: [] });
    expect(verifyRecord({ ...record, inputs: { ...record.inputs, candidates: record.inputs.candidates.slice(1) } }).mismatches).toEqual(expect.arrayContaining(['candidatesHash', 'resultHash']));

    const [{ candidates }] = await t.sql<{ candidates: unknown[] }>('SELECT candidates FROM enforcement.draw_inputs WHERE draw_id = $1', [drawId]);
    await t.sql('UPDATE enforcement.draw_inputs SET candidates = $2::jsonb WHERE draw_id = $1', [drawId, JSON.stringify(candidates.slice(0, -1))]);
    const tampered = await get(officer, `/api/enforcement/draws/${drawId}/verification`);
    expect(tampered.ok).toBe(false);
    expect(tampered.mismatches).toContain('candidatesHash');
    await t.sql('UPDATE enforcement.draw_inputs SET candidates = $2::jsonb WHERE draw_id = $1', [drawId, JSON.stringify(candidates)]);
    expect((await get(officer, `/api/enforcement/draws/${drawId}/verification`)).ok).toBe(true);
  });

  it('lets only an assigned inspector record a result; a violation moves credit, opens a penalty case and tells intake', async () => {
    const tasks = await get(officer, `/api/enforcement/tasks?drawId=${drawId}`);
    const task = tasks[0];
    const assigned = inspectors.find((i) => i.userId === task.inspectorIds[0])!;
    const stranger = inspectors.find((i) => !task.inspectorIds.includes(i.userId))!;
    const mine = await get(assigned, '/api/enforcement/tasks');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((m: { inspectorIds: string[] }) => m.inspectorIds.includes(assigned.userId))).toBe(true);
    expect((await t.call('GET', `/api/enforcement/tasks/${task.taskId}`, stranger)).status).toBe(404);
    const colleagues = await get(assigned, '/api/enforcement/inspectors');
    expect(colleagues[0]).toEqual({ inspectorId: expect.any(String), name: expect.any(String), active: true });

    const violation = { result: 'violation', findings: '废水处理设施停运，直排雨水管网', evidence: ['执法记录仪 DSJ-0231', '采样单 2027-015'], category: 'water' };
    const before = await t.eventCount();
    expect((await post(stranger, `/api/enforcement/tasks/${task.taskId}/result`, violation)).body.code).toBe('NOT_AN_INSPECTOR');
    expect((await post(assigned, `/api/enforcement/tasks/${task.taskId}/result`, { ...violation, evidence: [] })).body.code).toBe('EVIDENCE_REQUIRED');
    expect(await t.eventCount()).toBe(before);

    const done = await post(assigned, `/api/enforcement/tasks/${task.taskId}/result`, violation);
    expect(done.body).toMatchObject({ status: 'done', result: 'violation', evidence: violation.evidence });
    expect((await post(assigned, `/api/enforcement/tasks/${task.taskId}/result`, violation)).body.code).toBe('INSPECTION_RECORDED');
    const detail = await get(officer, `/api/enforcement/enterprises/${task.enterpriseId}`);
    expect(detail.creditHistory.at(-1)).toMatchObject({ level: 'yellow', previousLevel: 'blue', rule: 'violation', ruleVersion: 1 });

    const finding = await waitFor(() => t.published.find((e) => e.type === 'InspectionFindingRecorded'));
    expect(finding.data).toMatchObject({ inspectionId: task.taskId, enterpriseId: task.enterpriseId, violation: true, category: 'water' });
    expect(JSON.stringify(finding.data)).not.toContain(assigned.userId);
    const [pc] = await get(officer, '/api/enforcement/cases?status=open');
    expect(pc).toMatchObject({ taskId: task.taskId, enterpriseId: task.enterpriseId, status: 'open', openedOn: '2027-01-10', decideBy: '2027-04-10' });

    // the minor-violation list comes first; first offence is worked out from the record
    expect((await post(officer, `/api/enforcement/cases/${pc.caseId}/penalty`, { decisionNumber: '义环罚〔2027〕1号', legalBasis: '《水污染防治法》第八十三条', fineFen: 20_000_000, decidedOn: '2027-01-20' })).body.code).toBe('EXEMPTION_NOT_CHECKED');
    const checked = await post(officer, `/api/enforcement/cases/${pc.caseId}/exemption-check`, { itemId: 'art33-first', facts: { minor: true, 'corrected-in-time': false }, officerWaives: true });
    expect(checked.body.exemption).toMatchObject({ exempt: false, ruleId: 'art33-first', listVersion: 2 });
    expect(checked.body.exemption.conditions).toEqual([{ condition: 'first-offence', met: true }, { condition: 'minor', met: true }, { condition: 'corrected-in-time', met: false }]);
    const decided = await post(officer, `/api/enforcement/cases/${pc.caseId}/penalty`, { decisionNumber: '义环罚〔2027〕1号', legalBasis: '《水污染防治法》第八十三条', fineFen: 20_000_000, decidedOn: '2027-01-20' });
    expect(decided.body).toMatchObject({ status: 'penalised', penalty: { fineFen: 20_000_000 } });
    await waitFor(() => t.published.find((e) => e.type === 'PenaltyDecided'));
  });

  it('exempts a minor violation only with education on record, and a criminal transfer turns credit red and makes the enterprise a special object', async () => {
    const open = (await get(officer, `/api/enforcement/tasks?drawId=${drawId}&status=assigned`)) as Array<{ taskId: string; enterpriseId: string; inspectorIds: string[] }>;
    const by = (task: { inspectorIds: string[] }) => inspectors.find((i) => i.userId === task.inspectorIds[1])!;
    const [clean, minor, crime] = open;

    await post(by(clean), `/api/enforcement/tasks/${clean.taskId}/result`, { result: 'compliant', findings: '设施正常运行', evidence: [] });
    expect((await get(officer, `/api/enforcement/enterprises/${clean.enterpriseId}`)).creditLevel).toBe('green');

    for (const task of [minor, crime]) await post(by(task), `/api/enforcement/tasks/${task.taskId}/result`, { result: 'violation', findings: '危废标识不规范', evidence: ['照片 P-1'] });
    const cases = await get(officer, '/api/enforcement/cases?status=open');
    const caseOf = (task: { taskId: string }) => cases.find((c: { taskId: string }) => c.taskId === task.taskId).caseId;

    const facts = { minor: true, 'corrected-in-time': true, 'no-harm': true };
    expect((await post(officer, `/api/enforcement/cases/${caseOf(minor)}/exemption-check`, { itemId: 'art33-minor', facts, officerWaives: false })).body.code).toBe('EDUCATION_REQUIRED');
    const exempted = await post(officer, `/api/enforcement/cases/${caseOf(minor)}/exemption-check`, { itemId: 'art33-minor', facts, officerWaives: false, education: '当场责令改正并开展法规宣讲' });
    expect(exempted.body).toMatchObject({ status: 'exempted', exemption: { exempt: true, education: '当场责令改正并开展法规宣讲' } });
    expect((await post(officer, `/api/enforcement/cases/${caseOf(minor)}/penalty`, { decisionNumber: 'x', legalBasis: 'y', fineFen: 1, decidedOn: '2027-01-20' })).body.code).toBe('CASE_CLOSED');

    const transferred = await post(officer, `/api/enforcement/cases/${caseOf(crime)}/transfer`, { reason: '涉嫌非法处置危险废物三吨以上' });
    expect(transferred.body.status).toBe('transferred');
    const enterprise = await get(officer, `/api/enforcement/enterprises/${crime.enterpriseId}`);
    expect(enterprise).toMatchObject({ creditLevel: 'red', objectClass: 'special' });
    expect(enterprise.creditHistory.at(-1)).toMatchObject({ rule: 'criminal-transfer', level: 'red' });
  });

  it('refuses a targeted inspection by a recused or lone inspector, and accepts one by two who may go', async () => {
    const target = enterpriseIds[0];
    const trigger = { note: '群众反映夜间偷排' };
    expect((await post(officer, '/api/enforcement/tasks', { enterpriseId: target, inspectorIds: [inspectors[0].userId, inspectors[3].userId], trigger })).body.code).toBe('INSPECTOR_RECUSED');
    expect((await post(officer, '/api/enforcement/tasks', { enterpriseId: target, inspectorIds: [inspectors[3].userId], trigger })).body.code).toBe('TWO_INSPECTORS_REQUIRED');
    const ok = await post(officer, '/api/enforcement/tasks', { enterpriseId: target, inspectorIds: [inspectors[3].userId, inspectors[4].userId], trigger });
    expect(ok.status).toBe(201);
    expect(await get(officer, `/api/enforcement/tasks/${ok.body.taskId}`)).toMatchObject({ kind: 'targeted', trigger, status: 'assigned' });
  });

  it('never sends an inspector to the same enterprise twice in a row', async () => {
    const everyone = { green: 1, blue: 1, yellow: 1, red: 1 };
    const plan = await post(officer, '/api/enforcement/plans', { name: '2027 年第二季度', period: '2027-Q2', items: ['排污许可执行情况'], ratios: { key: everyone, general: everyone, special: everyone } });
    const { drawId: second } = (await post(officer, `/api/enforcement/plans/${plan.body.planId}/draws`)).body;
    const performed = (await post(officer, `/api/enforcement/draws/${second}/perform`)).body;
    const lastTasks = await t.sql<{ enterprise_id: string; inspector_ids: string[] }>(
      `SELECT DISTINCT ON (enterprise_id) enterprise_id, inspector_ids FROM enforcement.tasks WHERE draw_id IS DISTINCT FROM $1 ORDER BY enterprise_id, created_at DESC`,
      [second],
    );
    const previous = new Map(lastTasks.map((r) => [r.enterprise_id, r.inspector_ids]));
    for (const s of performed.selections) for (const id of s.inspectorIds) expect(previous.get(s.enterpriseId) ?? []).not.toContain(id);
    expect(performed.selections.length + performed.unassigned.length).toBe(12);
    expect((await get(officer, `/api/enforcement/draws/${second}/verification`)).ok).toBe(true);
  });

  it('publishes finished inspections without anyone’s personal data, and exports them in the documented format', async () => {
    const feed = (await t.call('GET', '/api/enforcement/public/draws')).body;
    const first = feed.find((d: { drawId: string }) => d.drawId === drawId);
    expect(first).toMatchObject({ planName: '2027 年第一季度双随机抽查', items: ['污染防治设施运行情况', '排污许可执行情况'], algorithm: 'qingyuan-draw-v1', inspectionsDone: 4, resultHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // with inspections still open the seed stays back: with it and the object list, anyone could name who is next
    expect(first.seed).toBeUndefined();
    expect(first.selectedCount).toBeGreaterThan(4);
    expect(first.results.map((r: { result: string }) => r.result).sort()).toEqual(['compliant', 'violation', 'violation', 'violation']);
    const plans = (await t.call('GET', '/api/enforcement/public/plans')).body;
    expect(plans.map((p: { period: string }) => p.period)).toEqual(['2027-Q2', '2027-Q1']);
    expect(plans[1]).toMatchObject({ name: '2027 年第一季度双随机抽查', items: ['污染防治设施运行情况', '排污许可执行情况'], inspectorsPerTask: 2 });
    const exported = await get(officer, '/api/enforcement/export?from=2027-01-01&to=2027-12-31');
    expect(exported).toMatchObject({ format: 'qingyuan.enforcement-export/v1', authority: '金华市生态环境局义乌分局', period: { from: '2027-01-01', to: '2027-12-31' } });
    expect(exported.inspections).toHaveLength(4);
    expect(exported.penalties.map((p: { outcome: string }) => p.outcome).sort()).toEqual(['no-penalty', 'penalty']);
    for (const text of [JSON.stringify(feed), JSON.stringify(plans), JSON.stringify(exported)]) {
      for (const i of inspectors) expect(text).not.toContain(i.userId);
      expect(text).not.toContain('执法员');
    }
    expect((await t.call('GET', '/api/enforcement/export?from=2027-13-01&to=2027-12-31', officer)).status).toBe(400);

    // once every inspection of the draw is recorded, the seed is published and matches the commitment
    for (const task of (await get(officer, `/api/enforcement/tasks?drawId=${drawId}&status=assigned`)) as Array<{ taskId: string; inspectorIds: string[] }>) {
      const by = inspectors.find((i) => i.userId === task.inspectorIds[0])!;
      expect((await post(by, `/api/enforcement/tasks/${task.taskId}/result`, { result: 'compliant', findings: '未发现问题', evidence: [] })).status).toBe(200);
    }
    const complete = (await t.call('GET', '/api/enforcement/public/draws')).body.find((d: { drawId: string }) => d.drawId === drawId);
    expect(complete.inspectionsDone).toBe(complete.selectedCount);
    expect(createHash('sha256').update(Buffer.from(complete.seed, 'hex')).digest('hex')).toBe(complete.seedHash);
    expect((await t.call('GET', '/api/enforcement/export?from=2027-01-01&to=2027-12-31')).status).toBe(401);
  });

  it('imports an Excel workbook too: a changed row updates the enterprise and keeps its credit, a new row creates one', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('排污单位');
    sheet.addRow(['单位名称', '统一社会信用代码', '镇街', '地址', '行业', '排污许可管理类别', '重点排污单位']);
    sheet.addRow(['企业1', makeUscc(100), TOWNS[0], '义乌市某路1号（新址）', '纺织印染', '重点管理', '是']);
    sheet.addRow(['新登记企业', makeUscc(500), TOWNS[1], '义乌市新路8号', '塑料制品', '登记管理', '否']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await t.upload('/api/enforcement/enterprises/import', officer, 'registry.xlsx', bytes);
    expect(report.body).toEqual({ created: 1, updated: 1, unchanged: 0, errors: [] });
    const [moved] = await get(officer, `/api/enforcement/enterprises?q=${makeUscc(100)}`);
    expect(moved).toMatchObject({ address: '义乌市某路1号（新址）', objectClass: 'key' });
    const history = (await get(officer, `/api/enforcement/enterprises/${moved.enterpriseId}`)).creditHistory;
    expect(history.filter((h: { rule: string }) => h.rule === 'initial')).toHaveLength(1);
  });
});

async function waitFor<T>(find: () => T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > until) throw new Error('not published in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
