import { TOPICS } from '@qingyuan/contracts';
import type { EventBus } from '@qingyuan/messaging';
import { periodically, startEventSourcedService, type RunningService } from '@qingyuan/service-kit';
import { JsonLogger } from '@qingyuan/telemetry';
import { clueFactsConsumer, closeOutConsumer, outcomesConsumer } from './consumers/rewards.consumers';
import { RewardsInitial1764900000000 } from './migrations/1764900000000-rewards-initial';
import { rewardsProjection } from './projections/rewards.projection';
import { RewardsModule } from './rewards.module';
import { Bounties } from './rewards/bounties';
import { ClueFactsStore } from './rewards/clue-facts';
import { PublicRewards } from './rewards/public-rewards';
import { RewardQueries } from './rewards/reward.queries';
import { RewardWorkflow } from './rewards/reward-workflow';
import { RuleBook } from './rewards/rule-book';

export interface RewardsConfig {
  databaseUrl: string;
  bus: EventBus;
  authSecret: string;
  port: number;
  host?: string;
  /** the clock deadlines run on (tests move it) */
  clock?: () => Date;
  /** how often unclaimed rewards are checked for expiry */
  expiryIntervalMs?: number;
}

export const REWARDS_MIGRATIONS = [RewardsInitial1764900000000];

export function startRewardsService(config: RewardsConfig): Promise<RunningService> {
  const clock = config.clock ?? (() => new Date());
  return startEventSourcedService({
    name: 'rewards',
    title: 'Qingyuan rewards 举报奖励',
    description: '举报奖励与悬赏：审核、拟奖、审批、告知、申领、发放、统计 / Whistleblower rewards and bounties',
    schema: 'rewards',
    migrations: REWARDS_MIGRATIONS,
    projections: [rewardsProjection],
    topic: TOPICS.rewards,
    databaseUrl: config.databaseUrl,
    bus: config.bus,
    port: config.port,
    host: config.host,
    async wire(store) {
      const facts = new ClueFactsStore();
      const rules = new RuleBook(store.db);
      const workflow = new RewardWorkflow(store, facts, rules, clock);
      const bounties = new Bounties(workflow, rules);
      const queries = new RewardQueries(store, workflow, clock);
      const publicRewards = new PublicRewards(store.db, facts, queries, workflow);
      return {
        consumers: [clueFactsConsumer(facts, bounties), closeOutConsumer(workflow), outcomesConsumer(workflow)],
        // Closes rewards not claimed in time (逾期未申领); expiring is idempotent, so several processes may run it.
        workers: [periodically('claim expiry', config.expiryIntervalMs ?? 60_000, () => workflow.expireDue(), new JsonLogger('rewards'))],
        module: (healthChecks) => RewardsModule.register({ workflow, bounties, queries, publicRewards, rules, sql: store.db }, config.authSecret, healthChecks),
      };
    },
  });
}
