export { createLeaderboardController, createMyStatsController, type LeaderboardOptions, type MyStatsOptions } from './points-store.js';
export type { AsyncState, LeaderboardController, MyStatsController, ResourceController } from '../client/types.js';
