import { problemSlug, type AdvocacyBackend, type AdvocacyError } from '@advocacy-kit/core/backend';
import { countText, composeShareText } from '@advocacy-kit/core/share';
import { assert, assertEqual, CheckFailure, expectError, show, step } from '../assert.js';
import type { Check, CheckContext } from '../check.js';

/** Skips the check unless the backend has the policy and compliance operations. */
function requireCompliance(context: CheckContext) {
  const { admin } = context.admin;
  const employee = context.employee;
  if (
    !employee.getCompliance ||
    !admin.savePolicyDraft ||
    !admin.publishPolicy ||
    !admin.createBlockedTerm ||
    !admin.deleteBlockedTerm ||
    !admin.updateDisclosures
  ) {
    context.skip('the backend has no policy and compliance operations (getCompliance, admin.savePolicyDraft, …)');
  }
  return { employee: employee as Required<AdvocacyBackend>, admin: admin as Required<AdvocacyBackend['admin']> };
}

function assertSlug(error: AdvocacyError, slug: string, what: string): void {
  if (problemSlug(error) !== slug)
    throw new CheckFailure(what, `the problem type …/problems/${slug}`, show(error.problem ?? error.message));
}

async function publishVersion(context: CheckContext, admin: Required<AdvocacyBackend['admin']>, label: string) {
  await step(`save a policy draft (${label})`, () =>
    admin.savePolicyDraft({ en: `Contract policy ${label} [${context.runTag}]\n\nSpeak for yourself.`, ja: `規程 ${label}` }),
  );
  const published = await step(`publish the policy (${label})`, () => admin.publishPolicy());
  assertEqual(published.status, 'published', 'the published version reads as published');
  return published;
}

/** Shares a fresh post as the employee; the outcome is the share or the error. */
async function shareFresh(context: CheckContext, label: string, commentary = 'Worth a read.') {
  const post = await context.createPost();
  return context.employee.createShare({ postId: post.id, network: 'linkedin', commentary, idempotencyKey: context.unique(label) });
}

