import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SECRET, AuthGuard } from '@qingyuan/auth';
import { HEALTH_CHECKS, type HealthCheck } from '@qingyuan/service-kit';
import { GatewayController } from './gateway.controller';
import { AuthController, SESSION_TTL_SECONDS, StaffController, UsersController } from './identity/identity.controller';
import { UserDirectory } from './identity/user-directory';
import { OpenApiCatalogue } from './proxy/openapi-catalogue';

export interface GatewayModuleDeps {
  users: UserDirectory;
  catalogue: OpenApiCatalogue;
  authSecret: string;
  sessionTtlSeconds: number;
  healthChecks: HealthCheck[];
}

@Module({})
export class GatewayModule {
  static register(deps: GatewayModuleDeps): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [GatewayController, AuthController, UsersController, StaffController],
      providers: [
        { provide: UserDirectory, useValue: deps.users },
        { provide: OpenApiCatalogue, useValue: deps.catalogue },
        { provide: AUTH_SECRET, useValue: deps.authSecret },
        { provide: SESSION_TTL_SECONDS, useValue: deps.sessionTtlSeconds },
        { provide: HEALTH_CHECKS, useValue: deps.healthChecks },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
