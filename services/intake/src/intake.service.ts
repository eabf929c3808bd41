import { TOPICS } from '@qingyuan/contracts';
import { projectInline } from '@qingyuan/event-store';
import type { EventBus } from '@qingyuan/messaging';
import {
  coreHealthChecks,
  eventStoreOf,
  openDatabase,
  startHttpService,
  startRelay,
  subscribeWithInbox,
} from '@qingyuan/service-kit';
import { JsonLogger } from '@qingyuan/telemetry';
import type { RunningService } from '@qingyuan/service-kit';
import { ClueQueries } from './clue.queries';
import { ClueService } from './clue.service';
import { problemProgressConsumer } from './consumers/problem-progress.consumer';
import { IntakeModule } from './intake.module';
import { IntakeInitial1764400000000 } from './migrations/1764400000000-intake-initial';
import { clueViewProjection } from './projections/clue-view.projection';
import { parseMasterKey } from './vault/envelope-crypto';
import { IdentityVault } from './vault/identity-vault';

export interface IntakeConfig {
  databaseUrl: string;
  bus: EventBus;
  authSecret: string;
  /** QINGYUAN_MASTER_KEY: wraps the reporters' data keys */
  masterKey: string;
  port: number;
  host?: string;
}

export const INTAKE_MIGRATIONS = [IntakeInitial1764400000000];

/** Start intake: database and migrations, inline projections, relay to Kafka or the in-process bus, consumers, HTTP. */
export async function startIntakeService(config: IntakeConfig): Promise<RunningService> {
  const logger = new JsonLogger('intake');
  const dataSource = await openDatabase({ url: config.databaseUrl, schema: 'intake', migrations: INTAKE_MIGRATIONS });
  const store = eventStoreOf(dataSource, 'intake');
  projectInline(store, [clueViewProjection]);
  const queries = new ClueQueries(store.db);
  const vault = new IdentityVault(parseMasterKey(config.masterKey));
  await vault.checkMasterKey(store.db);
  const clues = new ClueService(store, vault);
  await subscribeWithInbox(config.bus, store.db, 'intake', problemProgressConsumer(clues, queries), logger);
  const relay = startRelay(store, config.bus, TOPICS.intake, '/qingyuan/intake', logger);
  const { app, url } = await startHttpService(
    IntakeModule.register({ clues, queries, authSecret: config.authSecret, healthChecks: coreHealthChecks(dataSource, config.bus, relay) }),
    {
      name: 'intake',
      title: 'Qingyuan intake 线索受理',
      description: '举报与线索受理、查询码、举报人身份保护 / Reports, clues, receipt codes, reporter identity protection',
      port: config.port,
      host: config.host,
      logger,
    },
  );
  return {
    name: 'intake',
    url,
    store,
    async stop() {
      await app.close();
      await relay.stop();
    },
    async close() {
      await dataSource.destroy();
    },
  };
}
