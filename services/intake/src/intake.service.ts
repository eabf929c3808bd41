import { TOPICS } from '@qingyuan/contracts';
import type { EventBus } from '@qingyuan/messaging';
import { startEventSourcedService, type RunningService } from '@qingyuan/service-kit';
import { ClueQueries } from './clues/clue.queries';
import { ClueService } from './clues/clue.service';
import { DuplicateFinder } from './clues/duplicate-finder';
import { ClueRegistration } from './clues/registration';
import { machineChannelsConsumer } from './consumers/machine-channels.consumer';
import { problemProgressConsumer } from './consumers/problem-progress.consumer';
import { HotlineImport } from './hotline/hotline-import';
import { IntakeModule } from './intake.module';
import { TownLocator } from './location/town-locator';
import { IntakeInitial1764400000000 } from './migrations/1764400000000-intake-initial';
import { IntakeChannels1764500000000 } from './migrations/1764500000000-intake-channels';
import { IntakeIdentityRequests1764800000000 } from './migrations/1764800000000-intake-identity-requests';
import { Open311Requests } from './open311/open311-requests';
import { PatrolService } from './patrol/patrol.service';
import { clueViewProjection } from './projections/clue-view.projection';
import { parseMasterKey } from './vault/envelope-crypto';
import { IdentityVault } from './vault/identity-vault';
import { IdentityRequests } from './vault/identity-requests';
import { ReporterProtection } from './vault/reporter-protection';

export interface IntakeConfig {
  databaseUrl: string;
  bus: EventBus;
  authSecret: string;
  /** QINGYUAN_MASTER_KEY: wraps the reporters' data keys */
  masterKey: string;
  /** when not empty, Open311 POSTs need one of these api_keys */
  open311ApiKeys?: string[];
  port: number;
  host?: string;
}

export const INTAKE_MIGRATIONS = [IntakeInitial1764400000000, IntakeChannels1764500000000, IntakeIdentityRequests1764800000000];

export function startIntakeService(config: IntakeConfig): Promise<RunningService> {
  return startEventSourcedService({
    name: 'intake',
    title: 'Qingyuan intake 线索受理',
    description: '各渠道线索受理、并案、查询码、举报人身份保护、Open311 / Clues from every channel, duplicates, receipt codes, reporter protection, Open311',
    schema: 'intake',
    migrations: INTAKE_MIGRATIONS,
    projections: [clueViewProjection],
    topic: TOPICS.intake,
    databaseUrl: config.databaseUrl,
    bus: config.bus,
    port: config.port,
    host: config.host,
    urlencoded: true,
    async wire(store) {
      const vault = new IdentityVault(parseMasterKey(config.masterKey));
      await vault.checkMasterKey(store.db);
      const towns = new TownLocator(store.db);
      await towns.refresh(true);
      const queries = new ClueQueries(store.db, vault);
      const clues = new ClueService(store);
      const registration = new ClueRegistration(clues, vault, towns);
      const parts = {
        clues,
        queries,
        registration,
        towns,
        duplicates: new DuplicateFinder(store.db),
        patrols: new PatrolService(store, towns),
        protection: new ReporterProtection(store, vault, queries, clues),
        identityRequests: new IdentityRequests(store, vault, queries),
        hotline: new HotlineImport(registration),
        open311: new Open311Requests(store.db),
      };
      return {
        consumers: [problemProgressConsumer(clues, queries), machineChannelsConsumer(registration, clues)],
        module: (healthChecks) =>
          IntakeModule.register({ parts, authSecret: config.authSecret, open311ApiKeys: config.open311ApiKeys ?? [], healthChecks }),
      };
    },
  });
}
