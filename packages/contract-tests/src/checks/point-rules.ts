import type { AdvocacyAdminBackend, AdvocacyBackend, PointRules, PointRulesVersionInput } from '@advocacy-kit/core/backend';
import { assert, assertEqual, expectError, step } from '../assert.js';
import type { Check, CheckContext } from '../check.js';

type PointRulesAdmin = Required<
  Pick<AdvocacyAdminBackend, 'listPointRules' | 'createPointRules' | 'updatePointRules' | 'deletePointRules'>
>;

function adminOf(context: CheckContext): PointRulesAdmin {
  const admin = context.admin.admin;
  const { listPointRules, createPointRules, updatePointRules, deletePointRules } = admin;
  if (!listPointRules || !createPointRules || !updatePointRules || !deletePointRules) {
    return context.skip(
      'the target has no point-rules administration (listPointRules, createPointRules, updatePointRules, deletePointRules)',
    );
  }
  return {
    listPointRules: () => listPointRules.call(admin),
    createPointRules: (input) => createPointRules.call(admin, input),
    updatePointRules: (id, patch) => updatePointRules.call(admin, id, patch),
    deletePointRules: (id) => deletePointRules.call(admin, id),
  };
}

function valuesOf(context: CheckContext, backend: AdvocacyBackend) {
  const { getPointValues } = backend;
  if (!getPointValues) return context.skip('the target does not tell employees the point values (getPointValues)');
  return () => getPointValues.call(backend);
}

/** Shares a new post of this run to `network`; resolves with the points it earned. */
async function shareNew(context: CheckContext, network: 'linkedin' | 'copy'): Promise<number> {
  const post = await step('create a post', () => context.createPost());
  const share = await step(`share it to ${network}`, () =>
    context.employee.createShare({ postId: post.id, network, commentary: '', idempotencyKey: context.unique(`rules-${network}`) }),
  );
  return share.pointsAwarded;
}

/**
 * Runs `body` and then puts back the rules that were in effect (a new version with the same
 * values), so the checks after it, and the target's own program, keep their point values.
 */
async function restoring(admin: PointRulesAdmin, context: CheckContext, body: () => Promise<void>): Promise<void> {
  const before = await step('list the point rules versions', () => admin.listPointRules());
  const current = before.items.find((version) => version.status === 'current');
  try {
    await body();
  } finally {
    const restore: PointRulesVersionInput = { rules: current?.rules ?? {}, note: `Contract check: rules restored [${context.runTag}]` };
    await step('put back the point rules that were in effect', () => admin.createPointRules(restore));
  }
}

