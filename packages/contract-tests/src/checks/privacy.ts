import type { AdvocacyBackend, AnalyticsSummary, AuditEntry } from '@advocacy-kit/core/backend';
import { assert, assertEqual, eventually, step } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import { collectPages } from './pages.js';
import { HUMAN_USER_AGENT } from './share.js';
import { suggest } from './suggestions.js';

/** The admin backend's audit log, or a skip when the backend has none. */
function auditOf(context: CheckContext): NonNullable<AdvocacyBackend['admin']['listAudit']> {
  const list = context.admin.admin.listAudit?.bind(context.admin.admin);
  if (!list) return context.skip('the backend has no audit log (admin.listAudit)');
  return list;
}

const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;

/** The figures erasure must not move. */
const totals = (summary: AnalyticsSummary) => ({
  shares: summary.shares,
  uniqueClicks: summary.uniqueClicks,
  conversions: summary.conversions,
  conversionValue: summary.conversionValue,
  byTeam: summary.byTeam,
  byNetwork: summary.byNetwork,
  byKind: summary.byKind,
  topPosts: summary.topPosts,
});

export const privacyChecks: Check[] = [
  {
    id: 'privacy.audit-admin-writes',
    group: 'privacy',
    name: 'admin writes are in the audit log with who did what, before and after',
    async run(context) {
      const list = auditOf(context);
      const post = await context.createPost({ title: 'Audited' });
      await step('rename the post as admin', () => context.admin.admin.updatePost(post.id, { title: `Audited again [${context.runTag}]` }));
      const suggestion = await suggest(context);
      await step('reject the suggestion as admin', () =>
        context.admin.admin.reviewSuggestion(suggestion.id, { decision: 'reject', reason: 'Not this time' }),
      );
      const ofPost = await collectPages('list the post’s audit entries', (query) =>
        list({ ...query, targetKind: 'post', targetId: post.id }),
      );
      assertEqual(
        ofPost.map((entry) => entry.action),
        ['post.update', 'post.create'],
        'the post’s entries, newest first',
      );
      const [update, create] = ofPost as [AuditEntry, AuditEntry];
      assertEqual(update.actor.id, context.adminMe.id, 'the entry names the admin who made the change');
      assertEqual(field(update.before, 'title'), post.title, 'before holds the old title');
      assertEqual(field(update.after, 'title'), `Audited again [${context.runTag}]`, 'after holds the new title');
      assertEqual(create.before, null, 'a creation has no before');
      const ofSuggestion = await collectPages('list the suggestion’s audit entries', (query) =>
        list({ ...query, targetId: suggestion.id }),
      );
      assertEqual(
        ofSuggestion.map((entry) => [entry.action, field(entry.before, 'status'), field(entry.after, 'status')]),
        [['suggestion.reject', 'pending', 'rejected']],
        'the review is recorded with the status before and after',
      );
    },
  },
  {
    id: 'privacy.audit-filters',
    group: 'privacy',
    name: 'the audit log filters by actor, action prefix and dates, and pages newest first',
    async run(context) {
      const list = auditOf(context);
      const post = await context.createPost();
      await step('archive the post as admin', () => context.admin.admin.archivePost(post.id));
      const byAdmin = await collectPages('list the admin’s post entries', (query) =>
        list({ ...query, limit: 2, actor: context.adminMe.id, action: 'post.' }),
      );
      assert(byAdmin.length >= 2, 'the admin’s post entries are listed', 'at least 2', byAdmin.length);
      assert(
        byAdmin.every((entry) => entry.actor.id === context.adminMe.id && entry.action.startsWith('post.')),
        'every entry matches the actor and the action prefix',
        'only matching entries',
        byAdmin.map((entry) => `${entry.actor.id} ${entry.action}`),
      );
      assertEqual(new Set(byAdmin.map((entry) => entry.id)).size, byAdmin.length, 'no entry appears on two pages');
      const times = byAdmin.map((entry) => entry.at);
      assertEqual(times, [...times].sort().reverse(), 'entries come newest first');
      const old = await step('list entries up to 2000-01-01', () => list({ to: '2000-01-01' }));
      assertEqual(old.items.length, 0, 'a window before the program holds nothing');
    },
  },
  {
    id: 'privacy.export-own-data',
    group: 'privacy',
    name: 'a person’s data export holds their profile, shares and suggestions, and nothing of anyone else',
    async run(context) {
      const exportMine = context.employee.getMyExport?.bind(context.employee);
      if (!exportMine) return context.skip('the backend has no personal data export (getMyExport)');
      const post = await context.createPost();
      const words = `mine-${context.unique('words')}`;
      const theirs = `theirs-${context.unique('words')}`;
      await step('share as the employee', () =>
        context.employee.createShare({ postId: post.id, network: 'linkedin', commentary: words, idempotencyKey: context.unique('share') }),
      );
      await step('share as the other employee', () =>
        context.otherEmployee.createShare({
          postId: post.id,
          network: 'linkedin',
          commentary: theirs,
          idempotencyKey: context.unique('share'),
        }),
      );
      const suggestion = await suggest(context);
      const data = await step('export my data', exportMine);
      assertEqual(data.employee.id, context.me.id, 'the export is of the signed-in employee');
      assert(
        // The stored text starts with the employee's words; a backend may add its disclosure and hashtags.
        data.shares.some((share) => share.commentary.startsWith(words)),
        'the export holds the employee’s share and its words',
        words,
        data.shares.map((share) => share.commentary),
      );
      assert(
        data.suggestions.some((item) => item.id === suggestion.id),
        'the export holds the employee’s suggestion',
        suggestion.id,
        data.suggestions.map((item) => item.id),
      );
      const text = JSON.stringify(data);
      for (const other of [context.other.id, theirs]) {
        assert(!text.includes(other), 'the export holds nothing of the other employee', `no "${other}"`, 'found');
      }
      const byAdmin = context.admin.admin.exportEmployee?.bind(context.admin.admin);
      if (byAdmin) {
        const same = await step('export the employee’s data as admin', () => byAdmin(context.me.id));
        assertEqual(same.employee.id, context.me.id, 'the admin’s export is of the asked person');
      }
    },
  },
  {
    id: 'privacy.erasure-keeps-totals',
    group: 'privacy',
    name: 'erasing a person removes their name and words, keeps every total, and is idempotent',
    async run(context) {
      const factory = context.target.erasable;
      const erase = context.admin.admin.eraseEmployee?.bind(context.admin.admin);
      if (!factory || !erase) return context.skip('no erasable employee in the target, or no admin.eraseEmployee');
      const person = await step('create the erasable employee backend', async () => factory());
      const me = await step('getMe as the erasable employee', () => person.getMe());
      await step('accept the policy as the erasable employee', () => person.acceptPolicy());
      const post = await context.createPost();
      const words = `erase-me-${context.unique('words')}`;
      const share = await step('share as the erasable employee', () =>
        person.createShare({ postId: post.id, network: 'linkedin', commentary: words, idempotencyKey: context.unique('share') }),
      );
      const visit = context.target.visitTrackingUrl;
      if (visit) await step('visit the tracking URL', () => visit(share.trackingUrl, HUMAN_USER_AGENT));
      const window = { from: '2000-01-01', to: new Date(Date.now() + 86_400_000).toISOString() };
      const metrics = async () =>
        (await collectPages('find the post as admin', (query) => context.admin.admin.listPosts({ ...query, q: post.title }))).find(
          (item) => item.id === post.id,
        )?.metrics;
      // Clicks may be stored a moment later (in batches): wait until the visit is counted.
      const metricsBefore = visit ? await eventually(metrics, (found) => (found?.clicks ?? 0) >= 1) : await metrics();
      const before = totals(await step('read analytics before', () => context.admin.admin.getAnalytics(window)));

      const erased = await step('erase the employee as admin', () => erase(me.id));
      assertEqual(erased.alreadyErased, false, 'the first erasure erases');
      assert(erased.employeeId !== me.id, 'the person gets a pseudonym', 'a new id', erased.employeeId);
      assertEqual(totals(await step('read analytics after', () => context.admin.admin.getAnalytics(window))), before, 'analytics totals');
      assertEqual(await metrics(), metricsBefore, 'the post’s metrics');
      const exporter = context.admin.admin.exportEmployee?.bind(context.admin.admin);
      if (exporter) {
        const data = await step('export the erased person as admin', () => exporter(erased.employeeId));
        assert(data.employee.displayName !== me.displayName, 'the name is gone', 'another name', data.employee.displayName);
        assert(!JSON.stringify(data).includes(words), 'the share’s words are gone', `no "${words}"`, 'found');
        assertEqual(data.shares.length >= 1, true, 'the share itself stays');
      }
      if (visit) {
        const destination = await step('visit the tracking URL after erasure', () => visit(share.trackingUrl, HUMAN_USER_AGENT));
        assert(destination !== null, 'the tracking link still redirects', 'a redirect', destination);
      }
      const again = await step('erase the same person again', () => erase(me.id));
      assertEqual(again, { ...erased, alreadyErased: true }, 'erasing again answers with the first erasure');
      const list = context.admin.admin.listAudit?.bind(context.admin.admin);
      if (list) {
        const entries = await step('list the erasure’s audit entries', () =>
          list({ action: 'employee.erase', targetId: erased.employeeId }),
        );
        assertEqual(entries.items.length, 1, 'one audit entry for the erasure');
        assert(
          !JSON.stringify(entries.items[0]!.before ?? null).includes(me.displayName),
          'the entry keeps no personal data',
          'no name',
          entries.items[0]!.before,
        );
      }
    },
  },
];
