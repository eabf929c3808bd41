import { randomBytes, randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { signToken, type Principal, type Role } from '@qingyuan/auth';
import { MACHINE_TOPICS, uuidv7, type EnterpriseRegistered } from '@qingyuan/contracts';
import { encodeFrame, formatCp, formatDataSegment, formatHj212Time, formatQn, FrameReader, parseDataSegment, type FactorFields, type Hj212Message } from '@qingyuan/hj212';
import { InProcessEventBus, toEnvelope, type EventEnvelope } from '@qingyuan/messaging';
import { setLogSink, type LogRecord } from '@qingyuan/telemetry';
import { createTestDatabase, type TestDatabase } from '@qingyuan/testing';
import { Client } from 'pg';
import type { DeviceInput } from '../domain/device';
import { startMonitoringService, type MonitoringConfig, type RunningMonitoring } from '../monitoring.service';

export interface StaffMember {
  userId: string;
  token: string;
}

/** A COD/NH3-N wastewater device of a Yiwu enterprise, as the tests register it. */
export function waterDevice(mn: string, overrides: Partial<DeviceInput> = {}): DeviceInput {
  return {
    mn,
    pw: '123456',
    uscc: '91330782MA2000001X',
    outletCode: 'DW001',
    outletName: '废水总排口',
    medium: 'water',
    standard: '2017',
    realtimeIntervalSeconds: 30,
    factors: [
      { code: 'w01018', name: '化学需氧量', unit: 'mg/L', hourLimit: 50, dayLimit: 50, rangeMin: 0, rangeMax: 500 },
      { code: 'w21003', name: '氨氮', unit: 'mg/L', hourLimit: 5, dayLimit: 5, rangeMin: 0, rangeMax: 50 },
    ],
    ...overrides,
  };
}

/** Monitoring alone on a fresh database with the in-process bus and its HJ 212 port; the test watches what it publishes. */
export class MonitoringUnderTest {
  now = new Date('2027-01-10T02:00:00Z');
  service!: RunningMonitoring;
  readonly published: EventEnvelope[] = [];
  readonly logs: LogRecord[] = [];
  private restoreSink!: ReturnType<typeof setLogSink>;
  private readonly bus = new InProcessEventBus({ attempts: 2, initialDelayMs: 5, maxDelayMs: 10 });
  private readonly secret = randomBytes(32).toString('base64url');
  private pg!: Client;
  private position = 0n;

  private constructor(readonly database: TestDatabase) {}

  static async start(label: string, hj212: Partial<NonNullable<MonitoringConfig['hj212']>> = {}): Promise<MonitoringUnderTest> {
    const t = new MonitoringUnderTest(await createTestDatabase(label));
    t.restoreSink = setLogSink((record) => t.logs.push(record));
    await t.bus.subscribe({ group: 'test-observer', topics: [MACHINE_TOPICS.monitoring], handle: async (e) => void t.published.push(e) });
    t.pg = new Client({ connectionString: t.database.url });
    await t.pg.connect();
    t.service = await startMonitoringService({
      databaseUrl: t.database.url,
      bus: t.bus,
      authSecret: t.secret,
      port: 0,
      host: '127.0.0.1',
      clock: () => t.now,
      hj212: { port: 0, host: '127.0.0.1', ...hj212 },
      sweepIntervalMs: 3_600_000,
    });
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

  /** Enforcement's registry announcing an enterprise, as its relay would. */
  async registerEnterprise(data: Partial<EnterpriseRegistered> = {}): Promise<EnterpriseRegistered> {
    const enterprise: EnterpriseRegistered = {
      enterpriseId: randomUUID(), name: '义乌市某某印染有限公司', uscc: '91330782MA2000001X', townCode: '330782003', address: '义乌市某路 1 号', industry: '纺织印染',
      permitClass: 'key', keyPolluter: false, outlets: [{ code: 'DW001', kind: 'water', name: '废水总排口' }], location: { lat: 29.3, lng: 120.07 }, ...data,
    };
    this.position += 1n;
    const event = toEnvelope(
      { eventId: uuidv7(), streamId: `enterprise-${enterprise.enterpriseId}`, streamVersion: 1, schemaVersion: 1, globalPosition: this.position, type: 'EnterpriseRegistered',
        data: enterprise, recordedAt: this.now.toISOString(), hash: Buffer.alloc(32),
        metadata: { actor: { kind: 'system', id: 'test' }, correlationId: randomUUID(), occurredAt: this.now.toISOString() } },
      '/qingyuan/enforcement',
    );
    await this.bus.publish(MACHINE_TOPICS.enforcement, [event]);
    return enterprise;
  }

  async registerDevice(input: DeviceInput): Promise<string> {
    const answer = await this.call('POST', '/api/monitoring/devices', this.staff(['analyst']), input);
    if (answer.status !== 201) throw new Error(`device registration failed: ${JSON.stringify(answer.body)}`);
    return answer.body.deviceId;
  }

  async device(): Promise<DeviceClient> {
    return DeviceClient.connect(this.service.hj212Port!);
  }

  async eventTypes(stream?: string): Promise<string[]> {
    const rows = await this.sql<{ event_type: string }>(`SELECT event_type FROM monitoring.events ${stream ? 'WHERE stream_id = $1' : ''} ORDER BY global_position`, stream ? [stream] : []);
    return rows.map((r) => r.event_type);
  }
}

/** A data logger on a real TCP connection: sends frames, collects the platform's answers. */
export class DeviceClient {
  readonly answers: Hj212Message[] = [];
  private readonly reader = new FrameReader();
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk) => {
      for (const f of this.reader.push(chunk).frames) {
        const r = parseDataSegment(f);
        if (r.valid) this.answers.push(r.message);
      }
    });
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => undefined);
  }

  static connect(port: number): Promise<DeviceClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1' }, () => resolve(new DeviceClient(socket)));
      socket.once('error', reject);
    });
  }

  /** An upload in 2017 shape (Flag=5: version 1, A=1 unless `flag` says otherwise); returns its QN. */
  send(input: { mn: string; pw?: string; cn: string; dataTime: Date; values: Record<string, FactorFields>; flag?: number; st?: string; at?: Date }): string {
    const qn = formatQn(input.at ?? new Date());
    const segment = formatDataSegment({ qn, st: input.st ?? '32', cn: input.cn, pw: input.pw ?? '123456', mn: input.mn, flag: input.flag ?? 5 }, formatCp({ DataTime: formatHj212Time(input.dataTime) }, input.values));
    this.socket.write(encodeFrame(segment));
    return qn;
  }

  write(bytes: Buffer | string): void {
    this.socket.write(bytes);
  }

  async until<T>(what: () => T | undefined, timeoutMs = 5000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = what();
      if (v) return v;
      if (Date.now() > end) throw new Error('timed out waiting on the device connection');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  ackFor(qn: string): Promise<Hj212Message> {
    return this.until(() => this.answers.find((a) => a.cn === '9014' && a.qn === qn));
  }

  close(): void {
    this.socket.destroy();
  }
}

export async function eventually<T>(what: () => Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
