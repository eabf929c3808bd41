import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SECRET, AuthGuard } from '@qingyuan/auth';
import { HEALTH_CHECKS, HealthController, RuleVersionStore, type HealthCheck } from '@qingyuan/service-kit';
import { AlarmActions } from './alarms/alarm-actions';
import { AlarmRulesController, AlarmsController } from './http/alarms.controller';
import { DevicesController } from './http/devices.controller';
import { MonitoringQueries } from './queries/monitoring.queries';
import { Notifications, NotificationsController } from './notifications';
import { Devices } from './registry/devices';
import { AlarmRuleSource, type MonitoringRuleKinds } from './settings/alarm-rule-source';

export interface MonitoringParts {
  devices: Devices;
  queries: MonitoringQueries;
  actions: AlarmActions;
  ruleSource: AlarmRuleSource;
  ruleStore: RuleVersionStore<MonitoringRuleKinds>;
  notifications: Notifications;
}

@Module({})
export class MonitoringModule {
  static register(parts: MonitoringParts, authSecret: string, healthChecks: HealthCheck[]): DynamicModule {
    return {
      module: MonitoringModule,
      controllers: [DevicesController, AlarmsController, AlarmRulesController, NotificationsController, HealthController],
      providers: [
        { provide: Devices, useValue: parts.devices },
        { provide: MonitoringQueries, useValue: parts.queries },
        { provide: AlarmActions, useValue: parts.actions },
        { provide: AlarmRuleSource, useValue: parts.ruleSource },
        { provide: RuleVersionStore, useValue: parts.ruleStore },
        { provide: Notifications, useValue: parts.notifications },
        { provide: AUTH_SECRET, useValue: authSecret },
        { provide: HEALTH_CHECKS, useValue: healthChecks },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
