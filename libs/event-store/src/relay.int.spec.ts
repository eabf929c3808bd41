import { createTestDatabase, eventually, type TestDatabase } from '@qingyuan/testing';
import type { EventMetadata } from '@qingyuan/contracts';
import { DataSource } from 'typeorm';
import { Db } from './db';
import { PgEventStore } from './event-store';
import { processOnce } from './inbox';
import { projectInline, rebuildProjection, type Projection } from './projection';
import { OutboxRelay } from './relay';
import { eventStoreDdl } from './schema';
import type { StoredEvent } from './types';

const meta: EventMetadata = { actor: { kind: 'system', id: 'test' }, correlationId: 'c', occurredAt: '2026-11-29T00:00:00.000Z' };

describe('relay, inbox and projections on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PgEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('relay');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, poolSize: 10 }).initialize();
    for (const statement of eventStoreDdl('rl')) await dataSource.query(statement);
    await dataSource.query('CREATE TABLE rl.applied (event_id uuid PRIMARY KEY, times int NOT NULL)');
    await dataSource.query('CREATE TABLE rl.totals (stream_id text PRIMARY KEY, total bigint NOT NULL, version bigint NOT NULL)');
    store = new PgEventStore(new Db(dataSource), 'rl');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('re-sends a batch after a crash mid-batch, and the consumer applies each event exactly once', async () => {
    for (let i = 0; i < 120; i++) await store.append(`s-${i % 7}`, 'any', [{ type: 'Counted', data: { i } }], meta);
    const delivered: string[] = [];
    const consume = async (event: StoredEvent) => {
      delivered.push(event.eventId);
      await processOnce(store.db, 'rl', 'test-consumer', event, async (tx) => {
        await tx.query(
          'INSERT INTO rl.applied (event_id, times) VALUES ($1, 1) ON CONFLICT (event_id) DO UPDATE SET times = rl.applied.times + 1',
          [event.eventId],
        );
      });
    };

    // The first relay dies after handing over 45 of its batch of 100: no checkpoint was written.
    const crashing = new OutboxRelay(
      store,
      async (events) => {
        for (const [n, e] of events.entries()) {
          if (n === 45) throw new Error('killed mid-batch');
          await consume(e);
        }
      },
      { name: 'crash-test', batchSize: 100 },
    );
    await eventually(async () => crashing.publishBatch().then(() => false, (e: Error) => e.message === 'killed mid-batch'), {
      what: 'the crash mid-batch',
    });

    const restarted = new OutboxRelay(store, async (events) => { for (const e of events) await consume(e); }, { name: 'crash-test', batchSize: 100 });
    const all = await store.readFrom(0n, 1000);
    // Open transactions of other test files on this server hold the server-wide xmin back: poll, do not assume.
    await eventually(async () => (await restarted.publishBatch(), new Set(delivered).size === all.length), { what: 'every event re-sent' });

    expect(new Set(delivered)).toEqual(new Set(all.map((e) => e.eventId)));
    expect(delivered.length).toBeGreaterThan(all.length); // the part of the batch sent before the crash went twice
    const [applied] = await dataSource.query('SELECT count(*)::int AS n, max(times) AS most FROM rl.applied');
    expect(applied).toEqual({ n: all.length, most: 1 });
  });

  it('rebuilds a projection from position 0 to the same rows', async () => {
    const totals: Projection = {
      name: 'totals',
      tables: ['rl.totals'],
      async apply(tx, event) {
        await tx.query(
          `INSERT INTO rl.totals (stream_id, total, version) VALUES ($1, $2, $3)
           ON CONFLICT (stream_id) DO UPDATE SET total = rl.totals.total + EXCLUDED.total, version = EXCLUDED.version
           WHERE rl.totals.version < EXCLUDED.version`,
          [event.streamId, (event.data as { i: number }).i, event.streamVersion],
        );
      },
    };
    const rebuilt = await rebuildProjection(store, totals, 50);
    const snapshot = async () => dataSource.query('SELECT * FROM rl.totals ORDER BY stream_id');
    const first = await snapshot();
    expect(rebuilt).toBe(120);
    expect(first).toHaveLength(7);
    expect(first.reduce((sum: number, r: { total: string }) => sum + Number(r.total), 0)).toBe((119 * 120) / 2);

    projectInline(store, [totals]);
    await store.append('s-0', 'any', [{ type: 'Counted', data: { i: 1000 } }], meta);
    const live = await snapshot();
    await dataSource.query('UPDATE rl.totals SET total = -1');
    await rebuildProjection(store, totals);
    expect(await snapshot()).toEqual(live);
  });
});
