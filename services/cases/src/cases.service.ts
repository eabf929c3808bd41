import { TOPICS } from '@qingyuan/contracts';
import type { EventBus } from '@qingyuan/messaging';
import { startEventSourcedService, type RunningService } from '@qingyuan/service-kit';
import { CasesModule } from './cases.module';
import { clueLinksConsumer } from './consumers/clue-links.consumer';
import { CasesInitial1764400000000 } from './migrations/1764400000000-cases-initial';
import { CasesClueLinks1764500000000 } from './migrations/1764500000000-cases-clue-links';
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

export const CASES_MIGRATIONS = [CasesInitial1764400000000, CasesClueLinks1764500000000];

export function startCasesService(config: CasesConfig): Promise<RunningService> {
  return startEventSourcedService({
    name: 'cases',
    title: 'Qingyuan cases 问题办理',
    description: '问题立案、交办、整改、核查销号 / Problems: opening, assignment, rectification, verification, close-out',
    schema: 'cases',
    migrations: CASES_MIGRATIONS,
    projections: [problemViewProjection],
    topic: TOPICS.cases,
    databaseUrl: config.databaseUrl,
    bus: config.bus,
    port: config.port,
    host: config.host,
    async wire(store) {
      const problems = new ProblemService(store);
      return {
        consumers: [clueLinksConsumer(problems)],
        module: (healthChecks) =>
          CasesModule.register({ problems, queries: new ProblemQueries(store.db, store), authSecret: config.authSecret, healthChecks }),
      };
    },
  });
}
