import { shanghaiDate } from '@qingyuan/calendar';
import { TOPICS } from '@qingyuan/contracts';
import type { EventBus } from '@qingyuan/messaging';
import { periodically, startEventSourcedService, type RunningService } from '@qingyuan/service-kit';
import { JsonLogger } from '@qingyuan/telemetry';
import { CasesModule } from './cases.module';
import { clueLinksConsumer } from './consumers/clue-links.consumer';
import { judicialProgressConsumer } from './consumers/judicial-progress.consumer';
import { CasesInitial1764400000000 } from './migrations/1764400000000-cases-initial';
import { CasesClueLinks1764500000000 } from './migrations/1764500000000-cases-clue-links';
import { CasesLifecycle1764600000000 } from './migrations/1764600000000-cases-lifecycle';
import { CasesListIndexes1764700000000 } from './migrations/1764700000000-cases-list-indexes';
import { CasesJudicialStatus1765200000000 } from './migrations/1765200000000-cases-judicial-status';
import { ClueLinks } from './problems/clue-links';
import { DeadlineTimers } from './problems/deadline-timers';
import { JudicialFeedback } from './problems/judicial-feedback';
import { ProblemLifecycle } from './problems/lifecycle';
import { ProblemQueries } from './problems/problem.queries';
import { ProblemStore } from './problems/problem-store';
import { problemViewProjection } from './projections/problem-view.projection';
import { CaseSettings } from './settings/case-settings';

export interface CasesConfig {
  databaseUrl: string;
  bus: EventBus;
  authSecret: string;
  port: number;
  host?: string;
  /** the clock deadlines run on (tests move it) */
  clock?: () => Date;
  /** how often due deadline timers are looked for */
  timerIntervalMs?: number;
}

export const CASES_MIGRATIONS = [
  CasesInitial1764400000000,
  CasesClueLinks1764500000000,
  CasesLifecycle1764600000000,
  CasesListIndexes1764700000000,
  CasesJudicialStatus1765200000000,
];

export function startCasesService(config: CasesConfig): Promise<RunningService> {
  const clock = config.clock ?? (() => new Date());
  return startEventSourcedService({
    name: 'cases',
    title: 'Qingyuan cases 问题办理',
    description: '研判、交办、签收、整改、核查销号、督办、统计 / Triage, assignment, sign-off, rectification, close-out, supervision, numbers',
    schema: 'cases',
    migrations: CASES_MIGRATIONS,
    projections: [problemViewProjection],
    topic: TOPICS.cases,
    databaseUrl: config.databaseUrl,
    bus: config.bus,
    port: config.port,
    host: config.host,
    async wire(store) {
      const problems = new ProblemStore(store);
      const settings = new CaseSettings(store.db);
      await settings.get(true);
      const lifecycle = new ProblemLifecycle(problems, settings, clock);
      const timers = new DeadlineTimers(problems, settings, clock);
      const logger = new JsonLogger('cases');
      return {
        consumers: [
          clueLinksConsumer(new ClueLinks(problems, () => shanghaiDate(clock()))),
          judicialProgressConsumer(new JudicialFeedback(problems, logger)),
        ],
        workers: [periodically('deadline timers', config.timerIntervalMs ?? 60_000, () => timers.tick(), logger)],
        module: (healthChecks) =>
          CasesModule.register({ lifecycle, queries: new ProblemQueries(store), settings, authSecret: config.authSecret, healthChecks }),
      };
    },
  });
}
