export { createLeaderboardController, createMyStatsController, type LeaderboardOptions, type MyStatsOptions } from './points-store.js';
export { contestText, type ContestText } from './contest-text.js';
export {
  createLeaderboardVisibility,
  type LeaderboardVisibilityController,
  type LeaderboardVisibilityOptions,
  type LeaderboardVisibilityState,
} from './leaderboard-visibility.js';
export type { AsyncState, LeaderboardController, MyStatsController, ResourceController } from '../client/types.js';
