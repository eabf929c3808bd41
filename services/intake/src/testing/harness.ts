import { randomBytes, randomUUID } from 'node:crypto';
import { signToken, type Principal, type Role } from '@qingyuan/auth';
import { InProcessEventBus } from '@qingyuan/messaging';
import type { RunningService } from '@qingyuan/service-kit';
import { setLogSink, type LogRecord } from '@qingyuan/telemetry';
import { createTestDatabase, type TestDatabase } from '@qingyuan/testing';
import { Client } from 'pg';
import { startIntakeService } from '../intake.service';

/** Intake alone on a fresh database and the in-process bus, reached over real HTTP. */
export interface IntakeUnderTest {
  url: string;
  database: TestDatabase;
  bus: InProcessEventBus;
  service: RunningService;
  logs: LogRecord[];
  token(roles: Role[], extra?: Partial<Principal>): string;
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

export async function startIntakeForTest(label: string): Promise<IntakeUnderTest> {
  const logs: LogRecord[] = [];
  const restore = setLogSink((record) => logs.push(record));
  const database = await createTestDatabase(label);
  const bus = new InProcessEventBus({ attempts: 2, initialDelayMs: 5, maxDelayMs: 10 });
  const authSecret = randomBytes(32).toString('base64url');
  const service = await startIntakeService({
    databaseUrl: database.url,
    bus,
    authSecret,
    masterKey: randomBytes(32).toString('base64'),
    port: 0,
    host: '127.0.0.1',
  });
  const pg = new Client({ connectionString: database.url });
  await pg.connect();
  return {
    url: service.url,
    database,
    bus,
    service,
    logs,
    token: (roles, extra = {}) =>
      signToken({ userId: randomUUID(), name: `测试${roles.join('+')}`, roles, towns: [], departments: [], ...extra }, authSecret, 3600),
    sql: async (text, params = []) => (await pg.query(text, params)).rows,
    async stop() {
      await service.stop();
      await bus.close();
      await service.close();
      await pg.end();
      await database.drop();
      setLogSink(restore);
    },
  };
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
  bytes?: Buffer;
}

/** JSON or multipart requests with an optional bearer token. */
export async function http(
  base: string,
  method: string,
  path: string,
  options: { token?: string; json?: unknown; form?: FormData; raw?: { body: string | Buffer; type: string }; binary?: boolean; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: RequestInit["body"];
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  } else if (options.raw) {
    headers['content-type'] = options.raw.type;
    body = options.raw.body;
  }
  const answer = await fetch(new URL(path, base), { method, headers, body });
  if (options.binary) return { status: answer.status, body: undefined, headers: answer.headers, bytes: Buffer.from(await answer.arrayBuffer()) };
  const text = await answer.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the text
  }
  return { status: answer.status, body: parsed, headers: answer.headers };
}

/** A multipart report: the JSON in `report`, files in `files`. */
export function reportForm(report: unknown, files: Array<{ name: string; bytes: Buffer; type?: string }> = []): FormData {
  const form = new FormData();
  form.append('report', JSON.stringify(report));
  for (const f of files) form.append('files', new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }), f.name);
  return form;
}
