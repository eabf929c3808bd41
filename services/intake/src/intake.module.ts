import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SECRET, AuthGuard } from '@qingyuan/auth';
import { HEALTH_CHECKS, HealthController, type HealthCheck } from '@qingyuan/service-kit';
import { ClueQueries } from './clue.queries';
import { ClueService } from './clue.service';
import { CluesController } from './http/clues.controller';
import { ReportsController } from './http/reports.controller';

export interface IntakeModuleDeps {
  clues: ClueService;
  queries: ClueQueries;
  authSecret: string;
  healthChecks: HealthCheck[];
}

/** The HTTP edge of intake; everything it needs is built outside Nest and handed in. */
@Module({})
export class IntakeModule {
  static register(deps: IntakeModuleDeps): DynamicModule {
    return {
      module: IntakeModule,
      controllers: [ReportsController, CluesController, HealthController],
      providers: [
        { provide: ClueService, useValue: deps.clues },
        { provide: ClueQueries, useValue: deps.queries },
        { provide: AUTH_SECRET, useValue: deps.authSecret },
        { provide: HEALTH_CHECKS, useValue: deps.healthChecks },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
