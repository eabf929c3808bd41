import { randomUUID } from 'node:crypto';
import { TOPICS } from '@qingyuan/contracts';
import { eventually } from '@qingyuan/testing';
import { JudicialUnderTest, type Account } from './testing/harness';

const HOUR = 3_600_000;

describe('judicial bridge (行刑衔接): a transfer from a suspected crime to the judgment, on PostgreSQL and the in-process bus', () => {
  let t: JudicialUnderTest;
  let officer: Account;
  let colleague: Account;
  let head: Account;
  let police: Account;
  let otherPolice: Account;
  let procuratorate: Account;
  let court: Account;
  let admin: Account;
  let transferId: string;
  const problemId = randomUUID();

  const post = (who: Account | string, path: string, body: unknown = {}) => t.call('POST', path, who, body);
  const get = async (who: Account | string, path: string) => (await t.call('GET', path, who)).body;
  const on = (path = '') => `/api/judicial/transfers/${transferId}${path}`;

  beforeAll(async () => {
    t = await JudicialUnderTest.start('judicial');
    officer = t.staff(['judicial-officer']);
    colleague = t.staff(['judicial-officer']);
    head = t.staff(['bureau-head']);
    police = t.liaison('police', 'yw-police', '义乌市公安局');
    otherPolice = t.liaison('police', 'jh-police', '金华市公安局');
    procuratorate = t.liaison('procuratorate', 'yw-procuratorate', '义乌市人民检察院');
    court = t.liaison('court', 'yw-court', '义乌市人民法院');
    admin = t.staff(['admin']);
  });
  afterAll(() => t?.stop());

  it('turns a problem marked as a suspected crime into a lead, and drafts the transfer from it with a team of two', async () => {
    await t.publish(TOPICS.cases, `problem-${problemId}`, 'ProblemMarkedSuspectedCrime', {
      problemId, number: 'YW-2027-000042', category: 'water', townCode: '330782001', basis: '暗管排放含铬电镀废水', criteria: ['六价铬超标三倍以上'],
    });
    const lead = await eventually(async () => (await get(officer, '/api/judicial/leads')).find((l: { problemId: string }) => l.problemId === problemId), { what: 'the lead' });
    expect(lead).toMatchObject({ source: 'cases', title: 'YW-2027-000042 水污染问题涉嫌环境犯罪', basis: '暗管排放含铬电镀废水' });

    const drafted = await post(officer, '/api/judicial/transfers', {
      kind: 'criminal', title: '某电镀厂暗管排放含铬废水案', summary: '2027 年 2 月现场检查发现暗管，采样六价铬超标 4.2 倍。',
      suspect: { kind: 'enterprise', name: '义乌市某电镀有限公司' }, teamIds: [officer.userId, colleague.userId], leadId: lead.leadId,
    });
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({ status: 'drafted', problemId, reportedCriteria: ['六价铬超标三倍以上'], police: { code: 'yw-police', name: '义乌市公安局' } });
    transferId = drafted.body.transferId;
    expect(await get(officer, '/api/judicial/leads')).toEqual([]);
    // not sent yet: no agency sees it
    expect((await t.call('GET', on(), police)).status).toBe(404);
    expect(await get(police, '/api/judicial/transfers')).toEqual([]);
  });

  it('records the threshold check against 法释〔2023〕7号 with the criteria met', async () => {
    const checked = await post(officer, on('/threshold-check'), { facts: { heavyMetalExceedances: [{ metal: 'Cr', multiple: 4.2 }], hazardousWasteTonnes: 1 } });
    expect(checked.status).toBe(200);
    expect(checked.body.threshold).toMatchObject({ suspected: true, tier: 'serious', configVersion: 1 });
    expect(checked.body.threshold.criteria).toEqual([expect.objectContaining({ code: 'art1-3', zh: expect.any(String) })]);
    const stateless = await post(officer, '/api/judicial/threshold-check', { facts: { hazardousWasteTonnes: 120 } });
    expect(stateless.body).toMatchObject({ suspected: true, tier: 'grave' });
  });

  it('needs the head’s approval within 3 days and every required material before sending within 24 hours', async () => {
    for (const [materialKind, title] of [['transfer-letter', '涉嫌犯罪案件移送书'], ['investigation-report', '调查报告'], ['items-list', '涉案物品清单']]) {
      expect((await post(officer, on('/materials'), { materialKind, title, reference: `卷一 第${title.length}页` })).status).toBe(201);
    }
    const submitted = await post(officer, on('/submission'), { report: '经集体讨论，认为涉嫌污染环境罪，建议移送。' });
    expect(submitted.body.status).toBe('pending-approval');
    expect(submitted.body.timeLimits).toEqual([expect.objectContaining({ step: 'approval', party: 'bureau', dueAt: '2027-03-04T15:59:59.999Z' })]);
    expect((await post(officer, on('/approval'), { approved: true })).status).toBe(403);
    const approved = await post(head, on('/approval'), { approved: true });
    expect(approved.body.status).toBe('approved');
    expect(approved.body.timeLimits.find((l: { step: string; closedAt?: string }) => !l.closedAt)).toMatchObject({ step: 'send', dueAt: new Date(t.now.getTime() + 24 * HOUR).toISOString() });

    const incomplete = await post(officer, on('/sending'));
    expect(incomplete.body).toMatchObject({ code: 'MATERIALS_INCOMPLETE', zh: expect.stringContaining('检验报告、监测报告或认定意见'), en: expect.stringContaining('Test, monitoring') });
    await post(officer, on('/materials'), { materialKind: 'test-reports', title: '监测报告', reference: '义环监字〔2027〕8号' });
    const sent = await post(officer, on('/sending'));
    expect(sent.body).toMatchObject({ status: 'sent', procuratorate: { code: 'yw-procuratorate' } });
    expect(sent.body.materials).toHaveLength(4);
  });

  it('shows the transfer to the agencies it was sent to and to nobody else', async () => {
    expect((await get(police, '/api/judicial/transfers')).map((x: { transferId: string }) => x.transferId)).toEqual([transferId]);
    expect((await get(procuratorate, on())).status).toBe('sent');
    expect(await get(otherPolice, '/api/judicial/transfers')).toEqual([]);
    expect((await t.call('GET', on(), otherPolice)).status).toBe(404);
    expect((await post(otherPolice, on('/receipt'), { receiptNumber: 'X-1' })).body.code).toBe('TRANSFER_NOT_FOUND');
    expect((await t.call('GET', on(), court)).status).toBe(404);
    // another police agency can be added, and sees nothing of this transfer
    expect((await post(admin, '/api/judicial/agencies', { code: 'jh-police', kind: 'police', name: '金华市公安局' })).status).toBe(201);
    expect((await post(admin, '/api/judicial/agencies', { code: 'jh-police', kind: 'police', name: '金华市公安局' })).body.code).toBe('AGENCY_EXISTS');
    expect(await get(otherPolice, '/api/judicial/transfers')).toEqual([]);
  });

  it('lets the police platform answer with an API key, and refuses a revoked one', async () => {
    const issued = await post(admin, '/api/judicial/api-keys', { agencyCode: 'yw-police', label: '公安两法衔接平台' });
    expect(issued.status).toBe(201);
    const key = `ApiKey ${issued.body.apiKey}`;
    expect((await get(key, '/api/judicial/transfers')).map((x: { transferId: string }) => x.transferId)).toEqual([transferId]);
    const received = await post(key, on('/receipt'), { receiptNumber: '义公环接〔2027〕15号' });
    expect(received.body).toMatchObject({ status: 'received' });
    expect(received.body.timeLimits.find((l: { closedAt?: string }) => !l.closedAt)).toMatchObject({ step: 'filing', party: 'police' });
    expect(JSON.stringify(await get(admin, '/api/judicial/api-keys'))).not.toContain(issued.body.apiKey.split('.')[1]);
    await t.call('DELETE', `/api/judicial/api-keys/${issued.body.keyId}`, admin);
    expect((await t.call('GET', '/api/judicial/transfers', key)).body).toMatchObject({ statusCode: 401, code: 'API_KEY_INVALID', zh: expect.any(String) });
  });

  it('warns the police when two thirds of the filing period have gone, marks it overdue after, and a restart repeats neither', async () => {
    const marks = async () => (await t.sql<{ type: string; data: { step: string } }>(`SELECT event_type AS type, data FROM judicial.events WHERE event_type IN ('TransferDeadlineWarned', 'TransferOverdue') ORDER BY global_position`)).map((e) => `${e.type}:${e.data.step}`);
    t.now = new Date('2027-03-03T12:00:00Z');
    await eventually(async () => (await marks()).includes('TransferDeadlineWarned:filing'), { what: 'the warning' });
    await t.restart();
    t.now = new Date('2027-03-05T00:00:00Z');
    await eventually(async () => (await marks()).includes('TransferOverdue:filing'), { what: 'the overdue mark' });
    await t.restart();
    await new Promise((r) => setTimeout(r, 300));
    expect(await marks()).toEqual(['TransferDeadlineWarned:filing', 'TransferOverdue:filing']);
    const numbers = await get(officer, '/api/judicial/numbers');
    expect(numbers.overdueByAgency).toEqual([{ party: 'police', agencyCode: 'yw-police', missed: 1, stillOpen: 1 }]);
  });

  it('runs refusal → reconsideration → supervision → filing → arrest → prosecution → judgment, feeding cases and rewards', async () => {
    expect((await post(police, on('/filing'), { filed: false, documentNumber: '义公环不立字〔2027〕2号' })).body.code).toBe('REASONS_REQUIRED');
    expect((await post(police, on('/filing'), { filed: false, documentNumber: '义公环不立字〔2027〕2号', reasons: '现有证据不足以证明系该单位排放' })).body.status).toBe('not-filed');
    expect((await post(officer, on('/reconsideration-request'), { grounds: '监测报告与暗管走向足以证明' })).body.status).toBe('reconsideration-requested');
    expect((await post(police, on('/reconsideration'), { filed: false, documentNumber: '义公环复字〔2027〕1号', reasons: '维持' })).body.status).toBe('not-filed');
    expect((await post(officer, on('/supervision-proposal'), { grounds: '公安机关复议维持不立案，理由不能成立' })).body.status).toBe('supervision-proposed');
    expect((await post(procuratorate, on('/supervision'), { orderedFiling: true, documentNumber: '义检通立〔2027〕1号' })).body.status).toBe('filing-ordered');
    const filed = await post(police, on('/filing'), { filed: true, documentNumber: '义公环立字〔2027〕3号' });
    expect(filed.body.status).toBe('filed');
    expect((await post(procuratorate, on('/arrest'), { approved: true, documentNumber: '义检捕〔2027〕5号', date: '2027-03-20' })).body.status).toBe('filed');
    await post(police, on('/prosecution-review'), { documentNumber: '义公环诉字〔2027〕3号' });
    const prosecuted = await post(procuratorate, on('/prosecution'), { prosecuted: true, documentNumber: '义检刑诉〔2027〕9号', date: '2027-05-10' });
    expect(prosecuted.body).toMatchObject({ status: 'prosecuted', courtCode: 'yw-court' });
    expect((await get(court, '/api/judicial/transfers')).map((x: { transferId: string }) => x.transferId)).toEqual([transferId]);
    const judged = await post(court, on('/judgment'), { convicted: true, documentNumber: '(2027)浙0782刑初88号', date: '2027-07-01', sentence: '有期徒刑一年六个月，并处罚金十万元' });
    expect(judged.body.status).toBe('judged');
    // each step's history row shows the status it led to, and who took it
    const steps = judged.body.history.map((h: { type: string; status: string }) => `${h.type}→${h.status}`);
    expect(steps).toEqual(expect.arrayContaining(['TransferSubmitted→pending-approval', 'TransferSent→sent', 'FilingDecided→not-filed', 'SupervisionDecided→filing-ordered', 'ArrestDecided→filed', 'JudgmentRecorded→judged']));
    expect(judged.body.history.find((h: { type: string }) => h.type === 'JudgmentRecorded').actor).toBe(court.userId);

    // the relay publishes after the commit: wait for the last one
    await eventually(async () => t.published.some((e) => e.type === 'SuspectOutcomeRecorded' && (e.data as { outcome: string }).outcome === 'conviction'), { what: 'the conviction published' });
    const progressed = t.published.filter((e) => e.type === 'TransferProgressed' && (e.data as { transferId: string }).transferId === transferId).map((e) => (e.data as { status: string }).status);
    expect(progressed).toEqual(['drafted', 'pending-approval', 'approved', 'sent', 'received', 'not-filed', 'reconsideration-requested', 'not-filed', 'supervision-proposed', 'filing-ordered', 'filed', 'prosecution-review', 'prosecuted', 'judged']);
    const last = t.published.filter((e) => e.type === 'TransferProgressed').at(-1)!.data;
    expect(last).toMatchObject({ problemId, status: 'judged', outcome: 'conviction', documentNumber: '(2027)浙0782刑初88号', note: { zh: '行刑衔接：已判决（(2027)浙0782刑初88号）' } });
    const outcomes = t.published.filter((e) => e.type === 'SuspectOutcomeRecorded').map((e) => e.data);
    expect(outcomes).toEqual([
      { problemId, outcome: 'arrest', documentNumber: '义检捕〔2027〕5号', date: '2027-03-20' },
      { problemId, outcome: 'conviction', documentNumber: '(2027)浙0782刑初88号', date: '2027-07-01' },
    ]);
  });

  it('records a consultation of the three agencies, and counts time in each status', async () => {
    const held = await post(procuratorate, '/api/judicial/consultations', {
      transferId, heldOn: '2027-03-15', topic: '暗管排污案证据会商',
      participants: [{ agency: '义乌市生态环境分局', name: '王某', title: '执法队长' }, { agency: '义乌市公安局', name: '李某' }, { agency: '义乌市人民检察院', name: '陈某' }],
      conclusions: '补充暗管走向勘验图和企业用水量台账后移送审查起诉。',
    });
    expect(held.status).toBe(201);
    expect(await get(police, `/api/judicial/consultations?transferId=${transferId}`)).toEqual([expect.objectContaining({ topic: '暗管排污案证据会商', heldOn: '2027-03-15' })]);
    expect((await t.call('GET', `/api/judicial/consultations?transferId=${transferId}`, otherPolice)).status).toBe(404);
    const numbers = await get(officer, '/api/judicial/numbers');
    expect(numbers.byStatus).toEqual({ judged: 1 });
    expect(numbers.daysInStatus.map((d: { status: string }) => d.status)).toEqual(expect.arrayContaining(['drafted', 'sent', 'received', 'filed', 'judged']));
    const days = Object.fromEntries(numbers.daysInStatus.map((d: { status: string; periods: number; longestDays: number }) => [d.status, d]));
    expect(days.drafted.periods).toBe(1);
    expect(days['not-filed'].periods).toBe(2);
    // the clock moved four days while the police held it
    expect(days.received.longestDays).toBeGreaterThan(3);
    expect(numbers.overdueByAgency[0]).toMatchObject({ party: 'police', missed: 1, stillOpen: 0 });
  });

  it('keeps the police’s longer review period after materials were requested and supplemented', async () => {
    const id = (await post(officer, '/api/judicial/transfers', { kind: 'criminal', title: '危废倾倒案', summary: '事实', suspect: { kind: 'person', name: '张某' }, teamIds: [officer.userId, colleague.userId] })).body.transferId;
    const step = (path: string, who: Account, body: unknown = {}) => post(who, `/api/judicial/transfers/${id}${path}`, body);
    for (const materialKind of ['transfer-letter', 'investigation-report', 'items-list', 'test-reports']) await step('/materials', officer, { materialKind, title: materialKind, reference: 'x' });
    await step('/submission', officer, { report: '建议移送' });
    await step('/approval', head, { approved: true });
    await step('/sending', officer);
    await step('/receipt', police, { receiptNumber: 'R-9' });
    const extended = await step('/review-extension', police, { reason: 'verification' });
    const open = (b: { timeLimits: Array<{ step: string; closedAt?: string; dueAt: string }> }) => b.timeLimits.filter((l) => !l.closedAt);
    expect(open(extended.body)).toEqual([expect.objectContaining({ step: 'filing-verification' })]);
    await step('/materials-request', police, { missing: '危废鉴定报告' });
    const added = await step('/materials', officer, { materialKind: 'test-reports', title: '危废鉴定报告', reference: '卷二' });
    const supplementId = added.body.materials.at(-1).materialId;
    const supplemented = await step('/supplement', officer, { materialIds: [supplementId] });
    expect(supplemented.body.status).toBe('received');
    expect(open(supplemented.body)).toEqual([expect.objectContaining({ step: 'filing-verification', party: 'police' })]);
  });
});
