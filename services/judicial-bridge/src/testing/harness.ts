import { randomBytes, randomUUID } from 'node:crypto';
import { signToken, type Principal, type Role } from '@qingyuan/auth';
import { MACHINE_TOPICS, uuidv7, type AgencyKind } from '@qingyuan/contracts';
import { InProcessEventBus, toEnvelope, type EventEnvelope } from '@qingyuan/messaging';
import type { RunningService } from '@qingyuan/service-kit';
import { setLogSink, type LogRecord } from '@qingyuan/telemetry';
import { createTestDatabase, type TestDatabase } from '@qingyuan/testing';
import { Client } from 'pg';
import { startJudicialService } from '../judicial.service';

export interface Account {
  userId: string;
  token: string;
}

/** The judicial bridge alone on a fresh database with the in-process bus; the test plays cases and moves the clock. */
export class JudicialUnderTest {
  now = new Date('2027-03-01T02:00:00Z');
  service!: RunningService;
  readonly published: EventEnvelope[] = [];
  readonly logs: LogRecord[] = [];
  private bus = new InProcessEventBus({ attempts: 2, initialDelayMs: 5, maxDelayMs: 10 });
  private readonly secret = randomBytes(32).toString('base64url');
  private pg!: Client;
  private restoreSink!: ReturnType<typeof setLogSink>;
  private position = 0n;

  private constructor(readonly database: TestDatabase) {}

  static async start(label: string): Promise<JudicialUnderTest> {
    const t = new JudicialUnderTest(await createTestDatabase(label));
    t.restoreSink = setLogSink((record) => t.logs.push(record));
    t.pg = new Client({ connectionString: t.database.url });
    await t.pg.connect();
    await t.startService();
    return t;
  }

  /** (Re)starts the service on the same database: a restart must lose no time limit and repeat no mark. */
  async startService(): Promise<void> {
    await this.bus.subscribe({ group: `test-observer-${randomUUID()}`, topics: [MACHINE_TOPICS.judicial], handle: async (e) => void this.published.push(e) });
    this.service = await startJudicialService({ databaseUrl: this.database.url, bus: this.bus, authSecret: this.secret, port: 0, host: '127.0.0.1', clock: () => this.now, timerIntervalMs: 50 });
  }

  async restart(): Promise<void> {
    await this.service.stop();
    await this.bus.close();
    await this.service.close();
    this.bus = new InProcessEventBus({ attempts: 2, initialDelayMs: 5, maxDelayMs: 10 });
    await this.startService();
  }

  async stop(): Promise<void> {
    await this.service.stop();
    await this.bus.close();
    await this.service.close();
    await this.pg.end();
    await this.database.drop();
    setLogSink(this.restoreSink);
  }

  staff(roles: Role[], scope: Partial<Principal> = {}): Account {
    const userId = randomUUID();
    return { userId, token: signToken({ userId, name: `测试${roles.join('+')}`, roles, towns: [], departments: [], ...scope }, this.secret, 3600) };
  }

  /** A liaison account of an agency. */
  liaison(kind: AgencyKind, code: string, name = code): Account {
    return this.staff([`${kind}-liaison` as Role], { organisation: { code, name, kind } });
  }

  async sql<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pg.query(text, params)).rows as R[];
  }

  async call(method: string, path: string, who?: Account | string, body?: unknown): Promise<{ status: number; body: any }> {
    const authorization = typeof who === 'string' ? who : who ? `Bearer ${who.token}` : undefined;
    const answer = await fetch(new URL(path, this.service.url), {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(authorization ? { authorization } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const type = answer.headers.get('content-type') ?? '';
    return { status: answer.status, body: type.includes('json') ? await answer.json() : await answer.text() };
  }

  /** Publish another service's event, as its relay would. */
  async publish(topic: string, streamId: string, type: string, data: unknown): Promise<string> {
    const eventId = uuidv7();
    this.position += 1n;
    const event = toEnvelope(
      {
        eventId, streamId, streamVersion: 1, schemaVersion: 1, globalPosition: this.position, type, data, recordedAt: this.now.toISOString(), hash: Buffer.alloc(32),
        metadata: { actor: { kind: 'system', id: 'test' }, correlationId: randomUUID(), occurredAt: this.now.toISOString() },
      },
      '/qingyuan/test',
    );
    await this.bus.publish(topic, [event]);
    return eventId;
  }

  async eventCount(): Promise<number> {
    const [{ n }] = await this.sql<{ n: string }>('SELECT count(*) AS n FROM judicial.events');
    return Number(n);
  }
}
