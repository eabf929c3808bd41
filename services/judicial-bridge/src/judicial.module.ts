import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SECRET, AuthGuard } from '@qingyuan/auth';
import { HEALTH_CHECKS, HealthController, type HealthCheck } from '@qingyuan/service-kit';
import { AnswersController } from './http/answers.controller';
import { ApiKeyMiddleware } from './http/api-key.middleware';
import { CLOCK, SupportController } from './http/support.controller';
import { TransfersController } from './http/transfers.controller';
import { JudicialRules } from './settings/judicial-rules';
import { Agencies } from './transfers/agencies';
import { Consultations } from './transfers/consultations';
import { Leads } from './transfers/leads';
import { TransferQueries } from './transfers/transfer.queries';
import { Transfers } from './transfers/transfers';

export interface JudicialParts {
  transfers: Transfers;
  queries: TransferQueries;
  agencies: Agencies;
  leads: Leads;
  consultations: Consultations;
  rules: JudicialRules;
  clock: () => Date;
}

@Module({})
export class JudicialModule implements NestModule {
  static register(parts: JudicialParts, authSecret: string, healthChecks: HealthCheck[]): DynamicModule {
    return {
      module: JudicialModule,
      controllers: [TransfersController, AnswersController, SupportController, HealthController],
      providers: [
        { provide: Transfers, useValue: parts.transfers },
        { provide: TransferQueries, useValue: parts.queries },
        { provide: Agencies, useValue: parts.agencies },
        { provide: Leads, useValue: parts.leads },
        { provide: Consultations, useValue: parts.consultations },
        { provide: JudicialRules, useValue: parts.rules },
        { provide: CLOCK, useValue: parts.clock },
        { provide: AUTH_SECRET, useValue: authSecret },
        { provide: HEALTH_CHECKS, useValue: healthChecks },
        { provide: APP_GUARD, useClass: AuthGuard },
        ApiKeyMiddleware,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ApiKeyMiddleware).forRoutes(TransfersController, AnswersController, SupportController);
  }
}
