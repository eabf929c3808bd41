import { randomBytes } from 'node:crypto';
import { InProcessEventBus } from '@qingyuan/messaging';
import type { RateLimits } from '@qingyuan/gateway-service';
import { setLogSink, type LogRecord } from '@qingyuan/telemetry';
import { createTestDatabase, type TestDatabase } from '@qingyuan/testing';
import { startPlatform, type RunningPlatform } from '../platform';
import { Client } from './http-client';

/** The whole platform in this process, on a fresh database and the in-process bus. */
export interface PlatformUnderTest {
  platform: RunningPlatform;
  database: TestDatabase;
  logs: LogRecord[];
  base: string;
  admin(): Promise<Client>;
  /** a staff account with these roles, signed in */
  staff(username: string, roles: string[], extra?: Record<string, unknown>): Promise<Client>;
  stop(): Promise<void>;
}

export async function startTestPlatform(label: string, rateLimits: RateLimits = { reportsPerMinute: 10_000, readsPerMinute: 10_000 }): Promise<PlatformUnderTest> {
  const logs: LogRecord[] = [];
  const restore = setLogSink((record) => logs.push(record));
  const database = await createTestDatabase(label);
  const platform = await startPlatform({
      hj212Port: 0,
    databaseUrl: database.url,
    bus: new InProcessEventBus({ attempts: 3, initialDelayMs: 10, maxDelayMs: 50 }),
    secrets: { authSecret: randomBytes(32).toString('base64url'), masterKey: randomBytes(32).toString('base64') },
    port: 0,
    host: '127.0.0.1',
    rateLimits,
  });
  const base = platform.gateway.url;
  const admin = () => new Client(base).signIn('admin', platform.gateway.adminPassword!);
  return {
    platform,
    database,
    logs,
    base,
    admin,
    async staff(username, roles, extra = {}) {
      const created = await (await admin()).post('/api/admin/users', { username, displayName: `测试${username}`, roles, ...extra });
      if (created.status !== 201) throw new Error(`cannot create ${username}: ${JSON.stringify(created.body)}`);
      return new Client(base).signIn(username, created.body.password);
    },
    async stop() {
      await platform.stop();
      await database.drop();
      setLogSink(restore);
    },
  };
}
