import type { DynamicModule } from '@nestjs/common';
import { projectInline, type PgEventStore, type Projection } from '@qingyuan/event-store';
import type { EventBus } from '@qingyuan/messaging';
import { JsonLogger } from '@qingyuan/telemetry';
import { startHttpService } from './bootstrap';
import type { HealthCheck } from './health';
import {
  coreHealthChecks,
  eventStoreOf,
  openDatabase,
  startRelay,
  subscribeWithInbox,
  type InboxSubscription,
  type RunningService,
} from './runtime';

export interface EventSourcedServiceSpec {
  name: string;
  title: string;
  description: string;
  /** the service's own PostgreSQL schema, also the name of its event store */
  schema: string;
  migrations: Function[];
  /** read models kept in the same transaction as each append */
  projections: Projection[];
  /** the topic the service publishes its events to */
  topic: string;
  databaseUrl: string;
  bus: EventBus;
  port: number;
  host?: string;
  /** also parse application/x-www-form-urlencoded bodies (Open311 clients send them) */
  urlencoded?: boolean;
  /** the service's own parts, built once its store exists: what it consumes and its HTTP module */
  wire(store: PgEventStore): Promise<{ consumers: InboxSubscription[]; workers?: BackgroundWorker[]; module(healthChecks: HealthCheck[]): DynamicModule }>;
}

/** Something a service runs besides HTTP and consumers (e.g. deadline timers). */
export interface BackgroundWorker {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Start an event-sourced service the same way every time: database and migrations, inline projections,
 * consumers with an inbox, the relay to its topic, then HTTP.
 */
export async function startEventSourcedService(spec: EventSourcedServiceSpec): Promise<RunningService> {
  const logger = new JsonLogger(spec.name);
  const dataSource = await openDatabase({ url: spec.databaseUrl, schema: spec.schema, migrations: spec.migrations });
  const store = eventStoreOf(dataSource, spec.schema);
  projectInline(store, spec.projections);
  const parts = await spec.wire(store);
  for (const consumer of parts.consumers) await subscribeWithInbox(spec.bus, store.db, spec.schema, consumer, logger);
  const relay = startRelay(store, spec.bus, spec.topic, `/qingyuan/${spec.name}`, logger);
  const workers = parts.workers ?? [];
  workers.forEach((w) => w.start());
  const { app, url } = await startHttpService(parts.module(coreHealthChecks(dataSource, spec.bus, relay)), {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    port: spec.port,
    host: spec.host,
    logger,
    urlencoded: spec.urlencoded,
  });
  return {
    name: spec.name,
    url,
    store,
    async stop() {
      await app.close();
      for (const w of workers) await w.stop();
      await relay.stop();
    },
    async close() {
      await dataSource.destroy();
    },
  };
}
