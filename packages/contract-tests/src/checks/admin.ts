import type { AnalyticsSummary } from '@advocacy-kit/core/backend';
import { assert, assertEqual, eventually, step } from '../assert.js';
import type { Check } from '../check.js';
import { collectPages } from './pages.js';
import { HUMAN_USER_AGENT, shareFreshPost } from './share.js';

export const adminChecks: Check[] = [
  {
    id: 'admin.post-results',
    group: 'admin',
    name: "the admin content list shows a post's shares, clicks, conversions and their value",
    async run(context) {
      const { post, share } = await shareFreshPost(context);
      const visit = context.target.visitTrackingUrl;
      if (visit) await step('visit the tracking URL as a browser', () => visit(share.trackingUrl, HUMAN_USER_AGENT));
      // Conversions come from the company's systems (an API key); without one the post has none.
      const factory = context.target.conversions;
      const converted = factory === undefined ? 0 : 1;
      if (factory !== undefined) {
        const system = await step('create the conversions backend', async () => factory());
        await step('record a conversion worth 50', () =>
          system.recordConversion({
            code: share.trackingCode,
            type: 'signup',
            value: 50,
            currency: 'EUR',
            externalId: context.unique('signup'),
          }),
        );
      }
      const metrics = async () => {
        const listed = await collectPages('search the post as admin', (query) =>
          context.admin.admin.listPosts({ ...query, q: post.title }),
        );
        const found = listed.find((item) => item.id === post.id);
        assert(
          found !== undefined,
          'the post is in the admin list',
          post.id,
          listed.map((item) => item.id),
        );
        return found.metrics;
      };
      // Clicks may be written in batches: wait for the visit to count.
      const clicks = visit ? 1 : 0;
      const seen = await eventually(metrics, (m) => m.clicks >= clicks);
      assertEqual(
        seen,
        { shares: 1, clicks, conversions: converted, conversionValue: 50 * converted },
        "the post's metrics count its share, the visit and the conversion",
      );
    },
  },
  {
    id: 'admin.analytics-window',
    group: 'admin',
    name: 'analytics for the instant of a share counts it in the totals, breakdowns and top lists',
    async run(context) {
      const { post, share } = await shareFreshPost(context, 'linkedin');
      // Both ends inclusive: the window is the millisecond the backend stamped on the share.
      const summary = await step(`analytics from ${share.createdAt} to ${share.createdAt}`, () =>
        context.admin.admin.getAnalytics({ from: share.createdAt, to: share.createdAt }),
      );
      assert(
        summary.shares >= 1 && summary.activeAdvocates >= 1,
        'the window holds the share and its sharer',
        'shares ≥ 1, activeAdvocates ≥ 1',
        { shares: summary.shares, activeAdvocates: summary.activeAdvocates },
      );
      assert(
        summary.byNetwork.some((row) => row.key === 'linkedin' && row.shares >= 1),
        'byNetwork counts the share on linkedin',
        'linkedin ≥ 1',
        summary.byNetwork,
      );
      assert(
        summary.byKind.some((row) => row.key === post.kind && row.shares >= 1),
        "byKind counts it under the post's kind",
        post.kind,
        summary.byKind,
      );
      assert(
        summary.byDay.some((row) => row.key === share.createdAt.slice(0, 10) && row.shares >= 1),
        'byDay counts it on its UTC day',
        share.createdAt.slice(0, 10),
        summary.byDay,
      );
      valuesByCurrencyShape(summary);
      const advocate = summary.topAdvocates.find((row) => row.employeeId === context.me.id);
      assertEqual(
        advocate && { displayName: advocate.displayName, shares: advocate.shares },
        { displayName: context.me.displayName, shares: 1 },
        'the sharer is among the top advocates with one share',
      );
      assertEqual(
        summary.topPosts.find((row) => row.postId === post.id),
        { postId: post.id, title: post.title, kind: post.kind, shares: 1, clicks: 0, conversions: 0 },
        'the post is among the top posts with one share',
      );
    },
  },
  {
    id: 'admin.conversion-value-by-currency',
    group: 'admin',
    name: "analytics gives the conversions' value per currency, never added across currencies",
    async run(context) {
      const factory = context.target.conversions;
      if (!factory) return context.skip("the target has no backend for the company's systems (an API key)");
      const system = await step('create the conversions backend', async () => factory());
      const { share } = await shareFreshPost(context);
      const record = (value: number, currency: string) =>
        step(`record a deal worth ${value} ${currency}`, () =>
          system.recordConversion({ code: share.trackingCode, type: 'deal', value, currency, externalId: context.unique('deal') }),
        );
      const first = await record(50, 'EUR');
      const last = await record(1200, 'JPY');
      const summary = await step(`analytics from ${first.createdAt} to ${last.createdAt}`, () =>
        context.admin.admin.getAnalytics({ from: first.createdAt, to: last.createdAt }),
      );
      // Optional in the contract: a backend that does not send it keeps only the summed figure.
      if (summary.conversionValueByCurrency === undefined) return context.skip('the backend sends no conversionValueByCurrency');
      valuesByCurrencyShape(summary);
      const value = (currency: string) => summary.conversionValueByCurrency!.find((row) => row.currency === currency)?.value ?? 0;
      assert(
        value('EUR') >= 50 && value('JPY') >= 1200,
        'the window holds 50 EUR and 1200 JPY, each in its own currency',
        'EUR ≥ 50, JPY ≥ 1200',
        summary.conversionValueByCurrency,
      );
    },
  },
];

/** When the summary has `conversionValueByCurrency`: ISO 4217 codes, each once, values ≥ 0, biggest first (ties: code). */
function valuesByCurrencyShape(summary: AnalyticsSummary): void {
  const rows = summary.conversionValueByCurrency;
  if (rows === undefined) return;
  assert(
    Array.isArray(rows) &&
      rows.every((row) => /^[A-Z]{3}$/.test(row.currency) && Number.isFinite(row.value) && row.value >= 0) &&
      new Set(rows.map((row) => row.currency)).size === rows.length,
    'conversionValueByCurrency lists each ISO 4217 currency once with a value ≥ 0',
    '[{ currency: "EUR", value: 50 }, …]',
    rows,
  );
  const sorted = [...rows].sort((a, b) => b.value - a.value || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  assertEqual(rows, sorted, 'conversionValueByCurrency is sorted by value descending, then by currency code');
}
