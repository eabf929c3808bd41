import { MACHINE_TOPICS } from '@qingyuan/contracts';
import type { EventBus } from '@qingyuan/messaging';
import { periodically, startEventSourcedService, type RunningService } from '@qingyuan/service-kit';
import { JsonLogger } from '@qingyuan/telemetry';
import { leadsConsumer } from './consumers/leads.consumer';
import { JudicialModule } from './judicial.module';
import { JudicialInitial1765100000000 } from './migrations/1765100000000-judicial-initial';
import { judicialProjection } from './projections/judicial.projection';
import { JudicialRules } from './settings/judicial-rules';
import { Agencies } from './transfers/agencies';
import { Consultations } from './transfers/consultations';
import { Leads } from './transfers/leads';
import { Timers } from './transfers/timers';
import { TransferQueries } from './transfers/transfer.queries';
import { Transfers } from './transfers/transfers';

export interface JudicialConfig {
  databaseUrl: string;
  bus: EventBus;
  authSecret: string;
  port: number;
  host?: string;
  /** the clock the legal time limits run on (tests move it) */
  clock?: () => Date;
  /** how often the time limits are checked */
  timerIntervalMs?: number;
}

export const JUDICIAL_MIGRATIONS = [JudicialInitial1765100000000];

export function startJudicialService(config: JudicialConfig): Promise<RunningService> {
  const clock = config.clock ?? (() => new Date());
  return startEventSourcedService({
    name: 'judicial-bridge',
    title: 'Qingyuan judicial bridge 行刑衔接',
    description: '涉嫌环境犯罪案件的移送、接收、立案、复议、监督、起诉与判决，法定时限全程计时 / Transfers of suspected environmental crimes with their legal time limits',
    schema: 'judicial',
    migrations: JUDICIAL_MIGRATIONS,
    projections: [judicialProjection],
    topic: MACHINE_TOPICS.judicial,
    databaseUrl: config.databaseUrl,
    bus: config.bus,
    port: config.port,
    host: config.host,
    async wire(store) {
      const rules = new JudicialRules(store.db);
      const agencies = new Agencies(store.db);
      const leads = new Leads(store.db);
      const timers = new Timers(store, rules, clock);
      const queries = new TransferQueries(store.db);
      const parts = {
        transfers: new Transfers(store, agencies, rules, timers, leads, clock),
        queries,
        agencies,
        leads,
        consultations: new Consultations(store, queries),
        rules,
        clock,
      };
      return {
        consumers: [leadsConsumer(leads)],
        // Warnings and overdue marks; the sweep is idempotent, so several processes may run it.
        workers: [periodically('time limits', config.timerIntervalMs ?? 30_000, () => timers.sweep(), new JsonLogger('judicial-bridge'))],
        module: (healthChecks) => JudicialModule.register(parts, config.authSecret, healthChecks),
      };
    },
  });
}
