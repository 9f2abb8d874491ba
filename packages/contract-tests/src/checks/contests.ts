import type { AdvocacyAdminBackend } from '@advocacy-kit/core/backend';
import { assert, assertEqual, expectError, step } from '../assert.js';
import type { Check, CheckContext } from '../check.js';

type ContestsAdmin = Required<Pick<AdvocacyAdminBackend, 'createContest' | 'listContests' | 'updateContest' | 'cancelContest'>>;

function adminOf(context: CheckContext): ContestsAdmin {
  const admin = context.admin.admin;
  const { createContest, listContests, updateContest, cancelContest } = admin;
  if (!createContest || !listContests || !updateContest || !cancelContest) {
    return context.skip('the target has no contest administration (createContest, listContests, updateContest, cancelContest)');
  }
  return {
    createContest: (input) => createContest.call(admin, input),
    listContests: () => listContests.call(admin),
    updateContest: (id, patch) => updateContest.call(admin, id, patch),
    cancelContest: (id) => cancelContest.call(admin, id),
  };
}

const DAY = 86_400_000;

export const contestChecks: Check[] = [
  {
    id: 'contests.admin-lifecycle',
    group: 'contests',
    name: 'an admin creates, lists, edits and cancels a contest; employees no longer see a cancelled one',
    async run(context) {
      const admin = adminOf(context);
      const now = Date.now();
      const title = `Contract check contest [${context.runTag}]`;
      const created = await step('create a company contest that runs now', () =>
        admin.createContest({
          title,
          prize: 'A mug',
          scope: 'company',
          startsAt: new Date(now - DAY).toISOString(),
          endsAt: new Date(now + 7 * DAY).toISOString(),
        }),
      );
      assertEqual([created.title, created.prize, created.status], [title, 'A mug', 'active'], 'the created contest');
      const listed = (await step('list every contest as admin', () => admin.listContests())).find((c) => c.id === created.id);
      assertEqual(listed?.status, 'active', 'the admin list holds the new contest, running');

      const scheduled = await step('create a team contest that starts tomorrow', () =>
        admin.createContest({
          title: `${title} (team)`,
          prize: 'Lunch',
          scope: 'team',
          team: context.me.team,
          startsAt: new Date(now + DAY).toISOString(),
          endsAt: new Date(now + 2 * DAY).toISOString(),
        }),
      );
      assertEqual(scheduled.status, 'scheduled', 'a contest that starts tomorrow is scheduled');

      const edited = await step('edit the running contest: title, prize and a later end', () =>
        admin.updateContest(created.id, { title: `${title} edited`, prize: 'Two mugs', endsAt: new Date(now + 8 * DAY).toISOString() }),
      );
      assertEqual(
        [edited.title, edited.prize, Date.parse(edited.endsAt)],
        [`${title} edited`, 'Two mugs', now + 8 * DAY],
        'the edit is kept',
      );
      await expectError('a running contest keeps its start', 'validation', () =>
        admin.updateContest(created.id, { startsAt: new Date(now).toISOString() }),
      );
      await expectError('an end before the start', 'validation', () =>
        admin.updateContest(scheduled.id, { endsAt: new Date(now).toISOString() }),
      );
      const seen = await step('list contests as the employee', () => context.employee.listContests!());
      assert(
        seen.some((c) => c.id === created.id && c.prize === 'Two mugs'),
        'the employee sees the edited contest',
        'listed',
        seen.map((c) => c.id),
      );

      const cancelled = await step('cancel both contests', async () => {
        await admin.cancelContest(scheduled.id);
        return admin.cancelContest(created.id);
      });
      assertEqual(cancelled.status, 'cancelled', 'a cancelled contest says so');
      const after = (await step('list every contest as admin', () => admin.listContests())).filter(
        (c) => c.id === created.id || c.id === scheduled.id,
      );
      assertEqual(
        after.map((c) => c.status),
        ['cancelled', 'cancelled'],
        'the admin list keeps cancelled contests',
      );
      const gone = await step('list contests as the employee', () => context.employee.listContests!());
      assert(
        !gone.some((c) => c.id === created.id),
        'the employee no longer sees the cancelled contest',
        'not listed',
        gone.map((c) => c.id),
      );
      await expectError('cancel it again', 'conflict', () => admin.cancelContest(created.id));
      await expectError('edit a cancelled contest', 'conflict', () => admin.updateContest(created.id, { title: 'Again' }));
      await expectError('an unknown contest', 'not_found', () => admin.cancelContest('cst-no-such-contest'));
      await expectError('an employee creates a contest', 'forbidden', () =>
        context.employee.admin.createContest!({
          title,
          prize: 'x',
          scope: 'company',
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + DAY).toISOString(),
        }),
      );
      await expectError('an employee cancels a contest', 'forbidden', () => context.employee.admin.cancelContest!(scheduled.id));
    },
  },
  {
    id: 'contests.translations',
    group: 'contests',
    name: 'a contest keeps its title, description and prize per locale; employees get them, an edit replaces them, a blank one is refused',
    async run(context) {
      const admin = adminOf(context);
      const now = Date.now();
      const title = `Contract check translated contest [${context.runTag}]`;
      const created = await step('create a running contest with a Japanese title and prize', () =>
        admin.createContest({
          title,
          prize: 'A mug',
          scope: 'company',
          startsAt: new Date(now - DAY).toISOString(),
          endsAt: new Date(now + DAY).toISOString(),
          translations: { ja: { title: `翻訳されたコンテスト [${context.runTag}]`, prize: 'マグカップ' } },
        }),
      );
      try {
        assertEqual(created.translations?.ja?.prize, 'マグカップ', 'the created contest has its Japanese prize');
        const seen = (await step('list contests as the employee', () => context.employee.listContests!())).find((c) => c.id === created.id);
        assertEqual(
          [seen?.prize, seen?.translations?.ja?.title],
          ['A mug', `翻訳されたコンテスト [${context.runTag}]`],
          'the employee gets the default text and the translations',
        );
        const edited = await step('replace the translations', () =>
          admin.updateContest(created.id, { translations: { ja: { prize: '湯のみ' }, de: { prize: 'Ein Becher' } } }),
        );
        assertEqual(edited.translations, { ja: { prize: '湯のみ' }, de: { prize: 'Ein Becher' } }, 'an edit replaces every translation');
        await expectError('a blank translated prize', 'validation', () =>
          admin.updateContest(created.id, { translations: { ja: { prize: ' ' } } }),
        );
      } finally {
        await step('cancel the contest', () => admin.cancelContest(created.id));
      }
    },
  },
  {
    id: 'contests.final-standings',
    group: 'contests',
    name: 'an ended contest is final for employees: ranks shared on equal points, their own place among them, nothing after the end counted',
    async run(context) {
      const admin = adminOf(context);
      const now = Date.now();
      const created = await step('create a company contest that ended a minute ago', () =>
        admin.createContest({
          title: `Contract check ended contest [${context.runTag}]`,
          prize: 'A mug',
          scope: 'company',
          startsAt: new Date(now - 30 * DAY).toISOString(),
          endsAt: new Date(now - 60_000).toISOString(),
        }),
      );
      const read = async () => {
        const found = (await step('list contests as the employee', () => context.employee.listContests!())).find(
          (c) => c.id === created.id,
        );
        assert(found !== undefined, 'the employee sees a contest that ended recently', created.id, 'not listed');
        return found;
      };
      const first = await read();
      assertEqual([first.status, first.final], ['ended', true], 'an ended contest is final');
      first.entries.forEach((entry, i) => {
        const expected = i === 0 || entry.points !== first.entries[i - 1]!.points ? i + 1 : first.entries[i - 1]!.rank;
        assertEqual(entry.rank, expected, `equal points share a rank (entry ${i + 1})`);
      });
      const listedMe = first.entries.find((entry) => entry.employeeId === context.me.id);
      if (listedMe) assertEqual(first.me, listedMe, 'my own place is my entry in the standings');
      const award = context.admin.admin.adjustPoints;
      if (award) {
        await step('grant the employee points after the end', () =>
          award.call(context.admin.admin, { employeeId: context.me.id, delta: 5, reason: `Contract check [${context.runTag}]` }),
        );
      }
      const second = await read();
      assertEqual([second.entries, second.me], [first.entries, first.me], 'the final standings do not change afterwards');
    },
  },
];
