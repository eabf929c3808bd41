import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SECRET, AuthGuard } from '@qingyuan/auth';
import type { Sql } from '@qingyuan/event-store';
import { HEALTH_CHECKS, HealthController, type HealthCheck } from '@qingyuan/service-kit';
import { BountiesController } from './http/bounties.controller';
import { PublicRewardsController } from './http/public-rewards.controller';
import { RewardCasesController } from './http/reward-cases.controller';
import { RulesController } from './http/rules.controller';
import { REWARDS_SQL, StatsController } from './http/stats.controller';
import { Bounties } from './rewards/bounties';
import { PublicRewards } from './rewards/public-rewards';
import { RewardQueries } from './rewards/reward.queries';
import { RewardWorkflow } from './rewards/reward-workflow';
import { RuleBook } from './rewards/rule-book';

export interface RewardsParts {
  workflow: RewardWorkflow;
  bounties: Bounties;
  queries: RewardQueries;
  publicRewards: PublicRewards;
  rules: RuleBook;
  sql: Sql;
}

@Module({})
export class RewardsModule {
  static register(parts: RewardsParts, authSecret: string, healthChecks: HealthCheck[]): DynamicModule {
    return {
      module: RewardsModule,
      controllers: [RewardCasesController, BountiesController, RulesController, StatsController, PublicRewardsController, HealthController],
      providers: [
        { provide: RewardWorkflow, useValue: parts.workflow },
        { provide: Bounties, useValue: parts.bounties },
        { provide: RewardQueries, useValue: parts.queries },
        { provide: PublicRewards, useValue: parts.publicRewards },
        { provide: RuleBook, useValue: parts.rules },
        { provide: REWARDS_SQL, useValue: parts.sql },
        { provide: AUTH_SECRET, useValue: authSecret },
        { provide: HEALTH_CHECKS, useValue: healthChecks },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
