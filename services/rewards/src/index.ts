export { startRewardsService, REWARDS_MIGRATIONS, type RewardsConfig } from './rewards.service';
export { rewardsProjection } from './projections/rewards.projection';
