/**
 * Demo data for a first embedded start: a few reports through the real HTTP API, in different towns and stages,
 * so a newcomer sees a working queue. Skipped with QINGYUAN_DEMO=0.
 */
const REPORTS = [
  { category: 'water', townCode: '330782001', address: '稠城街道某工业区河道排口', description: '河道排口有黑色污水排出，气味刺鼻，持续约两小时。', lat: 29.3069, lng: 120.0751 },
  { category: 'air', townCode: '330782005', address: '后宅街道某印染厂附近', description: '夜间烟囱冒黄烟，附近居民闻到刺激性气味。', lat: 29.3835, lng: 120.0752 },
  { category: 'hazardous-waste', townCode: '330782100', address: '佛堂镇某村空地', description: '空地上堆放数十个废油桶，有液体渗漏到土壤。', lat: 29.2003, lng: 120.0352 },
  { category: 'noise', townCode: '330782002', address: '江东街道某工地', description: '工地晚上十一点后仍在施工，噪声很大。', lat: 29.3001, lng: 120.1002 },
  { category: 'solid-waste', townCode: '330782104', address: '上溪镇溪边', description: '溪边倾倒大量建筑垃圾和生活垃圾。', lat: 29.2521, lng: 119.9303 },
];

async function call<T>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  const answer = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${path}: HTTP ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

async function waitForProblem(base: string, token: string, clueId: string): Promise<string | undefined> {
  for (let i = 0; i < 100; i++) {
    const answer = await fetch(new URL(`/api/intake/clues/${clueId}`, base), { headers: { authorization: `Bearer ${token}` } });
    const clue = (await answer.json()) as { problemId?: string | null };
    if (clue.problemId) return clue.problemId;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

export async function seedDemo(base: string, adminPassword: string): Promise<number> {
  const { token } = await call<{ token: string }>(base, '/api/auth/sign-in', { username: 'admin', password: adminPassword });
  const deadline = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  for (const [i, r] of REPORTS.entries()) {
    await call(base, '/api/intake/reports', {
      category: r.category,
      description: `【演示数据】${r.description}`,
      anonymous: true,
      location: { lat: r.lat, lng: r.lng, address: r.address, townCode: r.townCode },
    });
    if (i >= 3) continue;
    const [clue] = (await (await fetch(new URL('/api/intake/clues?status=received&limit=1', base), { headers: { authorization: `Bearer ${token}` } })).json()) as Array<{ clueId: string }>;
    await call(base, `/api/intake/clues/${clue.clueId}/accept`, { note: '演示：受理' }, token);
    if (i >= 2) continue;
    const problemId = await waitForProblem(base, token, clue.clueId);
    if (!problemId) continue;
    await call(base, `/api/cases/problems/${problemId}/assignment`, {
      townCode: r.townCode,
      leadDepartment: r.category === 'water' ? 'water' : 'eco-env',
      responsiblePerson: { name: '演示责任人' },
      measures: '立即排查污染源，停止违法排放，限期整改。',
      deadline,
    }, token);
  }
  return REPORTS.length;
}
