import { assert, assertEqual, expectError, step } from '../assert.js';
import type { Check } from '../check.js';
import { collectPages } from './pages.js';
import { ledger, stats } from './points.js';
import { shareFreshPost } from './share.js';
import { suggest } from './suggestions.js';

export const isolationChecks: Check[] = [
  {
    id: 'isolation.shares',
    group: 'isolation',
    name: "another employee's shares are not in my shares",
    async run(context) {
      const { share } = await shareFreshPost(context);
      const theirs = await collectPages("list the other employee's shares", (query) => context.otherEmployee.listMyShares(query));
      assert(
        !theirs.some((item) => item.id === share.id),
        "the employee's share is not in the other employee's listMyShares",
        'not listed',
        share.id,
      );
      const foreign = theirs.filter((item) => item.employeeId !== context.other.id).map((item) => `${item.id}:${item.employeeId}`);
      assertEqual(foreign, [], "every share in the other employee's list is their own");
    },
  },
  {
    id: 'isolation.points',
    group: 'isolation',
    name: "one employee's share doesn't change another's stats or ledger",
    async run(context) {
      const statsBefore = await stats(context.otherEmployee);
      const ledgerBefore = await ledger(context.otherEmployee);
      await shareFreshPost(context);
      const statsAfter = await stats(context.otherEmployee);
      const ledgerAfter = await ledger(context.otherEmployee);
      assertEqual(
        { points: statsAfter.points, shares: statsAfter.shares },
        { points: statsBefore.points, shares: statsBefore.shares },
        "the other employee's stats are unchanged by the employee's share",
      );
      assertEqual(ledgerAfter.length, ledgerBefore.length, "the other employee's ledger is unchanged");
      const foreign = ledgerAfter.filter((row) => row.employeeId !== context.other.id).map((row) => `${row.id}:${row.employeeId}`);
      assertEqual(foreign, [], "every row of the other employee's ledger is their own");
      const board = await step('read the leaderboard as the other employee', () =>
        context.otherEmployee.getLeaderboard({ period: 'all', scope: 'company' }),
      );
      assert(
        board.me === null || board.me.employeeId === context.other.id,
        "the other employee's leaderboard me is themselves",
        context.other.id,
        board.me,
      );
    },
  },
  {
    id: 'isolation.suggestions',
    group: 'isolation',
    name: "another employee's suggestions are not in my suggestions",
    async run(context) {
      const theirs = await suggest(context, context.otherEmployee);
      const mine = await collectPages('list my suggestions', (query) => context.employee.listMySuggestions(query));
      assert(!mine.some((item) => item.id === theirs.id), "the other employee's suggestion is not in my list", 'not listed', theirs.id);
      const foreign = mine.filter((item) => item.employeeId !== context.me.id).map((item) => item.id);
      assertEqual(foreign, [], 'every suggestion in my list is my own');
    },
  },
  {
    id: 'isolation.admin-writes',
    group: 'isolation',
    name: 'an employee cannot review suggestions or change posts',
    async run(context) {
      const suggestion = await suggest(context, context.otherEmployee);
      const post = await context.createPost();
      await expectError("approving another employee's suggestion as an employee", 'forbidden', () =>
        context.employee.admin.reviewSuggestion(suggestion.id, { decision: 'approve' }),
      );
      await expectError('archiving a post as an employee', 'forbidden', () => context.employee.admin.archivePost(post.id));
      await expectError('editing a post as an employee', 'forbidden', () =>
        context.employee.admin.updatePost(post.id, { title: 'Changed by an employee' }),
      );
      const still = await step('open the post as the employee', () => context.employee.getPost(post.id));
      assertEqual({ status: still.status, title: still.title }, { status: post.status, title: post.title }, 'the post is unchanged');
      const theirs = await collectPages("list the other employee's suggestions", (query) => context.otherEmployee.listMySuggestions(query));
      assertEqual(theirs.find((item) => item.id === suggestion.id)?.status, 'pending', 'the suggestion is still pending');
    },
  },
];