export const pointRulesChecks: Check[] = [
  {
    id: 'point-rules.copy-earns-less',
    group: 'points',
    name: 'by default, a copied link earns fewer points than a share to LinkedIn, and employees can read both values',
    async run(context) {
      const values = await step('read the point values as the employee', valuesOf(context, context.employee));
      if (values.effectiveFrom !== null) context.skip('the target runs point rules an admin set, not its defaults');
      assert(
        values.shareByNetwork.copy < values.shareByNetwork.linkedin,
        'a copied link is worth less than a LinkedIn share',
        `copy < linkedin (${values.shareByNetwork.linkedin})`,
        values.shareByNetwork.copy,
      );
      const linkedin = await shareNew(context, 'linkedin');
      const copy = await shareNew(context, 'copy');
      assertEqual([linkedin, copy], [values.shareByNetwork.linkedin, values.shareByNetwork.copy], 'the shares earn what the values say');
    },
  },
  {
    id: 'point-rules.version-now',
    group: 'points',
    name: "a version of the point rules effective now changes the next share's award and the values employees read",
    async run(context) {
      const admin = adminOf(context);
      const read = valuesOf(context, context.employee);
      await restoring(admin, context, async () => {
        const before = await step('read the point values', read);
        const share = before.points.share + 7;
        const rules: PointRules = { points: { share }, networkWeights: { linkedin: 1, copy: 0.5 } };
        const created = await step('create a version effective now', () =>
          admin.createPointRules({ rules, note: `Contract check [${context.runTag}]` }),
        );
        assertEqual(created.status, 'current', 'a version effective now is current');
        assertEqual(await shareNew(context, 'linkedin'), share, 'the next LinkedIn share earns the new share points');
        assertEqual(await shareNew(context, 'copy'), Math.round(share * 0.5), 'a copied link earns the new weight');
        const after = await step('read the point values', read);
        assertEqual(
          [after.points.share, after.shareByNetwork.linkedin, after.effectiveFrom],
          [share, share, created.effectiveFrom],
          'the values employees read follow the version',
        );
        await expectError('edit a version in effect', 'conflict', () => admin.updatePointRules(created.id, { note: 'too late' }));
        await expectError('delete a version in effect', 'conflict', () => admin.deletePointRules(created.id));
      });
    },
  },
  {
    id: 'point-rules.scheduled',
    group: 'points',
    name: 'a version effective later changes nothing before its time, and can be edited and deleted until then',
    async run(context) {
      const admin = adminOf(context);
      const read = valuesOf(context, context.employee);
      const before = await step('read the point values', read);
      const later = new Date(Date.now() + 86_400_000).toISOString();
      const scheduled = await step('create a version effective tomorrow', () =>
        admin.createPointRules({
          rules: { points: { share: before.points.share + 11 } },
          effectiveFrom: later,
          note: `Contract check [${context.runTag}]`,
        }),
      );
      try {
        assertEqual([scheduled.status, Date.parse(scheduled.effectiveFrom)], ['scheduled', Date.parse(later)], 'the version is scheduled');
        assertEqual(await shareNew(context, 'linkedin'), before.shareByNetwork.linkedin, 'a share today earns the rules in effect today');
        assertEqual((await step('read the point values', read)).points.share, before.points.share, 'employees still read today’s values');
        const edited = await step('edit the scheduled version', () =>
          admin.updatePointRules(scheduled.id, { rules: { points: { share: 1 } } }),
        );
        assertEqual([edited.rules.points?.share, edited.status], [1, 'scheduled'], 'the edit is kept');
        const listed = await step('list the versions', () => admin.listPointRules());
        assert(
          listed.items.some((version) => version.id === scheduled.id && version.status === 'scheduled'),
          'the list holds the scheduled version',
          'listed as scheduled',
          listed.items.map((version) => [version.id, version.status]),
        );
      } finally {
        await step('delete the scheduled version', () => admin.deletePointRules(scheduled.id));
      }
      const after = await step('list the versions', () => admin.listPointRules());
      assert(
        !after.items.some((version) => version.id === scheduled.id),
        'a deleted version leaves the list',
        'not listed',
        after.items.length,
      );
    },
  },
  {
    id: 'point-rules.validation',
    group: 'points',
    name: 'invalid point values are refused with the field named, and employees cannot set the rules',
    async run(context) {
      const admin = adminOf(context);
      const negative = await expectError('a negative share value', 'validation', () =>
        admin.createPointRules({ rules: { points: { share: -1 } } }),
      );
      assert(
        (negative.fieldErrors ?? []).some((error) => error.field === 'rules.points.share'),
        'the field error names rules.points.share',
        'rules.points.share',
        negative.fieldErrors,
      );
      const weight = await expectError('a negative network weight', 'validation', () =>
        admin.createPointRules({ rules: { networkWeights: { copy: -1 } } }),
      );
      assert(
        (weight.fieldErrors ?? []).some((error) => error.field === 'rules.networkWeights.copy'),
        'the field error names rules.networkWeights.copy',
        'rules.networkWeights.copy',
        weight.fieldErrors,
      );
      await expectError('a version effective yesterday', 'validation', () =>
        admin.createPointRules({ rules: {}, effectiveFrom: new Date(Date.now() - 86_400_000).toISOString() }),
      );
      await expectError('an employee creates a version', 'forbidden', () =>
        context.employee.admin.createPointRules!({ rules: { points: { share: 1000 } } }),
      );
    },
  },
];
