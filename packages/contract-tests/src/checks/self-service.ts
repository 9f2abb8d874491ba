import { isAdvocacyError, type AdvocacyError } from '@advocacy-kit/core/backend';
import { assert, assertEqual, step } from '../assert.js';
import type { Check } from '../check.js';
import { collectPages, findInFeed } from './pages.js';
import { ledger } from './points.js';
import { shareFreshPost } from './share.js';
import { suggest } from './suggestions.js';

/** Runs `action`, which must reject with a validation error naming `field`. */
async function refusedOn(description: string, field: string, action: () => Promise<unknown>): Promise<void> {
  let failure: unknown;
  try {
    await action();
  } catch (error) {
    failure = error;
  }
  assert(isAdvocacyError(failure), `${description}: rejected with an AdvocacyError`, 'an AdvocacyError', String(failure));
  const error = failure as AdvocacyError;
  assertEqual(error.code, 'validation', `${description}: a validation error`);
  assert(
    error.fieldErrors.some((fieldError) => fieldError.field.includes(field)),
    `${description}: a field error on ${field}`,
    field,
    JSON.stringify(error.fieldErrors),
  );
}

// Self-service: an employee reads their own history — and only their own.
export const selfServiceChecks: Check[] = [
  {
    id: 'selfservice.my-shares',
    group: 'selfservice',
    name: "my shares list each of mine with its post's title and what it earned, and none of another employee's",
    async run(context) {
      const { post, share } = await shareFreshPost(context, 'linkedin');
      const mine = await collectPages('list my shares', (query) => context.employee.listMyShares(query));
      const listed = mine.find((item) => item.id === share.id);
      assert(listed !== undefined, 'the new share is in listMyShares', share.id, 'not listed');
      assert(
        mine.every((item) => item.employeeId === context.me.id),
        'every share listed is the employee’s own',
        context.me.id,
        [...new Set(mine.map((item) => item.employeeId))].join(', '),
      );
      if (listed.postTitle === undefined) context.skip('the target does not report share results (postTitle, clicks, conversions, points)');
      assertEqual(
        { postTitle: listed.postTitle, clicks: listed.clicks, conversions: listed.conversions, points: listed.points },
        { postTitle: post.title, clicks: 0, conversions: 0, points: share.pointsAwarded },
        'a new share carries its post title, no clicks or conversions yet, and the points of sharing',
      );
      const theirs = await collectPages("list the other employee's shares", (query) => context.otherEmployee.listMyShares(query));
      assert(!theirs.some((item) => item.id === share.id), "the share is not in the other employee's listMyShares", 'absent', 'listed');
    },
  },
  {
    id: 'selfservice.rejection-reason',
    group: 'selfservice',
    name: 'a rejected suggestion shows its author the reviewer’s reason, and nobody else sees it',
    async run(context) {
      const suggestion = await suggest(context);
      const reason = `Off topic for the program [${context.runTag}]`;
      await step('reject it as admin, with a reason', () =>
        context.admin.admin.reviewSuggestion(suggestion.id, { decision: 'reject', reason }),
      );
      const mine = await collectPages('list my suggestions', (query) => context.employee.listMySuggestions(query));
      const listed = mine.find((item) => item.id === suggestion.id);
      assert(listed !== undefined, 'the suggestion is in listMySuggestions', suggestion.id, 'not listed');
      assertEqual(
        { status: listed.status, reviewReason: listed.reviewReason },
        { status: 'rejected', reviewReason: reason },
        'its status and reason',
      );
      const theirs = await collectPages("list the other employee's suggestions", (query) => context.otherEmployee.listMySuggestions(query));
      assert(!theirs.some((item) => item.id === suggestion.id), "it is not in the other employee's listMySuggestions", 'absent', 'listed');
    },
  },
  {
    id: 'selfservice.ledger',
    group: 'selfservice',
    name: 'my ledger is mine, tells a share by its post and network, and sums to my balance',
    async run(context) {
      const { post } = await shareFreshPost(context, 'x');
      const rows = await ledger(context.employee);
      assert(
        rows.every((row) => row.employeeId === context.me.id),
        'every ledger row is the employee’s own',
        context.me.id,
        [...new Set(rows.map((row) => row.employeeId))].join(', '),
      );
      const shared = rows.find((row) => row.reason === 'share' && (row.postId === post.id || row.reference.includes(post.id)));
      assert(shared !== undefined, 'the share’s ledger row is listed', post.id, 'not listed');
      if (shared.postId !== undefined) {
        assertEqual(
          { postId: shared.postId, postTitle: shared.postTitle, network: shared.network },
          { postId: post.id, postTitle: post.title, network: 'x' },
          'the share row names its post and network',
        );
      }
      if (!context.employee.getMyPointsBalance) context.skip('the target has no points balance (getMyPointsBalance)');
      const balance = await step('read my balance', () => context.employee.getMyPointsBalance!());
      const sum = rows.reduce((total, row) => total + row.delta, 0);
      assertEqual(Math.max(0, sum), balance.balance, 'the ledger’s rows sum to the balance');
    },
  },
  {
    id: 'selfservice.shared-marker',
    group: 'selfservice',
    name: 'the feed tells the employee which networks they shared a post to, and only their own shares',
    async run(context) {
      const { post } = await shareFreshPost(context, 'linkedin');
      const seen = await findInFeed(context.employee, post.id);
      assert(seen !== undefined, 'the shared post is in the feed', post.id, 'not listed');
      if (seen.sharedNetworks === undefined) context.skip('the target does not mark shared posts (sharedNetworks)');
      assertEqual(seen.sharedNetworks, ['linkedin'], 'the feed lists the network the employee shared the post to');
      const theirs = await findInFeed(context.otherEmployee, post.id);
      if (theirs !== undefined) assertEqual(theirs.sharedNetworks ?? [], [], 'another employee sees the post as not shared by them');
    },
  },
  {
    id: 'selfservice.preferences',
    group: 'selfservice',
    name: 'language and time zone: a supported language and an IANA zone are kept; anything else is a field error',
    async run(context) {
      const backend = context.employee;
      if (!backend.getPreferences || !backend.updatePreferences)
        context.skip('the target has no preferences (getPreferences, updatePreferences)');
      const update = (input: Parameters<NonNullable<typeof backend.updatePreferences>>[0]) => backend.updatePreferences!(input);
      const before = await step('read my preferences', () => backend.getPreferences!());
      if (before.timeZone === undefined) context.skip('the target does not keep a time zone in preferences');
      await refusedOn('an unknown time zone', 'timeZone', () => update({ timeZone: 'Mars/Olympus' }));
      await refusedOn('an offset instead of a zone', 'timeZone', () => update({ timeZone: '+09:00' }));
      await refusedOn('a language the kit does not ship', 'locale', () => update({ locale: 'xx' as unknown as 'en' }));
      const zone = before.timeZone === 'Asia/Tokyo' ? 'Europe/Berlin' : 'Asia/Tokyo';
      const saved = await step(`choose ${zone}`, () => update({ timeZone: zone }));
      assertEqual(saved.timeZone, zone, 'the chosen zone is kept');
      await step('put the time zone back', () => update({ timeZone: before.timeZone! }));
    },
  },
];
