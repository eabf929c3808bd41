import { randomBytes } from 'node:crypto';
import { setLogSink } from '@qingyuan/telemetry';
import { createTestDatabase, type TestDatabase } from '@qingyuan/testing';
import { startGateway, type RunningGateway } from '../gateway.service';

describe('gateway: the inspector accounts an enforcement officer may list', () => {
  let database: TestDatabase;
  let gateway: RunningGateway;
  let restoreSink: ReturnType<typeof setLogSink>;

  beforeAll(async () => {
    restoreSink = setLogSink(() => undefined);
    database = await createTestDatabase('gateway_staff');
    gateway = await startGateway({ databaseUrl: database.url, authSecret: randomBytes(32).toString('base64url'), services: {}, port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await gateway?.stop();
    await gateway?.close();
    await database?.drop();
    setLogSink(restoreSink);
  });

  async function signedIn(username: string, roles: Parameters<RunningGateway['users']['create']>[0]['roles']): Promise<{ userId: string; token: string }> {
    const { user, password } = await gateway.users.create({ username, displayName: `人员${username}`, roles }, 'test');
    const answer = await fetch(new URL('/api/auth/sign-in', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return { userId: user.userId, token: ((await answer.json()) as { token: string }).token };
  }

  const inspectors = (token?: string) => fetch(new URL('/api/staff/inspectors', gateway.url), { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('lists active accounts with the inspector role, id and name only', async () => {
    const first = await signedIn('s.inspector1', ['inspector']);
    const second = await signedIn('s.inspector2', ['inspector', 'grid-worker']);
    await signedIn('s.analyst', ['analyst']);
    const officer = await signedIn('s.officer', ['enforcement-officer']);
    const answer = await inspectors(officer.token);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as Array<Record<string, unknown>>;
    expect(body).toEqual([
      { userId: first.userId, name: '人员s.inspector1' },
      { userId: second.userId, name: '人员s.inspector2' },
    ]);
  });

  it('is for enforcement officers (and administrators) only', async () => {
    expect((await inspectors()).status).toBe(401);
    const analyst = await signedIn('s.analyst2', ['analyst']);
    expect((await inspectors(analyst.token)).status).toBe(403);
    const inspector = await signedIn('s.inspector3', ['inspector']);
    expect((await inspectors(inspector.token)).status).toBe(403);
  });

  it('makes an agency liaison name an agency of its kind, and no other account an organisation', async () => {
    const create = (roles: Parameters<RunningGateway['users']['create']>[0]['roles'], organisation?: { code: string; name: string; kind: 'police' | 'procuratorate' | 'court' | 'social-organisation' }) =>
      gateway.users.create({ username: `l.${randomBytes(3).toString('hex')}`, displayName: '联络员', roles, ...(organisation ? { organisation } : {}) }, 'test');
    const police = { code: 'yw-police', name: '义乌市公安局', kind: 'police' as const };
    await expect(create(['police-liaison'])).rejects.toMatchObject({ code: 'ORGANISATION_MISMATCH' });
    await expect(create(['procuratorate-liaison'], police)).rejects.toMatchObject({ code: 'ORGANISATION_MISMATCH', zh: expect.stringContaining('类别') });
    await expect(create(['analyst'], police)).rejects.toMatchObject({ code: 'ORGANISATION_MISMATCH' });
    const { user } = await create(['police-liaison'], police);
    expect(user).toMatchObject({ roles: ['police-liaison'], organisation: police });
  });
});
