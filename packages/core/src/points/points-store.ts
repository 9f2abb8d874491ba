import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { Leaderboard, MyStats, Period, Scope } from '../backend/contract.js';
import type { LeaderboardController, MyStatsController } from '../client/types.js';
import { facade, resource, type Resource } from '../internal/store.js';

/** What the client needs besides the public controller: telling the store its points are stale. */
type Invalidates = Pick<Resource<unknown>, 'invalidate'>;

export interface LeaderboardOptions {
  backend: AdvocacyBackend;
  period?: Period;
  scope?: Scope;
  /** Top N; default 10. */
  limit?: number;
}

/** The leaderboard as a lazy store; changing the period or scope refetches while subscribed. */
export function createLeaderboardController(options: LeaderboardOptions): LeaderboardController & Invalidates {
  const $period = atom<Period>(options.period ?? 'month');
  const $scope = atom<Scope>(options.scope ?? 'company');
  const board = resource<Leaderboard>(
    () => options.backend.getLeaderboard({ period: $period.value!, scope: $scope.value!, limit: options.limit ?? 10 }),
    (data) => data.entries.length === 0,
  );
  return {
    ...board,
    period: facade($period),
    scope: facade($scope),
    setPeriod: (period) => board.set($period, period),
    setScope: (scope) => board.set($scope, scope),
  };
}

export interface MyStatsOptions {
  backend: AdvocacyBackend;
  period?: Period;
}

/** The employee's own stats as a lazy store; changing the period refetches while subscribed. */
export function createMyStatsController(options: MyStatsOptions): MyStatsController & Invalidates {
  const $period = atom<Period>(options.period ?? 'month');
  const stats = resource<MyStats>(
    () => options.backend.getMyStats($period.value!),
    (data) => data.points === 0 && data.shares === 0,
  );
  return {
    ...stats,
    period: facade($period),
    setPeriod: (period) => stats.set($period, period),
  };
}
