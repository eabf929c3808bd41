import { MACHINE_TOPICS, type TransferProgressed } from '@qingyuan/contracts';
import { CasesUnderTest } from './testing/harness';

const CHOUCHENG = '330782001';

describe('the judicial bridge’s feedback (行刑衔接) noted on problems, on a real PostgreSQL', () => {
  let t: CasesUnderTest;
  let analyst: string;
  let town: string;
  let verifier: string;

  beforeAll(async () => {
    t = await CasesUnderTest.start('cases_judicial');
    analyst = t.token(['analyst']);
    town = t.token(['town-officer'], { towns: [CHOUCHENG] });
    verifier = t.token(['verifier']);
  });

  afterAll(async () => {
    await t?.stop();
  });

  const problem = async (id: string) => (await t.call('GET', `/api/cases/problems/${id}`, analyst)).body;
  const timeline = async (id: string) => (await t.call('GET', `/api/cases/problems/${id}/timeline`, analyst)).body.events as Array<{ type: string; zh: string; en: string; data: any }>;
  const post = (id: string, action: string, token: string, body: unknown = {}) => t.call('POST', `/api/cases/problems/${id}/${action}`, token, body);
  const events = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM cases.events'))[0].n;
  const progressed = (transferId: string, status: TransferProgressed['status'], extra: Partial<TransferProgressed> = {}): TransferProgressed => ({
    transferId,
    kind: 'criminal',
    status,
    note: { zh: `行刑衔接：${status}`, en: `Transfer: ${status}` },
    ...extra,
  });
  const publish = (data: TransferProgressed, type = 'TransferProgressed') => t.publish(MACHINE_TOPICS.judicial, `transfer-${data.transferId}`, type, data);

  it('notes a transfer’s progress on its problem once, even delivered twice or replayed, and shows it on the timeline and the detail', async () => {
    const id = await t.openProblem(CHOUCHENG, 'hazardous-waste', '废油桶倾倒');
    const transferId = '0190d6a1-0000-7000-8000-000000000001';
    const sent = await publish(
      progressed(transferId, 'sent', { problemId: id, note: { zh: '行刑衔接：已移送，待公安接收', en: 'Transfer: Sent, awaiting receipt' } }),
    );
    await t.redeliver(MACHINE_TOPICS.judicial, sent);
    // the bridge replaying its log with another envelope of the same step
    await publish(progressed(transferId, 'sent', { problemId: id }));

    const noted = (await timeline(id)).filter((e) => e.type === 'JudicialProgressNoted');
    expect(noted).toHaveLength(1);
    expect(noted[0]).toMatchObject({
      zh: '行刑衔接进展：已移送，待公安接收',
      en: 'Judicial transfer progress: Sent, awaiting receipt',
      data: { problemId: id, transferId, kind: 'criminal', status: 'sent', note: { zh: '行刑衔接：已移送，待公安接收', en: 'Transfer: Sent, awaiting receipt' } },
    });
    expect(await problem(id)).toMatchObject({ status: { code: 'open' }, judicialStatus: { code: 'sent', zh: '已移送，待公安接收', en: 'Sent, awaiting receipt' } });
    const [cause] = await t.sql<{ causation_id: string }>(
      `SELECT metadata->>'causationId' AS causation_id FROM cases.events WHERE stream_id = $1 AND event_type = 'JudicialProgressNoted'`,
      [`problem-${id}`],
    );
    expect(cause.causation_id).toBe(sent.id);

    // the next step is noted too, and the detail shows the latest
    await publish(progressed(transferId, 'received', { problemId: id }));
    expect((await timeline(id)).filter((e) => e.type === 'JudicialProgressNoted').map((e) => e.data.status)).toEqual(['sent', 'received']);
    expect((await problem(id)).judicialStatus.code).toBe('received');
    const published = t.published.filter((e) => e.type === 'JudicialProgressNoted' && e.subject === `problem-${id}`);
    expect(published.map((e) => (e.data as { status: string }).status)).toEqual(['sent', 'received']);
  });

  it('notes progress on a problem already closed out, which stays closed', async () => {
    const id = await t.openProblem(CHOUCHENG, 'water', '暗管偷排含重金属废水');
    expect((await post(id, 'assignment', analyst, { responsiblePerson: { name: '吴' }, measures: '封堵暗管', workingDays: 5 })).status).toBe(200);
    expect((await post(id, 'sign-off', town)).status).toBe(200);
    expect((await post(id, 'rectification', town, { summary: '已封堵', evidence: ['封堵照片'] })).status).toBe(200);
    expect((await post(id, 'verification', verifier, { passed: true, opinion: '整改到位' })).body.closed).toBe(true);

    await publish(
      progressed('0190d6a1-0000-7000-8000-000000000002', 'filed', {
        problemId: id,
        documentNumber: '义公环立字〔2027〕3号',
        note: { zh: '行刑衔接：已立案侦查（义公环立字〔2027〕3号）', en: 'Transfer: Filed, under investigation (义公环立字〔2027〕3号)' },
      }),
    );
    const types = (await timeline(id)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['ProblemClosed', 'JudicialProgressNoted']);
    const last = (await timeline(id)).at(-1)!;
    expect(last.data).toMatchObject({ status: 'filed', documentNumber: '义公环立字〔2027〕3号', note: { zh: '行刑衔接：已立案侦查（义公环立字〔2027〕3号）' } });
    expect(await problem(id)).toMatchObject({ status: { code: 'closed' }, judicialStatus: { code: 'filed' } });
  });

  it('changes nothing for progress without a problem, for a problem it does not know, or for the bridge’s other events', async () => {
    const id = await t.openProblem(CHOUCHENG);
    const before = await events();
    const versionBefore = (await problem(id)).version;

    await publish(progressed('0190d6a1-0000-7000-8000-000000000003', 'filed', { enforcementCaseId: 'case-1' }));
    await publish(progressed('0190d6a1-0000-7000-8000-000000000004', 'received', { problemId: id }), 'TransferReceived');
    const unknown = '0190d6a1-0000-7000-8000-0000000000ff';
    await publish(progressed('0190d6a1-0000-7000-8000-000000000005', 'sent', { problemId: unknown }));

    expect(await events()).toBe(before);
    expect(await problem(id)).toMatchObject({ version: versionBefore, judicialStatus: null });
    expect(await t.sql('SELECT 1 FROM cases.dead_letters')).toEqual([]);
    expect(t.logs).toContainEqual(expect.objectContaining({ level: 'warn', problemId: unknown, msg: expect.stringContaining('unknown problem') }));
    // each was consumed (recorded in the inbox), not left for a retry
    const consumed = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM cases.inbox WHERE consumer = 'cases.judicial-progress'`);
    expect(consumed[0].n).toBeGreaterThanOrEqual(3);
  });
});
