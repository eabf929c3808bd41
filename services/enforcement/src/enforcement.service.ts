import { MACHINE_TOPICS } from '@qingyuan/contracts';
import type { EventBus } from '@qingyuan/messaging';
import { startEventSourcedService, type RunningService } from '@qingyuan/service-kit';
import { judicialOutcomesConsumer } from './consumers/judicial-outcomes.consumer';
import { DrawQueries } from './draws/draw.queries';
import { Draws } from './draws/draws';
import { EnforcementModule } from './enforcement.module';
import { Inspections } from './inspections/inspections';
import { TaskQueries } from './inspections/task.queries';
import { EnforcementInitial1765000000000 } from './migrations/1765000000000-enforcement-initial';
import { CaseQueries } from './penalties/case.queries';
import { PenaltyCases } from './penalties/penalty-cases';
import { enforcementProjection } from './projections/enforcement.projection';
import { Publication } from './publication/publication';
import { CreditKeeper } from './registry/credit-keeper';
import { InspectorPool } from './registry/inspector-pool';
import { Registry } from './registry/registry';
import { RegistryQueries } from './registry/registry.queries';
import { RuleVersions } from './settings/rule-versions';

export interface EnforcementConfig {
  databaseUrl: string;
  bus: EventBus;
  authSecret: string;
  port: number;
  host?: string;
  /** the issuing authority named in exports */
  authority?: string;
  clock?: () => Date;
}

export const ENFORCEMENT_MIGRATIONS = [EnforcementInitial1765000000000];
export const DEFAULT_AUTHORITY = '金华市生态环境局义乌分局';

export function startEnforcementService(config: EnforcementConfig): Promise<RunningService> {
  const clock = config.clock ?? (() => new Date());
  return startEventSourcedService({
    name: 'enforcement',
    title: 'Qingyuan enforcement 环境信用 + 双随机',
    description: '排污单位名录、环境信用、监管对象名录、可验证的双随机抽查、检查、处罚与轻微违法不予处罚、一公开 / Registry, credit, verifiable double-random inspections, penalties, publication',
    schema: 'enforcement',
    migrations: ENFORCEMENT_MIGRATIONS,
    projections: [enforcementProjection],
    // InspectionFindingRecorded goes out on the machine-channel topic intake already consumes.
    topic: MACHINE_TOPICS.enforcement,
    databaseUrl: config.databaseUrl,
    bus: config.bus,
    port: config.port,
    host: config.host,
    async wire(store) {
      const rules = new RuleVersions(store.db);
      const credit = new CreditKeeper(store, rules);
      const registryQueries = new RegistryQueries(store.db, rules);
      const inspectors = new InspectorPool(store.db);
      const inspections = new Inspections(store, credit, clock);
      const parts = {
        registry: new Registry(store, credit),
        registryQueries,
        credit,
        inspectors,
        rules,
        draws: new Draws(store, registryQueries, inspectors, rules, inspections),
        drawQueries: new DrawQueries(store.db),
        inspections,
        tasks: new TaskQueries(store.db),
        cases: new PenaltyCases(store, credit, rules, clock),
        caseQueries: new CaseQueries(store.db),
        publication: new Publication(store.db, config.authority ?? DEFAULT_AUTHORITY, clock),
      };
      return { consumers: [judicialOutcomesConsumer(credit)], module: (healthChecks) => EnforcementModule.register(parts, config.authSecret, healthChecks) };
    },
  });
}
