import { isAdvocacyError, type NetworkId } from '@advocacy-kit/core/backend';
import { assert, assertEqual, expectError, step } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import { collectPages } from './pages.js';

export const HUMAN_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const CRAWLER_USER_AGENT = 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)';

/** Shares a fresh post as the employee. */
export async function shareFreshPost(context: CheckContext, network: NetworkId = 'linkedin') {
  const post = await context.createPost();
  const share = await step(`share post ${post.id} to ${network}`, () =>
    context.employee.createShare({ postId: post.id, network, commentary: 'Worth a read.', idempotencyKey: context.unique('share') }),
  );
  return { post, share };
}

export const shareChecks: Check[] = [
  {
    id: 'share.create',
    group: 'share',
    name: 'a share records the post, network and employee and returns a tracking URL',
    async run(context) {
      const { post, share } = await shareFreshPost(context, 'x');
      assertEqual(share.postId, post.id, 'share.postId is the shared post');
      assertEqual(share.network, 'x', 'share.network is the chosen network');
      assertEqual(share.employeeId, context.me.id, 'share.employeeId is the signed-in employee');
      // A backend may add a required disclosure and the post's hashtags after the words.
      assert(
        share.commentary.startsWith('Worth a read.'),
        "share.commentary keeps the employee's words",
        'Worth a read.…',
        share.commentary,
      );
      assert(share.trackingCode.length > 0, 'share.trackingCode is set', 'a code', share.trackingCode);
      assert(URL.canParse(share.trackingUrl), 'share.trackingUrl is an absolute URL', 'a URL', share.trackingUrl);
      assert(
        share.trackingUrl.includes(share.trackingCode),
        'share.trackingUrl carries the tracking code',
        share.trackingCode,
        share.trackingUrl,
      );
      const mine = await collectPages('list my shares', (query) => context.employee.listMyShares(query));
      assert(
        mine.some((item) => item.id === share.id),
        'the share is in listMyShares',
        share.id,
        mine.map((item) => item.id).slice(0, 10),
      );
    },
  },
  {
    id: 'share.tracking-redirect',
    group: 'share',
    name: 'the tracking URL redirects to the post URL with UTM parameters and the referral code',
    async run(context) {
      const visit = context.target.visitTrackingUrl;
      if (!visit) return context.skip('the target has no visitTrackingUrl hook');
      const { post, share } = await shareFreshPost(context, 'linkedin');
      // As LinkedIn's crawler: previews must get the same redirect, and a crawler's visit leaves
      // the click counters alone (clicks may be written later, which would blur points.clicks).
      const location = await step('follow the tracking URL as LinkedInBot', () => visit(share.trackingUrl, CRAWLER_USER_AGENT));
      assert(location !== null, 'the tracking URL redirects', 'a redirect', 'no redirect');
      const destination = new URL(location);
      const registered = new URL(post.url);
      assertEqual(
        `${destination.origin}${destination.pathname}`,
        `${registered.origin}${registered.pathname}`,
        "the redirect goes to the post's registered URL",
      );
      const params = Object.fromEntries(destination.searchParams);
      assertEqual(
        { utm_source: params.utm_source, utm_medium: params.utm_medium, utm_campaign: params.utm_campaign, adv_ref: params.adv_ref },
        { utm_source: 'linkedin', utm_medium: 'employee_advocacy', utm_campaign: post.id, adv_ref: share.trackingCode },
        'the destination carries utm_source=network, utm_medium, utm_campaign=post id and adv_ref=tracking code',
      );
    },
  },
  {
    id: 'share.hidden-post',
    group: 'share',
    name: "an employee can't share a post outside their audience",
    async run(context) {
      const otherTeam = context.teams.find((team) => team.id !== context.me.team);
      if (!otherTeam) return context.skip('needs a second team');
      const post = await context.createPost({ audience: { teams: [otherTeam.id], roles: [] } });
      await expectError(`sharing a post for team ${otherTeam.id}`, 'not_found', () =>
        context.employee.createShare({ postId: post.id, network: 'linkedin', commentary: '', idempotencyKey: context.unique('hidden') }),
      );
      const mine = await collectPages('list my shares', (query) => context.employee.listMyShares(query));
      assertEqual(mine.filter((item) => item.postId === post.id).length, 0, 'no share of the hidden post was recorded');
    },
  },
  {
    id: 'share.allowed-networks',
    group: 'share',
    name: 'a post limited to some networks is shared only to those',
    async run(context) {
      const post = await context.createPost({ networks: ['linkedin'] });
      const error = await expectError('sharing a LinkedIn-only post to x', 'validation', () =>
        context.employee.createShare({ postId: post.id, network: 'x', commentary: '', idempotencyKey: context.unique('not-allowed') }),
      );
      const fields = error.fieldErrors.map((f) => f.field.replace(/^\//, ''));
      assert(fields.includes('network'), 'fieldErrors names the network field', 'a field error for "network"', fields);
      const share = await step('share the post to linkedin', () =>
        context.employee.createShare({ postId: post.id, network: 'linkedin', commentary: '', idempotencyKey: context.unique('allowed') }),
      );
      assertEqual(share.network, 'linkedin', 'the allowed network is accepted');
    },
  },
  {
    id: 'share.edited-code',
    group: 'share',
    name: 'tracking codes are long and random, and an edited code redirects nowhere',
    async run(context) {
      const visit = context.target.visitTrackingUrl;
      if (!visit) return context.skip('the target has no visitTrackingUrl hook');
      const { share } = await shareFreshPost(context);
      const { share: second } = await shareFreshPost(context);
      assert(
        /^[A-Za-z0-9_-]{11,}$/.test(share.trackingCode),
        'the tracking code has at least 64 bits (11+ base62/base64url characters)',
        '11+ characters of [A-Za-z0-9_-]',
        share.trackingCode,
      );
      assert(share.trackingCode !== second.trackingCode, 'two shares get different codes', 'different codes', second.trackingCode);
      const code = share.trackingCode;
      const flipped = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
      const edited = share.trackingUrl.replace(code, flipped);
      const location = await step('follow the edited tracking URL', () => visit(edited, HUMAN_USER_AGENT));
      assertEqual(location, null, `the edited tracking URL ${edited} does not redirect`);
    },
  },
  {
    id: 'share.idempotent',
    group: 'share',
    name: 'retrying a share with the same idempotency key returns the same share',
    async run(context) {
      const post = await context.createPost();
      const input = { postId: post.id, network: 'facebook' as const, commentary: '', idempotencyKey: context.unique('retry') };
      const shares = [];
      for (let attempt = 1; attempt <= 3; attempt++) {
        shares.push(await step(`send the share (attempt ${attempt})`, () => context.employee.createShare(input)));
      }
      assertEqual(
        shares.map((s) => s.id),
        [shares[0]!.id, shares[0]!.id, shares[0]!.id],
        'three attempts return one share id',
      );
      assertEqual(
        shares.map((s) => s.trackingUrl),
        [shares[0]!.trackingUrl, shares[0]!.trackingUrl, shares[0]!.trackingUrl],
        'three attempts return one tracking URL',
      );
      const mine = await collectPages('list my shares', (query) => context.employee.listMyShares(query));
      assertEqual(mine.filter((item) => item.postId === post.id).length, 1, 'listMyShares holds one share of the post');
    },
  },
  {
    id: 'share.idempotent-concurrent',
    group: 'share',
    name: 'concurrent retries with one idempotency key create one share',
    async run(context) {
      const post = await context.createPost();
      const input = { postId: post.id, network: 'bluesky' as const, commentary: '', idempotencyKey: context.unique('race') };
      const results = await Promise.allSettled([1, 2, 3].map(() => context.employee.createShare(input)));
      const outcomes = results.map((r) => (r.status === 'fulfilled' ? r.value.id : r.reason));
      const ids = new Set(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.id] : [])));
      assert(ids.size === 1, 'concurrent attempts resolve to one share id', 'one id', outcomes);
      const refusals = results.filter((r) => r.status === 'rejected' && !(isAdvocacyError(r.reason) && r.reason.code === 'conflict'));
      assert(refusals.length === 0, 'an attempt that loses the race succeeds or says conflict', 'the share or a conflict error', outcomes);
      const mine = await collectPages('list my shares', (query) => context.employee.listMyShares(query));
      assertEqual(mine.filter((item) => item.postId === post.id).length, 1, 'listMyShares holds one share of the post');
    },
  },
];
