import { PERIODS, type AdvocacyAdminBackend, type AdminEmployee } from '@advocacy-kit/core/backend';
import { assert, assertEqual, eventually, expectError, step } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import { collectPages } from './pages.js';
import { HUMAN_USER_AGENT } from './share.js';

type PeopleAdmin = Required<
  Pick<
    AdvocacyAdminBackend,
    | 'listTopics'
    | 'createTopic'
    | 'updateTopic'
    | 'listTeams'
    | 'createTeam'
    | 'updateTeam'
    | 'listEmployees'
    | 'updateEmployee'
    | 'deactivateEmployee'
    | 'reactivateEmployee'
  >
>;

/** The admin's people methods, or a skip when the backend has none. */
function peopleAdmin(context: CheckContext): PeopleAdmin {
  const admin = context.admin.admin;
  if (admin.createTopic === undefined || admin.listEmployees === undefined || admin.deactivateEmployee === undefined) {
    return context.skip('the backend has no topics, teams and directory admin (createTopic, listEmployees, deactivateEmployee)');
  }
  return admin as PeopleAdmin;
}

/** An id the contract takes (a lower-case slug) and no other run has. */
const slug = (context: CheckContext, label: string) =>
  context
    .unique(label)
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-')
    .slice(0, 63);

async function directoryRow(people: PeopleAdmin, id: string): Promise<AdminEmployee | undefined> {
  const rows = await collectPages(`search the directory for ${id}`, (query) => people.listEmployees({ ...query, q: id }));
  return rows.find((row) => row.id === id);
}

