import { isAdvocacyError, type Suggestion } from '@advocacy-kit/core/backend';
import { assert, assertEqual, step } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import { collectPages, findInFeed } from './pages.js';
import { ledger, newRows, stats } from './points.js';

/** Suggests a fresh URL as the employee (or as `backend`). */
export async function suggest(context: CheckContext, backend = context.employee): Promise<Suggestion> {
  const url = `https://example.com/advocacy-contract/${context.unique('suggested')}`;
  const topics = context.topics[0] ? [context.topics[0].id] : [];
  return step(`suggest ${url}`, () => backend.createSuggestion({ url, note: 'Our customers would like this.', topics }));
}

export const suggestionChecks: Check[] = [
  {
    id: 'suggestions.create',
    group: 'suggestions',
    name: 'a suggestion is pending, listed for its author and in the admin review queue',
    async run(context) {
      const suggestion = await suggest(context);
      assertEqual(
        { status: suggestion.status, employeeId: suggestion.employeeId, postId: suggestion.postId },
        { status: 'pending', employeeId: context.me.id, postId: null },
        'a new suggestion is pending, by the employee, without a post',
      );
      const mine = await collectPages('list my suggestions', (query) => context.employee.listMySuggestions(query));
      assert(
        mine.some((item) => item.id === suggestion.id),
        'the suggestion is in listMySuggestions',
        suggestion.id,
        'not listed',
      );
      const queue = await collectPages('list pending suggestions as admin', (query) =>
        context.admin.admin.listSuggestions({ ...query, status: 'pending' }),
      );
      const queued = queue.find((item) => item.id === suggestion.id);
      assert(queued !== undefined, 'the suggestion is in the admin pending queue', suggestion.id, 'not listed');
      assertEqual(queued.employeeName, context.me.displayName, 'the admin queue names the suggesting employee');
    },
  },
  {
    id: 'suggestions.idempotent',
    group: 'suggestions',
    name: 'retrying a suggestion with one idempotency key creates one suggestion',
    async run(context) {
      const input = { url: `https://example.com/advocacy-contract/${context.unique('retried')}`, note: '', topics: [] };
      const key = context.unique('suggestion-key');
      const first = await step('suggest with an idempotency key', () => context.employee.createSuggestion(input, key));
      const again = await step('retry with the same key', () => context.employee.createSuggestion(input, key));
      assertEqual(again.id, first.id, 'the retry returns the same suggestion');
      const mine = await collectPages('list my suggestions', (query) => context.employee.listMySuggestions(query));
      assertEqual(mine.filter((item) => item.url === input.url).length, 1, 'listMySuggestions holds it once');
    },
  },
  {
    id: 'suggestions.approve',
    group: 'suggestions',
    name: 'approving a suggestion publishes a post and awards its author once',
    async run(context) {
      const suggestion = await suggest(context);
      const ledgerBefore = await ledger(context.employee);
      const statsBefore = await stats(context.employee);
      const approved = await step('approve the suggestion as admin', () =>
        context.admin.admin.reviewSuggestion(suggestion.id, { decision: 'approve', post: { title: `Suggested [${context.runTag}]` } }),
      );
      if (approved.postId) context.adopt(approved.postId);
      assertEqual(approved.status, 'approved', 'the reviewed suggestion is approved');
      assert(approved.postId !== null, 'the approved suggestion names its post', 'a post id', approved.postId);
      const post = await step('open the new post as the employee', () => context.employee.getPost(approved.postId!));
      assertEqual(post.url, suggestion.url, 'the new post links to the suggested URL');
      assert((await findInFeed(context.employee, post.id)) !== undefined, 'the new post is in the feed', post.id, 'not listed');
      // A second approval may be refused (e.g. conflict) or answered with the same result.
      try {
        const twice = await context.admin.admin.reviewSuggestion(suggestion.id, { decision: 'approve' });
        if (twice.postId) context.adopt(twice.postId);
        assertEqual(twice.postId, approved.postId, 'approving again does not create a second post');
      } catch (error) {
        if (!isAdvocacyError(error)) throw error;
      }
      const added = newRows(ledgerBefore, await ledger(context.employee));
      assert(
        added.length === 1 && added[0]!.reason === 'suggestion' && added[0]!.delta > 0,
        "approving (even twice) adds one positive suggestion row to the author's ledger",
        'one row: suggestion, delta > 0',
        added.map((row) => ({ reason: row.reason, delta: row.delta })),
      );
      const statsAfter = await stats(context.employee);
      assertEqual(statsAfter.points - statsBefore.points, added[0]!.delta, 'stats.points grows by the award once');
    },
  },
  {
    id: 'suggestions.reject',
    group: 'suggestions',
    name: 'a rejected suggestion shows the reason to its author and earns nothing',
    async run(context) {
      const suggestion = await suggest(context);
      const before = await stats(context.employee);
      const reason = `Off-topic for this quarter (${context.runTag})`;
      const rejected = await step('reject the suggestion as admin', () =>
        context.admin.admin.reviewSuggestion(suggestion.id, { decision: 'reject', reason }),
      );
      assertEqual(
        { status: rejected.status, postId: rejected.postId },
        { status: 'rejected', postId: null },
        'the reviewed suggestion is rejected without a post',
      );
      const mine = await collectPages('list my suggestions', (query) => context.employee.listMySuggestions(query));
      const seen = mine.find((item) => item.id === suggestion.id);
      assertEqual(
        { status: seen?.status, reviewReason: seen?.reviewReason },
        { status: 'rejected', reviewReason: reason },
        'the author sees the rejection and its reason',
      );
      const after = await stats(context.employee);
      assertEqual(after.points, before.points, 'a rejection awards no points');
    },
  },
];
