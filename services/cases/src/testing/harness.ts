import { randomBytes, randomUUID } from 'node:crypto';
import { signToken, type Principal, type Role } from '@qingyuan/auth';
import { TOPICS, uuidv7, type ClueAccepted, type Location } from '@qingyuan/contracts';
import { InProcessEventBus, toEnvelope, type EventEnvelope } from '@qingyuan/messaging';
import type { RunningService } from '@qingyuan/service-kit';
import { setLogSink, type LogRecord } from '@qingyuan/telemetry';
import { createTestDatabase, eventually, type TestDatabase } from '@qingyuan/testing';
import { Client } from 'pg';
import { startCasesService } from '../cases.service';
import { problemIdForClue } from '../problems/problem-store';

/** Cases alone on a fresh database, the in-process bus and a clock the test moves. */
export class CasesUnderTest {
  now = new Date('2026-11-30T01:00:00Z');
  service!: RunningService;
  readonly published: EventEnvelope[] = [];
  readonly logs: LogRecord[] = [];
  private readonly bus = new InProcessEventBus({ attempts: 2, initialDelayMs: 5, maxDelayMs: 10 });
  private readonly secret = randomBytes(32).toString('base64url');
  private pg!: Client;
  private restoreSink!: ReturnType<typeof setLogSink>;
  private position = 0n;

  private constructor(readonly database: TestDatabase) {}

  static async start(label: string): Promise<CasesUnderTest> {
    const t = new CasesUnderTest(await createTestDatabase(label));
    t.restoreSink = setLogSink((record) => void t.logs.push(record));
    await t.bus.subscribe({ group: 'test-observer', topics: [TOPICS.cases], handle: async (e) => void t.published.push(e) });
    t.pg = new Client({ connectionString: t.database.url });
    await t.pg.connect();
    await t.startService();
    return t;
  }

  get url(): string {
    return this.service.url;
  }

  /** Stop the service (the database and the bus stay). */
  async down(): Promise<void> {
    await this.service.stop();
    await this.service.close();
  }

  async up(): Promise<void> {
    await this.startService();
  }

  /** A restart on the same database, keeping the bus and its observer. */
  async restart(): Promise<void> {
    await this.down();
    await this.up();
  }

  async stop(): Promise<void> {
    await this.service.stop();
    await this.bus.close();
    await this.service.close();
    await this.pg.end();
    await this.database.drop();
    setLogSink(this.restoreSink);
  }

  token(roles: Role[], scope: Partial<Principal> = {}): string {
    return signToken({ userId: randomUUID(), name: `测试${roles.join('+')}`, roles, towns: [], departments: [], ...scope }, this.secret, 3600);
  }

  async sql<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pg.query(text, params)).rows;
  }

  /** A problem opened the way intake opens one: an accepted clue on the bus. */
  async openProblem(
    townCode: string,
    category: ClueAccepted['category'] = 'water',
    description = '河道排口排放黑水',
    channel: ClueAccepted['channel'] = 'public-web',
  ): Promise<string> {
    const clueId = uuidv7();
    const location: Location = { address: '测试地址', townCode };
    const data: ClueAccepted = { clueId, channel, category, description, location };
    const event = toEnvelope(
      {
        eventId: uuidv7(), streamId: `clue-${clueId}`, streamVersion: 2, schemaVersion: 1, globalPosition: 1n, type: 'ClueAccepted', data,
        recordedAt: this.now.toISOString(), hash: Buffer.alloc(32), metadata: { actor: { kind: 'user', id: 'intake-test' }, correlationId: 'c', occurredAt: this.now.toISOString() },
      },
      '/qingyuan/intake',
    );
    await this.bus.publish(TOPICS.intake, [event]);
    const problemId = problemIdForClue(clueId);
    await eventually(async () => (await this.sql('SELECT 1 FROM cases.problem_view WHERE problem_id = $1', [problemId])).length > 0, { what: 'the problem' });
    return problemId;
  }

  /**
   * Another service's event on its topic, as its relay would publish it; resolves when every consumer has handled it.
   * Publishing the returned envelope again (redeliver) is an at-least-once redelivery of the same event.
   */
  async publish(topic: string, streamId: string, type: string, data: unknown): Promise<EventEnvelope> {
    this.position += 1n;
    const event = toEnvelope(
      {
        eventId: uuidv7(), streamId, streamVersion: Number(this.position), schemaVersion: 1, globalPosition: this.position, type, data,
        recordedAt: this.now.toISOString(), hash: Buffer.alloc(32),
        metadata: { actor: { kind: 'system', id: 'test' }, correlationId: randomUUID(), occurredAt: this.now.toISOString() },
      },
      '/qingyuan/test',
    );
    await this.bus.publish(topic, [event]);
    return event;
  }

  redeliver(topic: string, event: EventEnvelope): Promise<void> {
    return this.bus.publish(topic, [event]);
  }

  async call(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const answer = await fetch(new URL(path, this.url), {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const type = answer.headers.get('content-type') ?? '';
    return { status: answer.status, body: type.includes('json') ? await answer.json() : Buffer.from(await answer.arrayBuffer()), headers: answer.headers };
  }

  private async startService(): Promise<void> {
    this.service = await startCasesService({
      databaseUrl: this.database.url,
      bus: this.bus,
      authSecret: this.secret,
      port: 0,
      host: '127.0.0.1',
      clock: () => this.now,
      timerIntervalMs: 3_600_000,
    });
  }
}
