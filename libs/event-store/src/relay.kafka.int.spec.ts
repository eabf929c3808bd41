import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { EventMetadata } from '@qingyuan/contracts';
import { KafkaEventBus } from '@qingyuan/messaging';
import { createTestDatabase, describeWithKafka, eventually, kafkaBrokers, type TestDatabase } from '@qingyuan/testing';
import { DataSource } from 'typeorm';
import { Db } from './db';
import { PgEventStore } from './event-store';
import { processOnce } from './inbox';
import { readCheckpoint } from './relay';
import { eventStoreDdl } from './schema';

const meta: EventMetadata = { actor: { kind: 'system', id: 'test' }, correlationId: 'c', occurredAt: '2026-11-29T00:00:00.000Z' };

describeWithKafka('a relay killed with SIGKILL mid-batch, with a real Kafka', () => {
  const namespace = `relay-${randomBytes(4).toString('hex')}.`;
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PgEventStore;
  let consumerBus: KafkaEventBus;
  const workers: ChildProcess[] = [];

  function startWorker(delayMs: number): ChildProcess {
    const worker = spawn(process.execPath, [join(__dirname, '..', 'test', 'relay-worker.mjs')], {
      env: { ...process.env, DATABASE_URL: database.url, SCHEMA: 'rk', NAMESPACE: namespace, TOPIC: 'relayed', DELAY_MS: String(delayMs) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stderr!.on('data', (d) => process.stderr.write(`[relay-worker] ${d}`));
    workers.push(worker);
    return worker;
  }

  beforeAll(async () => {
    database = await createTestDatabase('relay_kill');
    dataSource = await new DataSource({ type: 'postgres', url: database.url, poolSize: 5 }).initialize();
    for (const statement of eventStoreDdl('rk')) await dataSource.query(statement);
    await dataSource.query('CREATE TABLE rk.applied (event_id uuid PRIMARY KEY, times int NOT NULL)');
    store = new PgEventStore(new Db(dataSource), 'rk');
    consumerBus = new KafkaEventBus({ brokers: kafkaBrokers()!, clientId: 'relay-kill-consumer', namespace });
  });

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await consumerBus?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('publishes every event at least once after a restart, and the consumer applies each exactly once', async () => {
    for (let i = 0; i < 200; i++) await store.append(`stream-${i % 10}`, 'any', [{ type: 'Numbered', data: { i } }], meta);
    let deliveries = 0;
    await consumerBus.subscribe({
      group: 'appliers',
      topics: ['relayed'],
      handle: async (event) => {
        deliveries += 1;
        await processOnce(store.db, 'rk', 'appliers', { eventId: event.id, streamId: event.subject, streamVersion: event.streamversion }, async (tx) => {
          await tx.query(
            'INSERT INTO rk.applied (event_id, times) VALUES ($1, 1) ON CONFLICT (event_id) DO UPDATE SET times = rk.applied.times + 1',
            [event.id],
          );
        });
      },
    });

    const first = startWorker(25);
    await eventually(async () => deliveries >= 40, { timeoutMs: 60000, what: '40 deliveries from the first relay' });
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const killedAfter = deliveries;
    expect(killedAfter).toBeLessThan(200);
    expect((await readCheckpoint(store, 'relay-under-test')).position).toBe(0n);

    startWorker(0);
    const applied = async () => (await dataSource.query('SELECT count(*)::int AS n, max(times) AS most FROM rk.applied'))[0];
    await eventually(async () => (await applied()).n === 200, { timeoutMs: 60000, what: 'all 200 events applied' });
    await eventually(async () => (await readCheckpoint(store, 'relay-under-test')).position > 0n, { what: 'the checkpoint' });
    expect(await applied()).toEqual({ n: 200, most: 1 });
    expect(deliveries).toBeGreaterThanOrEqual(200 + killedAfter);
  });
});
