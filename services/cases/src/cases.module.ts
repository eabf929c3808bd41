import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SECRET, AuthGuard } from '@qingyuan/auth';
import { HEALTH_CHECKS, HealthController, type HealthCheck } from '@qingyuan/service-kit';
import { LifecycleController } from './http/lifecycle.controller';
import { ProblemsController } from './http/problems.controller';
import { SettingsController } from './http/settings.controller';
import { ProblemLifecycle } from './problems/lifecycle';
import { ProblemQueries } from './problems/problem.queries';
import { CaseSettings } from './settings/case-settings';

export interface CasesModuleDeps {
  lifecycle: ProblemLifecycle;
  queries: ProblemQueries;
  settings: CaseSettings;
  authSecret: string;
  healthChecks: HealthCheck[];
}

@Module({})
export class CasesModule {
  static register(deps: CasesModuleDeps): DynamicModule {
    return {
      module: CasesModule,
      controllers: [ProblemsController, LifecycleController, SettingsController, HealthController],
      providers: [
        { provide: ProblemLifecycle, useValue: deps.lifecycle },
        { provide: ProblemQueries, useValue: deps.queries },
        { provide: CaseSettings, useValue: deps.settings },
        { provide: AUTH_SECRET, useValue: deps.authSecret },
        { provide: HEALTH_CHECKS, useValue: deps.healthChecks },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
