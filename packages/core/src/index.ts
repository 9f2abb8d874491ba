/**
 * @advocacy-kit/core — the headless employee-advocacy SDK for the browser. The in-memory backend
 * (`@advocacy-kit/core/memory`), the landing-page attribution helper (`/attribution`), the
 * tracking-link and UTM helpers servers use (`/links`), the networks' brand names (`/share`), the
 * admin stores and the admin screens' enums (`/admin`), the rewards store (`/rewards`), the pilot
 * invitation and self-service stores (`/self-service`), the leaderboard opt-in and contest texts
 * (`/points`), the business rules (`/rules`) and the contract's schemas (`/contract`) live on
 * their own entries to keep this one small.
 */
export * from './backend/index.js';
export * from './feed/index.js';
export * from './share/main.js';
export {
  createLeaderboardController,
  createMyStatsController,
  type LeaderboardOptions,
  type MyStatsOptions,
  type AsyncState,
  type LeaderboardController,
  type MyStatsController,
  type ResourceController,
  // Their functions are on `/points` and `/self-service`; the types stay here too.
  type ContestText,
  type LeaderboardVisibilityController,
  type LeaderboardVisibilityOptions,
  type LeaderboardVisibilityState,
} from './points/index.js';
export type { MembershipController, MembershipState } from './pilots/membership-store.js';
export * from './events/index.js';
export { createAdvocacyClient } from './client/client.js';
export type * from './client/types.js';
export type { FacadeStore } from './internal/store.js';
