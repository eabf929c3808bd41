import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { setLogSink } from '@qingyuan/telemetry';
import { createTestDatabase, type TestDatabase } from '@qingyuan/testing';
import { startGateway, type RunningGateway } from './gateway.service';
import { MAX_FAILED_SIGN_INS } from './identity/user-directory';

describe('gateway: health, sign-in lock-out, proxy errors', () => {
  let database: TestDatabase;
  let gateway: RunningGateway;
  let healthyService: Server;
  let restoreSink: ReturnType<typeof setLogSink>;

  beforeAll(async () => {
    restoreSink = setLogSink(() => undefined);
    database = await createTestDatabase('gateway');
    healthyService = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'));
    await new Promise<void>((resolve) => healthyService.listen(0, '127.0.0.1', resolve));
    const { port } = healthyService.address() as { port: number };
    gateway = await startGateway({
      databaseUrl: database.url,
      authSecret: randomBytes(32).toString('base64url'),
      services: { intake: `http://127.0.0.1:${port}`, cases: 'http://127.0.0.1:1' },
      port: 0,
      host: '127.0.0.1',
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await gateway?.close();
    healthyService?.close();
    await database?.drop();
    setLogSink(restoreSink);
  });

  it('answers 503 and names the part that is not ready', async () => {
    const answer = await fetch(new URL('/health', gateway.url));
    expect(answer.status).toBe(503);
    const body = (await answer.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('unavailable');
    expect(body.checks['gateway.database']).toBe('ok');
    expect(body.checks.intake).toBe('ok');
    expect(body.checks.cases).not.toBe('ok');
  });

  it('answers 502 in Chinese and English when a service cannot be reached', async () => {
    const answer = await fetch(new URL('/api/cases/problems', gateway.url));
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', zh: expect.stringContaining('服务暂不可用') });
  });

  it('locks an account after repeated wrong passwords, and says so only after the right one', async () => {
    const { password } = await gateway.users.create({ username: 'lock.me', displayName: '锁定测试', roles: ['analyst'] }, 'test');
    const signIn = (pw: string) =>
      fetch(new URL('/api/auth/sign-in', gateway.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'lock.me', password: pw }),
      });
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) expect((await signIn('wrong')).status).toBe(401);
    const locked = await signIn(password);
    expect(locked.status).toBe(401);
    expect(((await locked.json()) as { code: string }).code).toBe('ACCOUNT_LOCKED');
  });

  it('has no default password: the first administrator gets a generated one', async () => {
    expect(gateway.adminPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const answer = await fetch(new URL('/api/auth/sign-in', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin' }),
    });
    expect(answer.status).toBe(401);
  });
});
