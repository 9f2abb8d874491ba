import type { AdvocacyBackend, MyPointsEntry, Period, PointsEntry } from '@advocacy-kit/core/backend';
import { PERIODS } from '@advocacy-kit/core/backend';
import { isEarning } from '@advocacy-kit/core/rules';
import { assert, assertEqual, eventually, step } from '../assert.js';
import type { Check } from '../check.js';
import { collectPages } from './pages.js';
import { CRAWLER_USER_AGENT, HUMAN_USER_AGENT, shareFreshPost } from './share.js';

/** The employee's whole ledger. */
export function ledger(backend: AdvocacyBackend): Promise<MyPointsEntry[]> {
  return collectPages('list my points', (query) => backend.listMyPoints(query));
}

export function stats(backend: AdvocacyBackend, period: Period = 'all') {
  return step(`read my stats for ${period}`, () => backend.getMyStats(period));
}

/** Ledger rows that were not in `before`. */
export function newRows(before: PointsEntry[], after: PointsEntry[]): PointsEntry[] {
  const known = new Set(before.map((entry) => entry.id));
  return after.filter((entry) => !known.has(entry.id));
}

export const pointsChecks: Check[] = [
  {
    id: 'points.share-awarded-once',
    group: 'points',
    name: 'a share retried three times with one key awards points once',
    async run(context) {
      const post = await context.createPost();
      const ledgerBefore = await ledger(context.employee);
      const statsBefore = await stats(context.employee);
      const input = { postId: post.id, network: 'linkedin' as const, commentary: '', idempotencyKey: context.unique('award') };
      const first = await step('share the post', () => context.employee.createShare(input));
      await step('retry the share (attempt 2)', () => context.employee.createShare(input));
      await step('retry the share (attempt 3)', () => context.employee.createShare(input));
      assert(first.pointsAwarded > 0, 'the first share of a new post earns points', 'pointsAwarded > 0', first.pointsAwarded);
      const added = newRows(ledgerBefore, await ledger(context.employee));
      assertEqual(
        added.map((row) => [row.reason, row.delta]),
        [['share', first.pointsAwarded]],
        'the ledger gains exactly one share row worth pointsAwarded',
      );
      const statsAfter = await stats(context.employee);
      assertEqual(statsAfter.points - statsBefore.points, first.pointsAwarded, 'stats.points (all) grows by pointsAwarded once');
    },
  },
  {
    id: 'points.reshare-no-award',
    group: 'points',
    name: 'sharing the same post to the same network again earns nothing more',
    async run(context) {
      const { post, share } = await shareFreshPost(context, 'threads');
      const before = await stats(context.employee);
      const again = await step('share the same post to the same network with a new key', () =>
        context.employee.createShare({ postId: post.id, network: 'threads', commentary: 'Again', idempotencyKey: context.unique('again') }),
      );
      assert(share.pointsAwarded > 0, 'the first share earns points', 'pointsAwarded > 0', share.pointsAwarded);
      assertEqual(again.pointsAwarded, 0, 'the repeated share reports pointsAwarded 0');
      const after = await stats(context.employee);
      assertEqual(after.points, before.points, 'stats.points is unchanged by the repeated share');
    },
  },
  {
    id: 'points.totals-agree',
    group: 'points',
    name: "ledger total, stats and leaderboard agree on the employee's points",
    async run(context) {
      await shareFreshPost(context);
      const rows = await ledger(context.employee);
      const foreign = rows.filter((row) => row.employeeId !== context.me.id).map((row) => row.id);
      assertEqual(foreign, [], 'every ledger row belongs to the employee');
      // Points earned: reward holds and releases move points already earned (rewards checks).
      const sum = rows.filter((row) => isEarning(row.reason)).reduce((total, row) => total + row.delta, 0);
      const all = await stats(context.employee);
      const board = await step('read the all-time company leaderboard', () =>
        context.employee.getLeaderboard({ period: 'all', scope: 'company' }),
      );
      assertEqual(
        { ledgerSum: sum, statsPoints: all.points, leaderboardMe: board.me?.points ?? null },
        { ledgerSum: sum, statsPoints: sum, leaderboardMe: sum },
        'sum of earned ledger deltas == stats.points (all) == leaderboard me.points (all)',
      );
    },
  },
  {
    id: 'points.periods-agree',
    group: 'points',
    name: 'stats and the leaderboard agree on points and rank in every period',
    async run(context) {
      await shareFreshPost(context);
      for (const period of PERIODS) {
        const mine = await stats(context.employee, period);
        const board = await step(`read the ${period} company leaderboard`, () =>
          context.employee.getLeaderboard({ period, scope: 'company' }),
        );
        assertEqual(
          { points: board.me?.points ?? null, rank: board.me?.rank ?? null },
          { points: mine.points, rank: mine.rank },
          `${period}: leaderboard me (points, rank) == my stats (points, rank)`,
        );
      }
    },
  },
  {
    id: 'points.share-counts-in-every-period',
    group: 'points',
    name: 'a share made now counts in every period',
    async run(context) {
      const before = await Promise.all(PERIODS.map((period) => stats(context.employee, period)));
      const { share } = await shareFreshPost(context);
      const after = await Promise.all(PERIODS.map((period) => stats(context.employee, period)));
      assertEqual(
        after.map((s, i) => ({ period: s.period, points: s.points - before[i]!.points, shares: s.shares - before[i]!.shares })),
        PERIODS.map((period) => ({ period, points: share.pointsAwarded, shares: 1 })),
        'each period gains the share and its points',
      );
    },
  },
  {
    id: 'points.clicks',
    group: 'points',
    name: 'a human visit counts as a click; a social-network crawler does not',
    async run(context) {
      const visit = context.target.visitTrackingUrl;
      if (!visit) return context.skip('the target has no visitTrackingUrl hook');
      const { share } = await shareFreshPost(context);
      const before = await stats(context.employee);
      await step('visit the tracking URL as LinkedInBot', () => visit(share.trackingUrl, CRAWLER_USER_AGENT));
      await step('visit the tracking URL as a browser', () => visit(share.trackingUrl, HUMAN_USER_AGENT));
      // Backends may write clicks in batches: wait for the human click, then expect only it.
      const after = await eventually(
        () => stats(context.employee),
        (s) => s.clicks > before.clicks,
      );
      assertEqual(after.clicks - before.clicks, 1, 'the crawler and the browser visit together add one click');
    },
  },
];
