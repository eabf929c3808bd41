import { eventually } from '@qingyuan/testing';
import { Client } from './testing/http-client';
import { startTestPlatform, type PlatformUnderTest } from './testing/test-platform';

describe('from clues to problems: duplicates, merging (并案), joining, rejection, referral, Open311', () => {
  let t: PlatformUnderTest;
  let analyst: Client;
  const publicClient = () => new Client(t.base);

  beforeAll(async () => {
    t = await startTestPlatform('intake_flow');
    analyst = await t.staff('flow.analyst', ['analyst']);
  });

  afterAll(async () => {
    await t?.stop();
  });

  async function report(description: string, lat: number, lng: number, category = 'water'): Promise<{ clueId: string; receiptCode: string }> {
    const sent = await publicClient().post('/api/intake/reports', { category, description, anonymous: true, location: { lat, lng } });
    expect(sent.status).toBe(201);
    const list = await analyst.get('/api/intake/clues?limit=500');
    return { clueId: list.body.find((c: { description: string }) => c.description === description).clueId, receiptCode: sent.body.receiptCode };
  }
  const stage = async (receiptCode: string) => (await publicClient().get(`/api/intake/receipts/${receiptCode}`)).body.stage;
  const problemOf = (clueId: string) =>
    eventually(async () => (await analyst.get(`/api/intake/clues/${clueId}`)).body.problemId as string | null, { what: `the problem of ${clueId}` });

  it('suggests a nearby report of the same incident, merges it, and both follow one problem', async () => {
    const first = await report('义乌江稠城段排污口排放黑色污水，有刺鼻气味', 29.3069, 120.0751);
    const second = await report('稠城这边义乌江边的排污口在排黑水，很臭', 29.3071, 120.0754);
    const elsewhere = await report('大陈江上游排污口排放黑色污水', 29.453, 120.112);

    const suggestions = await analyst.get(`/api/intake/clues/${second.clueId}/duplicates`);
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.map((s: { clueId: string }) => s.clueId)).toEqual([first.clueId]);
    expect(suggestions.body[0].reasons.distanceMetres).toBeLessThan(50);

    expect((await analyst.post(`/api/intake/clues/${second.clueId}/merge`, { intoClueId: first.clueId })).status).toBe(200);
    expect(await stage(second.receiptCode)).toBe('merged');
    expect((await analyst.post(`/api/intake/clues/${second.clueId}/accept`, {})).status).toBe(409);

    expect((await analyst.post(`/api/intake/clues/${first.clueId}/accept`, {})).status).toBe(200);
    const problemId = await problemOf(first.clueId);
    const problem = await eventually(async () => {
      const p = await analyst.get(`/api/cases/problems/${problemId}`);
      return p.status === 200 && p.body;
    });
    expect(problem.clueIds.sort()).toEqual([first.clueId, second.clueId].sort());
    await eventually(async () => (await stage(second.receiptCode)) === 'accepted', { what: 'the merged clue follows the problem' });
    expect(await problemOf(second.clueId)).toBe(problemId);
    expect((await analyst.get(`/api/intake/clues/${elsewhere.clueId}/duplicates`)).body).toEqual([]);
  });

  it('lets a later report join a running problem, and a merge be undone', async () => {
    const primary = await report('后宅街道某电镀厂夜间偷排含铬废水', 29.372, 120.064);
    expect((await analyst.post(`/api/intake/clues/${primary.clueId}/accept`, {})).status).toBe(200);
    const problemId = await problemOf(primary.clueId);
    const later = await report('后宅电镀厂晚上又在偷排废水', 29.3722, 120.0642);
    const joined = await analyst.post(`/api/intake/clues/${later.clueId}/accept`, { joinProblemId: problemId });
    expect(joined.status).toBe(200);
    await eventually(async () => (await analyst.get(`/api/cases/problems/${problemId}`)).body.clueIds.length === 2, { what: 'the clue joined' });

    const undo = await report('后宅街道电镀厂附近河水发黄', 29.3723, 120.0643);
    await analyst.post(`/api/intake/clues/${undo.clueId}/merge`, { intoClueId: primary.clueId });
    await eventually(async () => (await analyst.get(`/api/cases/problems/${problemId}`)).body.clueIds.length === 3, { what: 'the merged clue attached' });
    expect((await analyst.post(`/api/intake/clues/${undo.clueId}/unmerge`, {})).status).toBe(200);
    await eventually(async () => (await analyst.get(`/api/cases/problems/${problemId}`)).body.clueIds.length === 2, { what: 'the merge undone' });
    expect(await stage(undo.receiptCode)).toBe('received');
    const timeline = await analyst.get(`/api/cases/problems/${problemId}/timeline`);
    expect(timeline.body.events.map((e: { type: string }) => e.type)).toEqual(['ProblemOpened', 'ProblemClueAttached', 'ProblemClueAttached', 'ProblemClueDetached']);
  });

  it('tells the reporter why a clue was rejected or where it was referred, and nothing internal', async () => {
    const rejected = await report('隔壁邻居家装修太吵了', 29.29, 120.1, 'noise');
    await analyst.post(`/api/intake/clues/${rejected.clueId}/reject`, { reasonCode: 'out-of-scope', reason: '装修噪声请向综合行政执法局反映' });
    const referred = await report('菜市场食品变质发臭', 29.3, 120.08, 'other');
    await analyst.post(`/api/intake/clues/${referred.clueId}/refer`, { authority: '市市场监督管理局', note: '内部备注：转交' });
    const r1 = (await publicClient().get(`/api/intake/receipts/${rejected.receiptCode}`)).body;
    expect(r1.stage).toBe('rejected');
    expect(r1.history.at(-1).note).toBe('装修噪声请向综合行政执法局反映');
    const r2 = (await publicClient().get(`/api/intake/receipts/${referred.receiptCode}`)).body;
    expect(r2.stage).toBe('referred');
    expect(JSON.stringify(r2)).not.toContain('内部备注');
    expect(JSON.stringify([r1, r2])).not.toContain('flow.analyst');
  });

  it('answers Open311 GeoReport v2 clients through the gateway', async () => {
    const services = await publicClient().get('/open311/v2/services.json');
    expect(services.status).toBe(200);
    expect(services.body.map((s: { service_code: string }) => s.service_code)).toContain('water');
    const posted = await fetch(new URL('/open311/v2/requests.json', t.base), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ service_code: 'air', lat: '29.341', long: '120.171', description: '工厂烟囱冒黑烟，电话13700009999', first_name: '五', last_name: '王', phone: '13700009999' }),
    });
    expect(posted.status).toBe(201);
    const [created] = (await posted.json()) as Array<{ service_request_id: string; service_notice: string }>;
    expect(created.service_notice).toMatch(/查询码/);
    const one = await publicClient().get(`/open311/v2/requests/${created.service_request_id}.json`);
    expect(one.body).toEqual([
      expect.objectContaining({ service_request_id: created.service_request_id, status: 'open', service_code: 'air', description: null, lat: 29.341, long: 120.171, address: '廿三里街道' }),
    ]);
    expect(JSON.stringify(one.body)).not.toContain('13700009999');
    const bad = await publicClient().post('/open311/v2/requests.json', { service_code: 'lasers', description: 'x', lat: 29 });
    expect(bad.status).toBe(400);
    expect(bad.body[0]).toMatchObject({ code: 400, description: expect.stringContaining('service_code') });
    const closed = await publicClient().get('/open311/v2/requests.json?status=closed');
    expect(closed.body.every((r: { status: string }) => r.status === 'closed')).toBe(true);
  });
});

describe('rate limits on the public endpoints', () => {
  let t: PlatformUnderTest;

  beforeAll(async () => {
    t = await startTestPlatform('rate_limits', { reportsPerMinute: 3, readsPerMinute: 100 });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('answers 429 with Retry-After once a client sends too many reports', async () => {
    const send = () => new Client(t.base).post('/api/intake/reports', { category: 'air', description: '频率限制测试举报', anonymous: true, location: { address: '稠城街道' } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await send()).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await send();
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', zh: expect.stringContaining('频繁') });
  });
});
