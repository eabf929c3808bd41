import { randomBytes, randomUUID } from 'node:crypto';
import { signToken, type Principal, type Role } from '@qingyuan/auth';
import { MACHINE_TOPICS } from '@qingyuan/contracts';
import { InProcessEventBus, type EventEnvelope } from '@qingyuan/messaging';
import type { RunningService } from '@qingyuan/service-kit';
import { setLogSink, type LogRecord } from '@qingyuan/telemetry';
import { createTestDatabase, type TestDatabase } from '@qingyuan/testing';
import { Client } from 'pg';
import { organisationCheckCharacter, usccCheckCharacter } from '../domain/uscc';
import { startEnforcementService } from '../enforcement.service';

export interface StaffMember {
  userId: string;
  token: string;
}

/** A valid 统一社会信用代码 of a Yiwu enterprise, different for each n. */
export function makeUscc(n: number): string {
  const org = `MA2${String(n).padStart(5, '0')}`;
  const first17 = `91330782${org}${organisationCheckCharacter(org)}`;
  return first17 + usccCheckCharacter(first17);
}

/** Enforcement alone on a fresh database with the in-process bus; the test watches what it publishes. */
export class EnforcementUnderTest {
  now = new Date('2027-01-10T02:00:00Z');
  service!: RunningService;
  readonly published: EventEnvelope[] = [];
  readonly logs: LogRecord[] = [];
  private restoreSink!: ReturnType<typeof setLogSink>;
  private readonly bus = new InProcessEventBus({ attempts: 2, initialDelayMs: 5, maxDelayMs: 10 });
  private readonly secret = randomBytes(32).toString('base64url');
  private pg!: Client;

  private constructor(readonly database: TestDatabase) {}

  static async start(label: string): Promise<EnforcementUnderTest> {
    const t = new EnforcementUnderTest(await createTestDatabase(label));
    t.restoreSink = setLogSink((record) => t.logs.push(record));
    await t.bus.subscribe({ group: 'test-observer', topics: [MACHINE_TOPICS.enforcement], handle: async (e) => void t.published.push(e) });
    t.pg = new Client({ connectionString: t.database.url });
    await t.pg.connect();
    t.service = await startEnforcementService({ databaseUrl: t.database.url, bus: t.bus, authSecret: t.secret, port: 0, host: '127.0.0.1', clock: () => t.now });
    return t;
  }

  async stop(): Promise<void> {
    await this.service.stop();
    await this.bus.close();
    await this.service.close();
    await this.pg.end();
    await this.database.drop();
    setLogSink(this.restoreSink);
  }

  staff(roles: Role[], scope: Partial<Principal> = {}): StaffMember {
    const userId = randomUUID();
    return { userId, token: signToken({ userId, name: `测试${roles.join('+')}`, roles, towns: [], departments: [], ...scope }, this.secret, 3600) };
  }

  async sql<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pg.query(text, params)).rows as R[];
  }

  async call(method: string, path: string, who?: StaffMember, body?: unknown): Promise<{ status: number; body: any }> {
    const answer = await fetch(new URL(path, this.service.url), {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(who ? { authorization: `Bearer ${who.token}` } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const type = answer.headers.get('content-type') ?? '';
    return { status: answer.status, body: type.includes('json') ? await answer.json() : await answer.text() };
  }

  async upload(path: string, who: StaffMember, filename: string, content: string | Buffer): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('file', new Blob([content]), filename);
    const answer = await fetch(new URL(path, this.service.url), { method: 'POST', headers: { authorization: `Bearer ${who.token}` }, body: form });
    return { status: answer.status, body: await answer.json() };
  }

  /** Counts of rows in the event store, to show a refused request wrote nothing. */
  async eventCount(): Promise<number> {
    const [{ n }] = await this.sql<{ n: string }>('SELECT count(*) AS n FROM enforcement.events');
    return Number(n);
  }
}