export const policyChecks: Check[] = [
  {
    id: 'policy.acceptance-required',
    group: 'policy',
    name: 'a published policy version must be accepted before sharing, and a new version asks again',
    async run(context) {
      const { employee, admin } = requireCompliance(context);
      try {
        const v1 = await publishVersion(context, admin, 'v1');
        const current = await step('read the compliance rules', () => employee.getCompliance());
        assertEqual(current.policy?.version, v1.version, 'getCompliance names the version just published');
        const refused = await expectError('share before accepting', 'forbidden', () => shareFresh(context, 'before-accept'));
        assertSlug(refused, 'policy_required', 'a share before accepting is refused with policy_required');
        await expectError('accept a version that is not the current one', 'conflict', () => employee.acceptPolicy(v1.version + 1));
        const accepted = await step('accept the current version', () => employee.acceptPolicy(v1.version));
        assertEqual(accepted.policyVersionAccepted, v1.version, 'policyVersionAccepted is the accepted version');
        assertEqual((await step('getMe', () => employee.getMe())).policyVersionAccepted, v1.version, 'getMe reports the accepted version');
        await step('share after accepting', () => shareFresh(context, 'after-accept'));
        const v2 = await publishVersion(context, admin, 'v2');
        assert(v2.version > v1.version, 'a new version has a higher number', `> ${v1.version}`, v2.version);
        const again = await expectError('share after a new version is published', 'forbidden', () => shareFresh(context, 'after-v2'));
        assertSlug(again, 'policy_required', 'a new version is refused with policy_required until accepted');
        const versions = await step('list the policy versions', () => admin.listPolicyVersions());
        const first = versions.find((version) => version.version === v1.version);
        assertEqual(first?.texts, v1.texts, 'a published version keeps its text');
      } finally {
        // Leave both employees able to share for the checks that follow.
        await context.employee.acceptPolicy();
        await context.otherEmployee.acceptPolicy();
      }
    },
  },
  {
    id: 'policy.blocked-terms',
    group: 'policy',
    name: 'a share with a blocked term (any case, full-width, or Japanese without spaces) is refused with the terms and reasons',
    async run(context) {
      const { admin } = requireCompliance(context);
      const tag = context
        .unique('term')
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(-10)
        .toLowerCase();
      const latin = await step('block a phrase', () =>
        admin.createBlockedTerm({ locale: 'en', term: `sure win ${tag}`, reason: 'No promises.' }),
      );
      const japanese = await step('block a Japanese phrase', () =>
        admin.createBlockedTerm({ locale: 'ja', term: `必ず儲かる${tag}`, reason: '約束はできません。' }),
      );
      try {
        await expectError('block the same phrase again', 'conflict', () =>
          admin.createBlockedTerm({ locale: 'en', term: `SURE WIN ${tag}`, reason: 'Again.' }),
        );
        const refused = await expectError('share with the phrase in capitals', 'validation', () =>
          shareFresh(context, 'blocked', `A SURE WIN ${tag.toUpperCase()} for all!`),
        );
        assertSlug(refused, 'blocked_terms', 'a blocked phrase is refused with blocked_terms');
        assertEqual(
          refused.problem?.blockedTerms?.map((found) => found.term),
          [latin.term],
          'the problem lists the blocked term found',
        );
        assert(
          refused.fieldErrors.some((error) => error.field === 'commentary'),
          'a field error names commentary',
          'commentary',
          refused.fieldErrors,
        );
        const ja = await expectError('share with the Japanese phrase inside a sentence', 'validation', () =>
          shareFresh(context, 'blocked-ja', `この製品は必ず儲かる${tag}です`),
        );
        assertEqual(ja.problem?.blockedTerms?.[0]?.reason, japanese.reason, 'the problem gives the reason of the Japanese term');
        await step('share words that only contain the phrase inside another word', () =>
          shareFresh(context, 'not-blocked', `ensure win ${tag}`),
        );
      } finally {
        await admin.deleteBlockedTerm(latin.id);
        await admin.deleteBlockedTerm(japanese.id);
      }
    },
  },
  {
    id: 'policy.disclosure',
    group: 'policy',
    name: "the disclosure and the post's hashtags are added to the stored text and counted in the network's limit",
    async run(context) {
      const { employee, admin } = requireCompliance(context);
      const before = (await step('read the disclosures', () => employee.getCompliance())).disclosures;
      const disclosure = '#contractemployee';
      const locale = context.me.locale;
      try {
        await step('set the disclosure', () => admin.updateDisclosures({ ...before, en: disclosure, [locale]: disclosure }));
        const post = await context.createPost({ hashtags: ['ContractTag'] });
        const share = await step('share without the disclosure in the words', () =>
          employee.createShare({
            postId: post.id,
            network: 'linkedin',
            commentary: 'Worth a read.',
            idempotencyKey: context.unique('disclosed'),
          }),
        );
        assert(share.commentary.startsWith('Worth a read.'), 'the words come first', 'Worth a read.…', share.commentary);
        assert(share.commentary.includes(disclosure), 'the stored text carries the disclosure', disclosure, share.commentary);
        assert(share.commentary.includes('#ContractTag'), "the stored text carries the post's hashtags", '#ContractTag', share.commentary);
        // 280 on X with the link counted as 23: words that fit alone, but not with the additions.
        const words = 'a'.repeat(280 - 24);
        assertEqual(countText('x', composeShareText(words, 'https://t.co/x')), 280, 'the words fit X alone');
        const long = await expectError('share to X words that fit only without the disclosure', 'validation', () =>
          employee.createShare({ postId: post.id, network: 'x', commentary: words, idempotencyKey: context.unique('too-long') }),
        );
        assert(
          long.fieldErrors.some((error) => error.field === 'commentary'),
          'the refusal names commentary',
          'commentary',
          long.fieldErrors,
        );
      } finally {
        await admin.updateDisclosures(before);
      }
    },
  },
];
