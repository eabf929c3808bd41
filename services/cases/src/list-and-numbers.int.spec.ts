import { Workbook } from 'exceljs';
import { CasesUnderTest } from './testing/harness';

const A = '330782003';
const B = '330782104';

describe('the problem list (问题清单), its Excel export and the numbers', () => {
  let t: CasesUnderTest;
  let analyst: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await CasesUnderTest.start('cases_list');
    analyst = t.token(['analyst']);
    t.now = new Date('2026-11-02T02:00:00Z');
    ids.patrolA = await t.openProblem(A, 'water', '巡查发现排口冒黑水', 'grid-patrol');
    ids.publicA = await t.openProblem(A, 'air', '群众举报夜间废气', 'public-web');
    ids.mediaB = await t.openProblem(B, 'water', '媒体曝光河道污染', 'media');
    ids.publicB = await t.openProblem(B, 'noise', '工地噪声', 'public-web');
    for (const [name, town] of [['patrolA', A], ['publicA', A], ['mediaB', B]] as const) {
      await t.call('POST', `/api/cases/problems/${ids[name]}/assignment`, analyst, { responsiblePerson: { name: '负责人' }, measures: '整改', workingDays: 5 });
      await t.call('POST', `/api/cases/problems/${ids[name]}/sign-off`, t.token(['town-officer'], { towns: [town] }));
    }
    // patrolA closes on time after 3 working days; mediaB closes late (after its 5-working-day deadline of 9 Nov).
    t.now = new Date('2026-11-05T02:00:00Z');
    await close(ids.patrolA, A);
    t.now = new Date('2026-11-12T02:00:00Z');
    await close(ids.mediaB, B);
  });

  async function close(id: string, town: string) {
    await t.call('POST', `/api/cases/problems/${id}/rectification`, t.token(['town-officer'], { towns: [town] }), { summary: '完成', evidence: ['照片'] });
    await t.call('POST', `/api/cases/problems/${id}/verification`, t.token(['verifier']), { passed: true, opinion: '通过' });
  }

  afterAll(async () => {
    await t?.stop();
  });

  it('filters, sorts and pages, with the total', async () => {
    const list = (q: string) => t.call('GET', `/api/cases/problems?${q}`, analyst).then((a) => a.body);
    expect((await list('townCode=' + A)).total).toBe(2);
    expect((await list('status=closed')).items.map((p: { problemId: string }) => p.problemId).sort()).toEqual([ids.patrolA, ids.mediaB].sort());
    expect((await list('channel=media')).items.map((p: { problemId: string }) => p.problemId)).toEqual([ids.mediaB]);
    expect((await list('category=water&townCode=' + B)).total).toBe(1);
    expect((await list('department=eco-env')).total).toBe(3);
    expect((await list('from=2026-11-03')).total).toBe(0);
    const numbers = (await list('sort=number&order=asc')).items.map((p: { number: string }) => p.number);
    expect(numbers).toEqual([...numbers].sort());
    const page = await list('sort=number&order=asc&limit=2&offset=2');
    expect(page).toMatchObject({ total: 4, more: false });
    expect(page.items.map((p: { number: string }) => p.number)).toEqual(numbers.slice(2));
    const bad = await t.call('GET', '/api/cases/problems?status=done&limit=0', analyst);
    expect(bad.status).toBe(400);
  });

  it('exports the columns a 问题清单 has', async () => {
    const answer = await t.call('GET', `/api/cases/problems.xlsx?townCode=${A}`, analyst);
    expect(answer.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(answer.body).buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['编号', '问题描述', '来源渠道', '镇街', '牵头部门', '配合部门', '责任人', '整改措施', '整改时限', '状态', '销号日期']);
    const rows = [4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows.map((r) => r[1]).sort()).toEqual(['巡查发现排口冒黑水', '群众举报夜间废气']);
    expect(rows.find((r) => r[1] === '巡查发现排口冒黑水')).toEqual(expect.arrayContaining(['网格员巡查', '稠江街道', '已销号']));
  });

  it('counts received, closed, on-time rate, handling days, overdue and self-discovery by town and channel', async () => {
    const byTown = (await t.call('GET', '/api/cases/statistics?groupBy=town', analyst)).body;
    const a = byTown.find((r: { key: string }) => r.key === A);
    const b = byTown.find((r: { key: string }) => r.key === B);
    expect(a).toMatchObject({ label: { zh: '稠江街道' }, received: 2, closed: 1, onTimeRate: 1, averageHandlingWorkingDays: 3, selfDiscovered: 1, selfDiscoveryRate: 0.5 });
    expect(b).toMatchObject({ received: 2, closed: 1, onTimeRate: 0, averageHandlingWorkingDays: 8, selfDiscovered: 0, selfDiscoveryRate: 0 });
    const byChannel = (await t.call('GET', '/api/cases/statistics?groupBy=channel', analyst)).body;
    expect(byChannel.find((r: { key: string }) => r.key === 'public-web')).toMatchObject({ received: 2, label: { zh: '群众网上举报' } });
  });
});
