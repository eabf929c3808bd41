import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SECRET, AuthGuard } from '@qingyuan/auth';
import { HEALTH_CHECKS, HealthController, type HealthCheck } from '@qingyuan/service-kit';
import { ClueQueries } from './clues/clue.queries';
import { ClueService } from './clues/clue.service';
import { DuplicateFinder } from './clues/duplicate-finder';
import { ClueRegistration } from './clues/registration';
import { HotlineImport } from './hotline/hotline-import';
import { ChannelsController } from './http/channels.controller';
import { CluesController } from './http/clues.controller';
import { HotlineController } from './http/hotline.controller';
import { IdentityRequestsController } from './http/identity-requests.controller';
import { Open311Controller } from './http/open311.controller';
import { ReportsController } from './http/reports.controller';
import { TownsController } from './http/towns.controller';
import { VaultController } from './http/vault.controller';
import { TownLocator } from './location/town-locator';
import { OPEN311_API_KEYS, Open311Requests } from './open311/open311-requests';
import { PatrolService } from './patrol/patrol.service';
import { IdentityRequests } from './vault/identity-requests';
import { ReporterProtection } from './vault/reporter-protection';

/** Intake's parts, built outside Nest (plain classes) and handed to the HTTP edge. */
export interface IntakeParts {
  clues: ClueService;
  queries: ClueQueries;
  registration: ClueRegistration;
  duplicates: DuplicateFinder;
  patrols: PatrolService;
  protection: ReporterProtection;
  identityRequests: IdentityRequests;
  hotline: HotlineImport;
  towns: TownLocator;
  open311: Open311Requests;
}

export interface IntakeModuleDeps {
  parts: IntakeParts;
  authSecret: string;
  open311ApiKeys: string[];
  healthChecks: HealthCheck[];
}

@Module({})
export class IntakeModule {
  static register({ parts, authSecret, open311ApiKeys, healthChecks }: IntakeModuleDeps): DynamicModule {
    const instances: Provider[] = [
      { provide: ClueService, useValue: parts.clues },
      { provide: ClueQueries, useValue: parts.queries },
      { provide: ClueRegistration, useValue: parts.registration },
      { provide: DuplicateFinder, useValue: parts.duplicates },
      { provide: PatrolService, useValue: parts.patrols },
      { provide: ReporterProtection, useValue: parts.protection },
      { provide: IdentityRequests, useValue: parts.identityRequests },
      { provide: HotlineImport, useValue: parts.hotline },
      { provide: TownLocator, useValue: parts.towns },
      { provide: Open311Requests, useValue: parts.open311 },
      { provide: OPEN311_API_KEYS, useValue: open311ApiKeys },
    ];
    return {
      module: IntakeModule,
      controllers: [
        ReportsController,
        ChannelsController,
        CluesController,
        VaultController,
        IdentityRequestsController,
        HotlineController,
        TownsController,
        Open311Controller,
        HealthController,
      ],
      providers: [
        ...instances,
        { provide: AUTH_SECRET, useValue: authSecret },
        { provide: HEALTH_CHECKS, useValue: healthChecks },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
