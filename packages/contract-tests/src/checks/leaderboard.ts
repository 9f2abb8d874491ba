import { PERIODS, SCOPES, type Leaderboard } from '@advocacy-kit/core/backend';
import { assert, assertEqual, step } from '../assert.js';
import type { Check } from '../check.js';
import { shareFreshPost } from './share.js';

function assertRanked(board: Leaderboard, what: string): void {
  for (let i = 1; i < board.entries.length; i++) {
    const previous = board.entries[i - 1]!;
    const current = board.entries[i]!;
    assert(
      previous.points >= current.points && previous.rank <= current.rank,
      `${what}: entries are sorted by points, ranks ascending`,
      `#${previous.rank} ${previous.points} pts before lower entries`,
      `#${current.rank} ${current.points} pts after it`,
    );
  }
  assert(
    board.participants >= board.entries.length,
    `${what}: participants counts at least the listed entries`,
    `>= ${board.entries.length}`,
    board.participants,
  );
}

export const leaderboardChecks: Check[] = [
  {
    id: 'leaderboard.shape',
    group: 'leaderboard',
    name: 'every period and scope is ranked by points and respects the limit',
    async run(context) {
      await shareFreshPost(context);
      for (const period of PERIODS) {
        for (const scope of SCOPES) {
          const what = `${period}/${scope}`;
          const board = await step(`read the ${what} leaderboard`, () => context.employee.getLeaderboard({ period, scope, limit: 3 }));
          assertEqual(
            { period: board.period, scope: board.scope },
            { period, scope },
            `${what}: the leaderboard echoes its period and scope`,
          );
          assert(board.entries.length <= 3, `${what}: limit 3 lists at most 3 entries`, '<= 3', board.entries.length);
          assertRanked(board, what);
          assert(
            board.me !== null && board.me.employeeId === context.me.id,
            `${what}: me is the signed-in employee`,
            context.me.id,
            board.me,
          );
        }
      }
    },
  },
  {
    id: 'leaderboard.team-scope',
    group: 'leaderboard',
    name: "the team scope lists only the employee's team",
    async run(context) {
      await shareFreshPost(context);
      const board = await step('read the all-time team leaderboard', () =>
        context.employee.getLeaderboard({ period: 'all', scope: 'team', limit: 100 }),
      );
      const strays = board.entries.filter((entry) => entry.team !== context.me.team).map((entry) => `${entry.employeeId}:${entry.team}`);
      assertEqual(strays, [], `team leaderboard lists only team ${context.me.team}`);
      assert(
        board.entries.some((entry) => entry.employeeId === context.me.id),
        'the employee, who has points, is on the team leaderboard',
        context.me.id,
        board.entries.map((e) => e.employeeId),
      );
      const company = await step('read the all-time company leaderboard', () =>
        context.employee.getLeaderboard({ period: 'all', scope: 'company', limit: 100 }),
      );
      assert(
        board.participants <= company.participants,
        'the team has no more participants than the company',
        `<= ${company.participants}`,
        board.participants,
      );
    },
  },
  {
    id: 'leaderboard.ties',
    group: 'leaderboard',
    name: 'equal points share a rank (competition ranking: 1, 2, 2, 4)',
    async run(context) {
      const adjustPoints = context.admin.admin.adjustPoints;
      if (!adjustPoints) return context.skip('the target has no manual points adjustments (adjustPoints)');
      await shareFreshPost(context);
      const read = () =>
        step('read the all-time company leaderboard', () =>
          context.employee.getLeaderboard({ period: 'all', scope: 'company', limit: 100 }),
        );
      const before = await read();
      const mine = before.me?.points ?? 0;
      const theirs = before.entries.find((entry) => entry.employeeId === context.other.id)?.points ?? 0;
      if (before.me === null) return context.skip('the employee has no points on the all-time board');
      // Level the two: grant the one behind the difference (earned points, so they count).
      const behind = mine > theirs ? context.other.id : context.me.id;
      const gap = Math.abs(mine - theirs);
      const reason = `Contract check tie [${context.runTag}]`;
      if (gap > 0)
        await step(`grant ${gap} points to level the two employees`, () =>
          adjustPoints.call(context.admin.admin, { employeeId: behind, delta: gap, reason }),
        );
      try {
        const board = await read();
        const me = board.entries.find((entry) => entry.employeeId === context.me.id);
        const other = board.entries.find((entry) => entry.employeeId === context.other.id);
        if (!me || !other) return context.skip('the two employees are outside the top 100');
        assertEqual(other.points, me.points, 'the two employees have equal points');
        assertEqual(other.rank, me.rank, 'equal points share a rank');
        board.entries.forEach((entry, i) => {
          const previous = board.entries[i - 1];
          const expected = previous === undefined ? 1 : previous.points === entry.points ? previous.rank : i + 1;
          assertEqual(entry.rank, expected, `#${i + 1} in the list (${entry.points} pts) has the competition rank`);
        });
        assertEqual(board.me?.rank, me.rank, 'the me entry carries the shared rank');
      } finally {
        if (gap > 0)
          await step('take the levelling grant back', () =>
            adjustPoints.call(context.admin.admin, { employeeId: behind, delta: -gap, reason }),
          );
      }
    },
  },
  {
    id: 'leaderboard.entry-matches-me',
    group: 'leaderboard',
    name: "the employee's row in the list equals the me entry",
    async run(context) {
      await shareFreshPost(context);
      const board = await step('read the all-time company leaderboard', () =>
        context.employee.getLeaderboard({ period: 'all', scope: 'company', limit: 100 }),
      );
      const row = board.entries.find((entry) => entry.employeeId === context.me.id);
      if (!row) return context.skip('the employee is outside the top 100');
      assertEqual(board.me, row, "me equals the employee's row in entries");
    },
  },
  {
    id: 'leaderboard.anonymous',
    group: 'leaderboard',
    name: 'an anonymous leaderboard names only employees who opted in, and still shows each their own rank',
    async run(context) {
      const admin = context.admin.admin;
      const { getLeaderboardSettings, setLeaderboardSettings, adjustPoints } = admin;
      const { updatePreferences: employeePrefs } = context.employee;
      const { updatePreferences: otherPrefs } = context.otherEmployee;
      if (!getLeaderboardSettings || !setLeaderboardSettings || !adjustPoints || !employeePrefs || !otherPrefs) {
        return context.skip(
          'the target has no anonymous leaderboard (getLeaderboardSettings, setLeaderboardSettings, preferences, adjustPoints)',
        );
      }
      const setPrefs = (backend: typeof context.employee, who: string, showOnLeaderboard: boolean) =>
        step(`${who} ${showOnLeaderboard ? 'opts in to' : 'opts out of'} the leaderboard`, () =>
          (backend === context.employee ? employeePrefs : otherPrefs).call(backend, { showOnLeaderboard }),
        );
      const before = await step('read the leaderboard settings as admin', () => getLeaderboardSettings.call(admin));
      await shareFreshPost(context);
      const reason = `Contract check anonymous [${context.runTag}]`;
      await step('grant the other employee a point, so they are on the board', () =>
        adjustPoints.call(admin, { employeeId: context.other.id, delta: 1, reason }),
      );
      try {
        const settings = await step('make the leaderboard anonymous, top 100', () =>
          setLeaderboardSettings.call(admin, { anonymous: true, top: 100 }),
        );
        assertEqual([settings.anonymous, settings.top], [true, 100], 'the settings answer what was set');
        await setPrefs(context.otherEmployee, 'the other employee', false);
        await setPrefs(context.employee, 'the employee', false);
        const read = () =>
          step('read the all-time company leaderboard as the employee', () =>
            context.employee.getLeaderboard({ period: 'all', scope: 'company', limit: 100 }),
          );
        const hidden = await read();
        const named = hidden.entries.map((entry) => entry.employeeId);
        assert(!named.includes(context.other.id), 'the other employee, not opted in, is not listed', 'not listed', named);
        assert(
          !hidden.entries.some((entry) => entry.displayName === context.other.displayName),
          "the other employee's name is nowhere in the entries",
          'absent',
          hidden.entries.map((entry) => entry.displayName),
        );
        assert(!named.includes(context.me.id), 'the employee, not opted in, is not listed either', 'not listed', named);
        assertEqual(hidden.me?.employeeId, context.me.id, 'the employee still sees their own entry');
        assert((hidden.me?.rank ?? 0) >= 1, 'the own entry has its rank', '>= 1', hidden.me?.rank);

        await setPrefs(context.otherEmployee, 'the other employee', true);
        const shown = await read();
        const other = shown.entries.find((entry) => entry.employeeId === context.other.id);
        assert(
          other !== undefined,
          'the other employee, opted in, is listed',
          'listed',
          shown.entries.map((entry) => entry.employeeId),
        );
        const ahead = (
          await step('read the named leaderboard', async () => {
            await setLeaderboardSettings.call(admin, { anonymous: false });
            return context.employee.getLeaderboard({ period: 'all', scope: 'company', limit: 100 });
          })
        ).entries.find((entry) => entry.employeeId === context.other.id);
        if (ahead) assertEqual(other!.rank, ahead.rank, 'an opted-in employee keeps their true rank on the anonymous board');
      } finally {
        await step('restore the leaderboard settings', () =>
          setLeaderboardSettings.call(admin, { anonymous: before.anonymous, top: before.top }),
        );
        await setPrefs(context.otherEmployee, 'the other employee', false);
        await step('take the point back', () => adjustPoints.call(admin, { employeeId: context.other.id, delta: -1, reason }));
      }
    },
  },
];
