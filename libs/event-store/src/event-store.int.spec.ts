import { createTestDatabase, eventually, type TestDatabase } from '@qingyuan/testing';
import type { EventMetadata } from '@qingyuan/contracts';
import { DataSource } from 'typeorm';
import { Db, Tx } from './db';
import { ConcurrencyConflict, StreamAlreadyExists } from './errors';
import { PgEventStore } from './event-store';
import { OutboxRelay } from './relay';
import { eventStoreDdl } from './schema';
import type { StoredEvent } from './types';
import { verifyStore } from './verify';

const meta = (extra: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: { kind: 'system', id: 'test' },
  correlationId: 'c-1',
  occurredAt: new Date().toISOString(),
  ...extra,
});

describe('PgEventStore on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PgEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('event_store');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, poolSize: 60 }).initialize();
    for (const statement of eventStoreDdl('es_test')) await dataSource.query(statement);
    store = new PgEventStore(new Db(dataSource), 'es_test');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('appends with an expected version and refuses a stale one with a typed error', async () => {
    const first = await store.append('s-1', 'no-stream', [{ type: 'Opened', data: { n: 1 } }], meta());
    expect(first.nextVersion).toBe(1);
    await store.append('s-1', 1, [{ type: 'Noted', data: { n: 2 } }, { type: 'Noted', data: { n: 3 } }], meta());
    await expect(store.append('s-1', 1, [{ type: 'Noted', data: { n: 9 } }], meta())).rejects.toBeInstanceOf(
      ConcurrencyConflict,
    );
    await expect(store.append('s-1', 'no-stream', [{ type: 'Opened', data: {} }], meta())).rejects.toBeInstanceOf(
      StreamAlreadyExists,
    );
    const events = await store.readStream('s-1');
    expect(events.map((e) => [e.streamVersion, e.data])).toEqual([
      [1, { n: 1 }],
      [2, { n: 2 }],
      [3, { n: 3 }],
    ]);
  });

  it('ends 50 concurrent appends to one stream with versions 1..50, no gap, no duplicate', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.append('hot', 'any', [{ type: 'Tick', data: { i } }], meta())),
    );
    const events = await store.readStream('hot');
    expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => (e.data as { i: number }).i)).size).toBe(50);
    expect((await verifyStore(store, 'hot')).breaks).toEqual([]);
  });

  it('lets exactly one of 50 writers with the same expected version win; the rest get a conflict', async () => {
    await store.append('race', 'no-stream', [{ type: 'Opened', data: {} }], meta());
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => store.append('race', 1, [{ type: 'Claimed', data: { i } }], meta())),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(49);
    expect(rejected.every((r) => r.reason instanceof ConcurrencyConflict)).toBe(true);
    expect((await store.readStream('race')).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('returns the first result when a command is retried with the same command id', async () => {
    const once = await store.append('cmd', 'any', [{ type: 'Paid', data: {} }], meta({ commandId: 'k-1' }));
    const twice = await store.append('cmd', 'any', [{ type: 'Paid', data: {} }], meta({ commandId: 'k-1' }));
    expect(twice.events.map((e) => e.eventId)).toEqual(once.events.map((e) => e.eventId));
    expect(await store.streamVersion('cmd')).toBe(1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of stored events made directly in SQL', async () => {
    await store.append('tamper', 'no-stream', [{ type: 'Fined', data: { fen: 100000 } }], meta());
    await expect(
      dataSource.query(`UPDATE es_test.events SET data = '{"fen":1}' WHERE stream_id = 'tamper'`),
    ).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM es_test.events WHERE stream_id = 'tamper'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query('TRUNCATE es_test.events')).rejects.toThrow(/append-only/);
  });

  it('detects an edit or a removal made by someone who switched the trigger off', async () => {
    await store.append('audit-me', 'no-stream', [1, 2, 3].map((n) => ({ type: 'Step', data: { n } })), meta());
    expect((await verifyStore(store, 'audit-me')).breaks).toEqual([]);
    await dataSource.query('ALTER TABLE es_test.events DISABLE TRIGGER events_append_only');
    try {
      await dataSource.query(
        `UPDATE es_test.events SET data = '{"n":20}' WHERE stream_id = 'audit-me' AND stream_version = 2`,
      );
      expect((await verifyStore(store, 'audit-me')).breaks).toEqual([
        { streamId: 'audit-me', streamVersion: 2, reason: 'hash-mismatch' },
      ]);
      await dataSource.query(`DELETE FROM es_test.events WHERE stream_id = 'audit-me' AND stream_version = 3`);
      await dataSource.query(
        `UPDATE es_test.events SET data = '{"n":2}' WHERE stream_id = 'audit-me' AND stream_version = 2`,
      );
      expect((await verifyStore(store, 'audit-me')).breaks).toEqual([
        { streamId: 'audit-me', streamVersion: 2, reason: 'head-mismatch' },
      ]);
    } finally {
      await dataSource.query('ALTER TABLE es_test.events ENABLE TRIGGER events_append_only');
    }
  });

  it('does not let the relay skip an event whose transaction commits late', async () => {
    const published: StoredEvent[] = [];
    const relay = new OutboxRelay(store, async (events) => void published.push(...events), { name: 'late-test' });
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM es_test.events');
    await eventually(async () => (await relay.publishBatch(), published.length >= count), { what: 'earlier events published' });
    published.length = 0;

    const slow = dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    await store.appendIn(new Tx(slow), 'late', 'no-stream', [{ type: 'Late', data: {} }], meta());
    await store.append('early', 'no-stream', [{ type: 'Early', data: {} }], meta());

    // The early event committed first, but an older transaction is still open: nothing may pass it.
    await relay.publishBatch();
    expect(published.map((e) => e.type)).toEqual([]);

    await slow.commitTransaction();
    await slow.release();
    // Other test files share this PostgreSQL server, and their open transactions hold the server-wide xmin back too.
    await eventually(async () => (await relay.publishBatch(), published.length >= 2), { what: 'both events published' });
    expect(published.map((e) => e.type)).toEqual(['Late', 'Early']);
  });

  it('orders the log by transaction id as a number, not as text, across a power of ten', async () => {
    await dataSource.query('CREATE SCHEMA es_order');
    for (const statement of eventStoreDdl('es_order').slice(1)) await dataSource.query(statement);
    const txIds = ['8', '9', '10', '99', '100', '101'];
    for (const [i, txId] of txIds.entries()) {
      await dataSource.query(
        `INSERT INTO es_order.events (tx_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata,
           recorded_at, prev_hash, hash)
         VALUES ($1::xid8, $2, 1, gen_random_uuid(), 'T', 1, '{}', '{}', now(), '\\x00', '\\x00')`,
        [txId, `s-${i}`],
      );
    }
    const ordered = new PgEventStore(new Db(dataSource), 'es_order');
    const published: string[] = [];
    const relay = new OutboxRelay(ordered, async (events) => void published.push(...events.map((e) => e.txId)), {
      name: 'order-test',
      batchSize: 2,
    });
    await eventually(async () => (await relay.publishBatch(), published.length >= txIds.length), { what: 'all events published' });
    expect(published).toEqual(txIds);
  });
});

