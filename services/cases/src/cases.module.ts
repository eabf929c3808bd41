import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SECRET, AuthGuard } from '@qingyuan/auth';
import { HEALTH_CHECKS, HealthController, type HealthCheck } from '@qingyuan/service-kit';
import { ProblemsController } from './http/problems.controller';
import { ProblemQueries } from './problem.queries';
import { ProblemService } from './problem.service';

export interface CasesModuleDeps {
  problems: ProblemService;
  queries: ProblemQueries;
  authSecret: string;
  healthChecks: HealthCheck[];
}

@Module({})
export class CasesModule {
  static register(deps: CasesModuleDeps): DynamicModule {
    return {
      module: CasesModule,
      controllers: [ProblemsController, HealthController],
      providers: [
        { provide: ProblemService, useValue: deps.problems },
        { provide: ProblemQueries, useValue: deps.queries },
        { provide: AUTH_SECRET, useValue: deps.authSecret },
        { provide: HEALTH_CHECKS, useValue: deps.healthChecks },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
