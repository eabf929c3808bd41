import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SECRET, AuthGuard } from '@qingyuan/auth';
import { HEALTH_CHECKS, HealthController, type HealthCheck } from '@qingyuan/service-kit';
import { DrawQueries } from './draws/draw.queries';
import { Draws } from './draws/draws';
import { DrawsController } from './http/draws.controller';
import { InspectionsController } from './http/inspections.controller';
import { PublicController } from './http/public.controller';
import { RegistryController } from './http/registry.controller';
import { RulesController } from './http/rules.controller';
import { Inspections } from './inspections/inspections';
import { TaskQueries } from './inspections/task.queries';
import { CaseQueries } from './penalties/case.queries';
import { PenaltyCases } from './penalties/penalty-cases';
import { Publication } from './publication/publication';
import { CreditKeeper } from './registry/credit-keeper';
import { InspectorPool } from './registry/inspector-pool';
import { Registry } from './registry/registry';
import { RegistryQueries } from './registry/registry.queries';
import { RuleVersions } from './settings/rule-versions';

export interface EnforcementParts {
  registry: Registry;
  registryQueries: RegistryQueries;
  credit: CreditKeeper;
  inspectors: InspectorPool;
  rules: RuleVersions;
  draws: Draws;
  drawQueries: DrawQueries;
  inspections: Inspections;
  tasks: TaskQueries;
  cases: PenaltyCases;
  caseQueries: CaseQueries;
  publication: Publication;
}

@Module({})
export class EnforcementModule {
  static register(parts: EnforcementParts, authSecret: string, healthChecks: HealthCheck[]): DynamicModule {
    return {
      module: EnforcementModule,
      controllers: [RegistryController, DrawsController, InspectionsController, RulesController, PublicController, HealthController],
      providers: [
        { provide: Registry, useValue: parts.registry },
        { provide: RegistryQueries, useValue: parts.registryQueries },
        { provide: CreditKeeper, useValue: parts.credit },
        { provide: InspectorPool, useValue: parts.inspectors },
        { provide: RuleVersions, useValue: parts.rules },
        { provide: Draws, useValue: parts.draws },
        { provide: DrawQueries, useValue: parts.drawQueries },
        { provide: Inspections, useValue: parts.inspections },
        { provide: TaskQueries, useValue: parts.tasks },
        { provide: PenaltyCases, useValue: parts.cases },
        { provide: CaseQueries, useValue: parts.caseQueries },
        { provide: Publication, useValue: parts.publication },
        { provide: AUTH_SECRET, useValue: authSecret },
        { provide: HEALTH_CHECKS, useValue: healthChecks },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
