import { TOPICS } from '@qingyuan/contracts';
import type { EventBus } from '@qingyuan/messaging';
import { startEventSourcedService, type RunningService } from '@qingyuan/service-kit';
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

export function startIntakeService(config: IntakeConfig): Promise<RunningService> {
  return startEventSourcedService({
    name: 'intake',
    title: 'Qingyuan intake 线索受理',
    description: '举报与线索受理、查询码、举报人身份保护 / Reports, clues, receipt codes, reporter identity protection',
    schema: 'intake',
    migrations: INTAKE_MIGRATIONS,
    projections: [clueViewProjection],
    topic: TOPICS.intake,
    databaseUrl: config.databaseUrl,
    bus: config.bus,
    port: config.port,
    host: config.host,
    async wire(store) {
      const vault = new IdentityVault(parseMasterKey(config.masterKey));
      await vault.checkMasterKey(store.db);
      const queries = new ClueQueries(store.db);
      const clues = new ClueService(store, vault);
      return {
        consumers: [problemProgressConsumer(clues, queries)],
        module: (healthChecks) => IntakeModule.register({ clues, queries, authSecret: config.authSecret, healthChecks }),
      };
    },
  });
}
