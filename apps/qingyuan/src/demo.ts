import { organisationCheckCharacter, usccCheckCharacter } from '@qingyuan/enforcement-service';
import { registerDemoDevices } from './demo-monitoring';

/**
 * Demo data for a first embedded start, through the real HTTP API: a few reports in different towns and stages, so a
 * newcomer sees a working queue; and a small enterprise registry with an inspector pool, ready for a 双随机 draw.
 * Skipped with QINGYUAN_DEMO=0.
 */
const REPORTS = [
  { category: 'water', townCode: '330782001', address: '稠城街道某工业区河道排口', description: '河道排口有黑色污水排出，气味刺鼻，持续约两小时。', lat: 29.3069, lng: 120.0751 },
  { category: 'air', townCode: '330782005', address: '后宅街道某印染厂附近', description: '夜间烟囱冒黄烟，附近居民闻到刺激性气味。', lat: 29.3835, lng: 120.0752 },
  { category: 'hazardous-waste', townCode: '330782100', address: '佛堂镇某村空地', description: '空地上堆放数十个废油桶，有液体渗漏到土壤。', lat: 29.2003, lng: 120.0352 },
  { category: 'noise', townCode: '330782002', address: '江东街道某工地', description: '工地晚上十一点后仍在施工，噪声很大。', lat: 29.3001, lng: 120.1002 },
  { category: 'solid-waste', townCode: '330782104', address: '上溪镇溪边', description: '溪边倾倒大量建筑垃圾和生活垃圾。', lat: 29.2521, lng: 119.9303 },
];

const ENTERPRISES = [
  { name: '义乌市演示印染有限公司', townCode: '330782005', industry: '纺织印染', permitClass: 'key', keyPolluter: true },
  { name: '义乌市演示电镀有限公司', townCode: '330782001', industry: '电镀', permitClass: 'key', keyPolluter: true },
  { name: '义乌市演示塑料制品厂', townCode: '330782002', industry: '塑料制品', permitClass: 'simplified', keyPolluter: false },
  { name: '义乌市演示饰品有限公司', townCode: '330782003', industry: '饰品加工', permitClass: 'simplified', keyPolluter: false },
  { name: '义乌市演示包装印刷厂', townCode: '330782100', industry: '包装印刷', permitClass: 'simplified', keyPolluter: false },
  { name: '义乌市演示五金加工厂', townCode: '330782104', industry: '金属制品', permitClass: 'registration', keyPolluter: false },
  { name: '义乌市演示食品有限公司', townCode: '330782004', industry: '食品制造', permitClass: 'registration', keyPolluter: false },
  { name: '义乌市演示家具厂', townCode: '330782006', industry: '家具制造', permitClass: 'registration', keyPolluter: false },
];

/** A valid credit code for the n-th demo enterprise (organisation codes MA0DEMO0n). */
export function demoUscc(n: number): string {
  const org = `MA0DEM${String(n).padStart(2, '0')}`;
  const first17 = `91330782${org}${organisationCheckCharacter(org)}`;
  return first17 + usccCheckCharacter(first17);
}

async function call<T>(base: string, path: string, body: unknown, token?: string, method = 'POST'): Promise<T> {
  const answer = await fetch(new URL(path, base), {
    method,
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
  await seedEnforcement(base, token);
  await registerDemoDevices(base, token, demoUscc);
  return REPORTS.length;
}

/** Accounts for the demo (their passwords are not kept: the administrator resets one to use it). */
async function account(base: string, adminToken: string, username: string, roles: string[]): Promise<{ token: string; userId: string }> {
  const { password } = await call<{ password: string }>(base, '/api/admin/users', { username, displayName: username, roles }, adminToken);
  const session = await call<{ token: string; user: { userId: string } }>(base, '/api/auth/sign-in', { username, password });
  return { token: session.token, userId: session.user.userId };
}

async function seedEnforcement(base: string, adminToken: string): Promise<void> {
  const officer = await account(base, adminToken, 'demo-enforcement', ['enforcement-officer']);
  for (const [i, e] of ENTERPRISES.entries()) {
    await call(base, '/api/enforcement/enterprises', { ...e, uscc: demoUscc(i + 1), address: `【演示数据】${e.name}厂区`, outlets: [] }, officer.token);
  }
  for (const [i, name] of ['演示执法员甲', '演示执法员乙', '演示执法员丙', '演示执法员丁'].entries()) {
    const inspector = await account(base, adminToken, `demo-inspector-${i + 1}`, ['inspector']);
    await call(base, `/api/enforcement/inspectors/${inspector.userId}`, { inspectorId: inspector.userId, name, formerEmployers: [], declaredConflicts: [], active: true }, officer.token, 'PUT');
  }
}
