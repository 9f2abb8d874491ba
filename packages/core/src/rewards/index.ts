export { createRewards, rewardText, type RewardsController, type RewardsOptions, type RewardsState } from './rewards-store.js';
