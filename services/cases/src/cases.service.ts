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
  type RunningService,
} from '@qingyuan/service-kit';
import { JsonLogger } from '@qingyuan/telemetry';
import { CasesModule } from './cases.module';
import { clueAcceptedConsumer } from './consumers/clue-accepted.consumer';
import { CasesInitial1764400000000 } from './migrations/1764400000000-cases-initial';
import { ProblemQueries } from './problem.queries';
import { ProblemService } from './problem.service';
import { problemViewProjection } from './projections/problem-view.projection';

export interface CasesConfig {
  databaseUrl: string;
  bus: EventBus;
  authSecret: string;
  port: number;
  host?: string;
}

export const CASES_MIGRATIONS = [CasesInitial1764400000000];

export async function startCasesService(config: CasesConfig): Promise<RunningService> {
  const logger = new JsonLogger('cases');
  const dataSource = await openDatabase({ url: config.databaseUrl, schema: 'cases', migrations: CASES_MIGRATIONS });
  const store = eventStoreOf(dataSource, 'cases');
  projectInline(store, [problemViewProjection]);
  const problems = new ProblemService(store);
  const queries = new ProblemQueries(store.db, store);
  await subscribeWithInbox(config.bus, store.db, 'cases', clueAcceptedConsumer(problems), logger);
  const relay = startRelay(store, config.bus, TOPICS.cases, '/qingyuan/cases', logger);
  const { app, url } = await startHttpService(
    CasesModule.register({ problems, queries, authSecret: config.authSecret, healthChecks: coreHealthChecks(dataSource, config.bus, relay) }),
    {
      name: 'cases',
      title: 'Qingyuan cases 问题办理',
      description: '问题立案、交办、整改、核查销号 / Problems: opening, assignment, rectification, verification, close-out',
      port: config.port,
      host: config.host,
      logger,
    },
  );
  return {
    name: 'cases',
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
