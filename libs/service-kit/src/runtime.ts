import { types as pgTypes } from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { Db, OutboxRelay, PgEventStore, checkSchemaName, processOnce, type Tx } from '@qingyuan/event-store';
import { toEnvelope, type EventBus, type EventEnvelope } from '@qingyuan/messaging';
import type { JsonLogger } from '@qingyuan/telemetry';
import type { HealthCheck } from './health';

export interface DatabaseOptions {
  url: string;
  /** the service's own schema; it never reads another service's */
  schema: string;
  migrations: Function[];
  entities?: MixedList<Function | string | EntitySchema>;
  poolSize?: number;
}

/**
 * Open a service's database and bring its schema up to date. Migrations run under an advisory lock, so several
 * processes of one service can start at the same time.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  // A SQL date is a calendar day (a deadline in Yiwu), not an instant: keep it as 'YYYY-MM-DD'.
  pgTypes.setTypeParser(pgTypes.builtins.DATE, (value) => value);
  const schema = checkSchemaName(options.schema);
  const dataSource = await new DataSource({
    type: 'postgres',
    url: options.url,
    schema,
    entities: options.entities ?? [],
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: options.poolSize ?? 10,
    applicationName: `qingyuan-${schema}`,
  }).initialize();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${schema}`]).catch(() => undefined);
    await runner.release();
  }
  return dataSource;
}

/** Start the relay that publishes a service's events to its topic. */
export function startRelay(store: PgEventStore, bus: EventBus, topic: string, source: string, logger: JsonLogger): OutboxRelay {
  const relay = new OutboxRelay(
    store,
    (events) => bus.publish(topic, events.map((e) => toEnvelope(e, source))),
    {
      name: `relay:${topic}`,
      onError: (error) =>
        logger.emit('warn', 'relay could not publish; will retry', { topic, error: error instanceof Error ? error.message : String(error) }),
    },
  );
  relay.start();
  return relay;
}

export interface InboxSubscription {
  group: string;
  topics: string[];
  /** runs once per event id, inside the transaction that records it in the inbox */
  handle(tx: Tx, event: EventEnvelope): Promise<void>;
}

/** Subscribe a consumer whose work is idempotent through the service's inbox; dead letters land in its schema. */
export async function subscribeWithInbox(
  bus: EventBus,
  db: Db,
  schema: string,
  subscription: InboxSubscription,
  logger: JsonLogger,
): Promise<void> {
  await bus.subscribe({
    group: subscription.group,
    topics: subscription.topics,
    handle: async (event) => {
      const applied = await processOnce(
        db,
        schema,
        subscription.group,
        { eventId: event.id, streamId: event.subject, streamVersion: event.streamversion },
        (tx) => subscription.handle(tx, event),
      );
      if (process.env.LOG_LEVEL === 'debug') {
        logger.emit('debug', 'event consumed', { group: subscription.group, type: event.type, eventId: event.id, duplicate: !applied, pid: process.pid });
      }
    },
    deadLetter: async (letter) => {
      logger.emit('error', 'event dead-lettered', { group: letter.group, topic: letter.topic, type: letter.event.type, eventId: letter.event.id, attempts: letter.attempts });
      await db.query(
        `INSERT INTO ${schema}.dead_letters (consumer, topic, event_id, event_type, payload, error, attempts)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
        [letter.group, letter.topic, letter.event.id, letter.event.type, JSON.stringify(letter.event), letter.error, letter.attempts],
      );
    },
  });
}

/** The readiness checks every event-sourced service has. */
export function coreHealthChecks(dataSource: DataSource, bus: EventBus, relay?: OutboxRelay): HealthCheck[] {
  const checks: HealthCheck[] = [
    { name: 'database', check: async () => void (await dataSource.query('SELECT 1')) },
    {
      name: 'bus',
      check: async () => {
        if (!bus.isHealthy()) throw new Error(`${bus.kind} bus unavailable`);
      },
    },
  ];
  if (relay) {
    checks.push({
      name: 'relay',
      check: async () => {
        if (!relay.isRunning) throw new Error('relay stopped');
        const failure = relay.failure;
        if (failure) throw new Error(`relay cannot publish since ${failure.since.toISOString()}: ${failure.error}`);
      },
    });
  }
  return checks;
}

export function eventStoreOf(dataSource: DataSource, schema: string): PgEventStore {
  return new PgEventStore(new Db(dataSource), schema);
}

/**
 * A started service as the launcher sees it. Shutdown is two steps so that the bus can be closed in between:
 * `stop` ends HTTP and the relay, then the caller closes the bus (its consumers), then `close` releases the database.
 */
export interface RunningService {
  name: string;
  url: string;
  store?: PgEventStore;
  stop(): Promise<void>;
  close(): Promise<void>;
}