export const peopleChecks: Check[] = [
  {
    id: 'people.topics',
    group: 'people',
    name: 'an admin creates, renames, reorders and archives a topic; employees stop seeing it, admins keep it',
    async run(context) {
      const people = peopleAdmin(context);
      const id = slug(context, 'topic');
      const created = await step('create a topic', () => people.createTopic({ id, names: { en: 'Contract topic', ja: '契約トピック' } }));
      assertEqual(
        { id: created.id, names: created.names, archivedAt: created.archivedAt },
        { id, names: { en: 'Contract topic', ja: '契約トピック' }, archivedAt: null },
        'the created topic has its id and names',
      );
      try {
        const listed = await step('list topics as the employee', () => context.employee.listTopics());
        assert(
          listed.some((topic) => topic.id === id),
          'the new topic is in the employee list',
          id,
          listed.map((t) => t.id),
        );
        await expectError('create a topic with the same id', 'conflict', () => people.createTopic({ id, names: { en: 'Again' } }));
        await expectError('create a topic without names', 'validation', () => people.createTopic({ names: {} }));

        const renamed = await step('rename and reorder the topic', () =>
          people.updateTopic(id, { names: { en: 'Renamed topic' }, position: 7 }),
        );
        assertEqual(
          { names: renamed.names, position: renamed.position },
          { names: { en: 'Renamed topic' }, position: 7 },
          'rename and reorder stick',
        );
        const archived = await step('archive the topic', () => people.updateTopic(id, { archived: true }));
        assert(archived.archivedAt !== null, 'the archived topic has an archive time', 'a time', archived.archivedAt);
        const after = await step('list topics as the employee', () => context.employee.listTopics());
        assert(
          !after.some((topic) => topic.id === id),
          'the archived topic leaves the employee list',
          `no ${id}`,
          after.map((t) => t.id),
        );
        const all = await step('list topics as the admin', () => people.listTopics());
        assert(
          all.some((topic) => topic.id === id && topic.archivedAt !== null),
          'admins still list the archived topic',
          id,
          all.map((t) => t.id),
        );
        await expectError('an employee creates a topic', 'forbidden', () => context.employee.admin.createTopic!({ names: { en: 'Mine' } }));
      } finally {
        await people.updateTopic(id, { archived: true }).catch(() => undefined);
      }
    },
  },
  {
    id: 'people.teams',
    group: 'people',
    name: 'an admin creates, renames and archives a team; archived teams leave the employee list and take no one in',
    async run(context) {
      const people = peopleAdmin(context);
      const id = slug(context, 'team');
      const created = await step('create a team', () => people.createTeam({ id, names: { en: 'Contract team' } }));
      assertEqual(
        { id: created.id, name: created.name, archivedAt: created.archivedAt },
        { id, name: 'Contract team', archivedAt: null },
        'the created team',
      );
      try {
        const listed = await step('list teams as the employee', () => context.employee.listTeams());
        assert(
          listed.some((team) => team.id === id),
          'the new team is in the employee list',
          id,
          listed.map((t) => t.id),
        );
        const renamed = await step('rename the team', () => people.updateTeam(id, { names: { en: 'Renamed team', ja: '改名チーム' } }));
        assertEqual(
          { name: renamed.name, names: renamed.names },
          { name: 'Renamed team', names: { en: 'Renamed team', ja: '改名チーム' } },
          'the rename sticks',
        );
        await step('archive the team', () => people.updateTeam(id, { archived: true }));
        const after = await step('list teams as the employee', () => context.employee.listTeams());
        assert(
          !after.some((team) => team.id === id),
          'the archived team leaves the employee list',
          `no ${id}`,
          after.map((t) => t.id),
        );
        const error = await expectError('move the other employee into the archived team', 'validation', () =>
          people.updateEmployee(context.other.id, { team: id }),
        );
        assert(
          (error.fieldErrors ?? []).some((e) => e.field === 'team'),
          'the refusal names the team field',
          'a field error on team',
          error.fieldErrors,
        );
        const all = await step('list teams as the admin', () => people.listTeams());
        assert(
          all.some((team) => team.id === id && team.archivedAt !== null),
          'admins still list the archived team',
          id,
          all.map((t) => t.id),
        );
      } finally {
        await people.updateTeam(id, { archived: true }).catch(() => undefined);
      }
    },
  },
  {
    id: 'people.directory',
    group: 'people',
    name: 'the directory finds an employee by id and name, filters by team and role, and pages by name',
    async run(context) {
      const people = peopleAdmin(context);
      const other = await step('find the other employee', () => directoryRow(people, context.other.id));
      assert(other !== undefined, 'the other employee is found by id', context.other.id, other);
      assertEqual(
        { id: other.id, displayName: other.displayName, team: other.team, role: other.role, status: other.status },
        { id: context.other.id, displayName: context.other.displayName, team: context.other.team, role: 'employee', status: 'active' },
        'the directory row shows who they are',
      );
      const byName = await collectPages('search by name', (query) =>
        people.listEmployees({ ...query, q: context.other.displayName.toUpperCase() }),
      );
      assert(
        byName.some((row) => row.id === other.id),
        'a case-insensitive name search finds them',
        other.id,
        byName.map((r) => r.id),
      );
      const team = await collectPages('filter by team', (query) => people.listEmployees({ ...query, team: other.team }));
      assert(
        team.length > 0 && team.every((row) => row.team === other.team),
        'the team filter keeps only that team',
        other.team,
        team.map((r) => r.team),
      );
      const admins = await collectPages('filter admins', (query) => people.listEmployees({ ...query, role: 'admin' }));
      assert(
        admins.some((row) => row.id === context.adminMe.id),
        'the role filter finds the admin',
        context.adminMe.id,
        admins.map((r) => r.id),
      );
      assert(
        admins.every((row) => row.role === 'admin'),
        'the role filter keeps only admins',
        'admin',
        admins.map((r) => r.role),
      );
      const seen: AdminEmployee[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 50; page++) {
        const result = await step('page through the directory', () => people.listEmployees({ limit: 2, ...(cursor ? { cursor } : {}) }));
        seen.push(...result.items);
        cursor = result.nextCursor;
        if (cursor === null) break;
      }
      const ids = seen.map((row) => row.id);
      assertEqual(new Set(ids).size, ids.length, 'no employee appears on two pages');
      const names = seen.map((row) => row.displayName);
      assertEqual(
        names,
        [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        'the directory is sorted by name',
      );
      await expectError('an employee lists the directory', 'forbidden', () => context.employee.admin.listEmployees!());
    },
  },
  {
    id: 'people.role-team',
    group: 'people',
    name: "an admin changes an employee's team and role; not their own role, and they can't deactivate themselves",
    async run(context) {
      const people = peopleAdmin(context);
      const { other, me } = context;
      if (other.team === me.team) return context.skip('the two employees are in the same team');
      try {
        const moved = await step("move the other employee to the employee's team", () =>
          people.updateEmployee(other.id, { team: me.team }),
        );
        assertEqual({ team: moved.team, teamName: moved.teamName }, { team: me.team, teamName: me.teamName }, 'the team change sticks');
        const promoted = await step('make the other employee an admin', () => people.updateEmployee(other.id, { role: 'admin' }));
        assertEqual(promoted.role, 'admin', 'the role change sticks');
        const row = await step('find them in the directory', () => directoryRow(people, other.id));
        assertEqual({ team: row?.team, role: row?.role }, { team: me.team, role: 'admin' }, 'the directory shows the new team and role');
      } finally {
        await people.updateEmployee(other.id, { team: other.team, role: 'employee' }).catch(() => undefined);
      }
      const back = await step('find them in the directory', () => directoryRow(people, other.id));
      assertEqual(
        { team: back?.team, role: back?.role },
        { team: other.team, role: 'employee' },
        'they are back in their team, an employee',
      );
      await expectError('the admin changes their own role', 'conflict', () =>
        people.updateEmployee(context.adminMe.id, { role: 'employee' }),
      );
      await expectError('the admin deactivates themselves', 'conflict', () => people.deactivateEmployee(context.adminMe.id));
      await expectError('an employee deactivates the other employee', 'forbidden', () =>
        context.employee.admin.deactivateEmployee!(other.id),
      );
    },
  },
  {
    id: 'people.deactivation',
    group: 'people',
    name: 'a deactivated employee is refused, leaves every leaderboard, and earns nothing from clicks on links that still redirect',
    async run(context) {
      const people = peopleAdmin(context);
      const { other } = context;
      const post = await context.createPost();
      const share = await step('the other employee shares a post', () =>
        context.otherEmployee.createShare({
          postId: post.id,
          network: 'linkedin',
          commentary: 'Leaving soon.',
          idempotencyKey: context.unique('share'),
        }),
      );
      const before = await step("read the other employee's points", () => context.otherEmployee.getMyStats('all'));
      try {
        const deactivated = await step('deactivate the other employee', () => people.deactivateEmployee(other.id));
        assertEqual(deactivated.status, 'deactivated', 'the directory shows them deactivated');
        assert(deactivated.deactivatedAt !== null, 'with the time of deactivation', 'a time', deactivated.deactivatedAt);
        const refused = await expectError("the deactivated employee's calls are refused", 'forbidden', () => context.otherEmployee.getMe());
        if (context.target.http) assertEqual(refused.status, 403, 'with status 403');
        await expectError('the deactivated employee cannot share', 'forbidden', () =>
          context.otherEmployee.createShare({
            postId: post.id,
            network: 'x',
            commentary: 'Again.',
            idempotencyKey: context.unique('share'),
          }),
        );
        for (const period of PERIODS) {
          const board = await step(`read the ${period} company leaderboard as the admin`, () =>
            context.admin.getLeaderboard({ period, scope: 'company', limit: 100 }),
          );
          assert(
            !board.entries.some((entry) => entry.employeeId === other.id),
            `the deactivated employee is off the ${period} leaderboard`,
            `no ${other.id}`,
            board.entries.map((e) => e.employeeId),
          );
        }
        const deactivatedOnly = await collectPages('filter deactivated', (query) =>
          people.listEmployees({ ...query, status: 'deactivated' }),
        );
        assert(
          deactivatedOnly.some((row) => row.id === other.id),
          'the status filter finds them',
          other.id,
          deactivatedOnly.map((r) => r.id),
        );
        const visit = context.target.visitTrackingUrl;
        if (visit) {
          const destination = await step("visit the leaver's tracking link", () => visit(share.trackingUrl, HUMAN_USER_AGENT));
          assert(destination !== null, "the leaver's link keeps redirecting", 'a destination', destination);
          const metrics = async () => {
            const listed = await collectPages('search the post as admin', (query) =>
              context.admin.admin.listPosts({ ...query, q: post.title }),
            );
            return listed.find((item) => item.id === post.id)?.metrics.clicks ?? 0;
          };
          assertEqual(await eventually(metrics, (clicks) => clicks >= 1), 1, 'the click counts for the post');
        }
      } finally {
        await people.reactivateEmployee(other.id).catch(() => undefined);
      }
      const after = await step("read the other employee's points after reactivation", () => context.otherEmployee.getMyStats('all'));
      assertEqual(after.points, before.points, 'clicks while deactivated earned the leaver no points');
      const back = await step('read the all-time leaderboard', () =>
        context.admin.getLeaderboard({ period: 'all', scope: 'company', limit: 100 }),
      );
      if (before.points > 0 && back.participants <= 100)
        assert(
          back.entries.some((e) => e.employeeId === other.id),
          'reactivated, they are back on the leaderboard',
          other.id,
          back.entries.map((e) => e.employeeId),
        );
    },
  },
];
