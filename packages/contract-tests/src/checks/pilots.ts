import type { AdvocacyBackend, EnrollmentMode, Goal, GoalInput, InvitationDecision, Membership } from '@advocacy-kit/core/backend';
import { assert, assertEqual, eventually, expectError, step } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import { collectPages } from './pages.js';

/*
 * Pilots: enrollment, invitations, membership and goals. Every check leaves the program as it
 * found it: the enrollment mode is restored and both employees end joined.
 */

const DAY = 86_400_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The admin and employee methods the checks need, or a skip. */
function pilots(context: CheckContext) {
  const admin = context.admin.admin;
  const { listMembers, invite, getEnrollment, setEnrollment } = admin;
  if (
    !listMembers ||
    !invite ||
    !getEnrollment ||
    !setEnrollment ||
    !context.employee.respondToInvitation ||
    !context.employee.getMyMembership
  ) {
    context.skip('the backend has no program membership (getMyMembership, respondToInvitation, admin.invite, admin.listMembers)');
  }
  return {
    listMembers: listMembers.bind(admin),
    invite: invite.bind(admin),
    getEnrollment: getEnrollment.bind(admin),
    setEnrollment: setEnrollment.bind(admin),
  };
}

const answer = (backend: AdvocacyBackend, who: string, decision: InvitationDecision): Promise<Membership> =>
  step(`${decision} as ${who}`, () => backend.respondToInvitation!(decision));
const membershipOf = (backend: AdvocacyBackend, who: string): Promise<Membership> =>
  step(`read the membership of ${who}`, () => backend.getMyMembership!());

/** Runs `body` in an enrollment mode, then puts back the mode the program had. */
async function inMode(context: CheckContext, mode: EnrollmentMode, body: () => Promise<void>): Promise<void> {
  const api = pilots(context);
  const before = await step('read the enrollment mode', () => api.getEnrollment());
  if (before.enrollment !== mode) await step(`set the enrollment to ${mode}`, () => api.setEnrollment(mode));
  try {
    await body();
  } finally {
    if (before.enrollment !== mode)
      await step(`set the enrollment back to ${before.enrollment}`, () => api.setEnrollment(before.enrollment));
  }
}

/** Both employees end as they started every check: joined. */
async function bothJoin(context: CheckContext): Promise<void> {
  await answer(context.employee, 'the employee', 'accept');
  await answer(context.otherEmployee, 'the other employee', 'accept');
}

async function memberIds(context: CheckContext, state: Parameters<NonNullable<AdvocacyBackend['admin']['listMembers']>>[0]) {
  const api = pilots(context);
  const items = await collectPages(`list members ${JSON.stringify(state)}`, (query) => api.listMembers({ ...state, ...query }));
  return items;
}

export const pilotChecks: Check[] = [
  {
    id: 'pilots.invite-person',
    group: 'pilots',
    name: 'an invited employee sees the invitation, accepts or declines it, and the member list shows each state',
    async run(context) {
      const api = pilots(context);
      const { other, otherEmployee } = context;
      await inMode(context, 'open', async () => {
        try {
          const declined = await answer(otherEmployee, 'the other employee', 'decline');
          assertEqual(
            { state: declined.state, member: declined.member },
            { state: 'declined', member: false },
            'a declined employee is no member',
          );
          const invited = await step('invite the other employee', () => api.invite({ employeeIds: [other.id] }));
          assert(invited.invited.includes(other.id), 'someone who declined is invited again', other.id, invited);
          const seen = await membershipOf(otherEmployee, 'the other employee');
          assertEqual(seen.state, 'invited', 'the employee sees the invitation');
          assert(seen.invitedAt !== null, 'the invitation has its time', 'a time', seen.invitedAt);
          const pending = await memberIds(context, { state: 'invited', team: other.team });
          assert(
            pending.some((m) => m.employeeId === other.id),
            'the member list filtered by invited shows them',
            other.id,
            pending.map((m) => m.employeeId),
          );
          const notJoined = await memberIds(context, { state: 'not_joined' });
          assert(
            notJoined.some((m) => m.employeeId === other.id),
            'not_joined lists the invited',
            other.id,
            notJoined.map((m) => m.employeeId),
          );
          const accepted = await answer(otherEmployee, 'the other employee', 'accept');
          assertEqual({ state: accepted.state, member: accepted.member }, { state: 'joined', member: true }, 'accepting joins the program');
          const joined = await memberIds(context, { state: 'joined', team: other.team });
          const row = joined.find((m) => m.employeeId === other.id);
          assert(row !== undefined && row.respondedAt !== null, 'the member list filtered by joined shows them, answered', other.id, row);
          const stillNotJoined = await memberIds(context, { state: 'not_joined' });
          assert(
            !stillNotJoined.some((m) => m.employeeId === other.id),
            'not_joined no longer lists them',
            `no ${other.id}`,
            stillNotJoined.map((m) => m.employeeId),
          );
          const again = await step('invite the joined employee again', () => api.invite({ employeeIds: [other.id] }));
          assert(
            again.unchanged.includes(other.id) && !again.invited.includes(other.id),
            'a joined member stays joined',
            'unchanged',
            again,
          );
          assertEqual((await membershipOf(otherEmployee, 'the other employee')).state, 'joined', 'still joined after a second invitation');
        } finally {
          await bothJoin(context);
        }
      });
    },
  },
  {
    id: 'pilots.invite-team',
    group: 'pilots',
    name: "a team invitation invites the team's current members who had not joined and leaves joined members joined",
    async run(context) {
      const api = pilots(context);
      const { me, other } = context;
      await inMode(context, 'open', async () => {
        try {
          await answer(context.employee, 'the employee', 'accept');
          await answer(context.otherEmployee, 'the other employee', 'decline');
          const teams = [...new Set([me.team, other.team])];
          const result = await step(`invite the teams ${teams.join(', ')}`, () => api.invite({ teams }));
          assert(result.invited.includes(other.id), "the team's member who had declined is invited", other.id, result);
          assert(result.unchanged.includes(me.id) && !result.invited.includes(me.id), 'a joined member is left as they are', me.id, result);
          const seen = await membershipOf(context.otherEmployee, 'the other employee');
          assertEqual(seen.state, 'invited', 'the team member sees the invitation');
          const listed = (await memberIds(context, { team: other.team, state: 'invited' })).find((m) => m.employeeId === other.id);
          assertEqual(listed?.invitedVia ?? null, other.team, 'the member list says which team invited them');
          const declined = await answer(context.otherEmployee, 'the other employee', 'decline');
          assertEqual(declined.state, 'declined', 'a team member can decline');
        } finally {
          await bothJoin(context);
        }
      });
    },
  },
  {
    id: 'pilots.share-refused',
    group: 'pilots',
    name: "a non-member's share is refused with forbidden (declined in open enrollment; not joined in invitation enrollment)",
    async run(context) {
      pilots(context);
      const post = await context.createPost();
      const share = () =>
        context.otherEmployee.createShare({
          postId: post.id,
          network: 'linkedin',
          commentary: '',
          idempotencyKey: context.unique('share'),
        });
      const refused = async (why: string) => {
        const error = await expectError(`share as ${why}`, 'forbidden', share);
        if (context.target.http) {
          assertEqual(error.problem?.type, 'https://advocacy-kit.dev/problems/not_a_member', 'the problem type is not_a_member');
        }
      };
      try {
        await inMode(context, 'open', async () => {
          await answer(context.otherEmployee, 'the other employee', 'decline');
          await refused('an employee who declined, in open enrollment');
        });
        await inMode(context, 'invitation', async () => {
          const seen = await membershipOf(context.otherEmployee, 'the other employee');
          assertEqual({ state: seen.state, member: seen.member }, { state: 'declined', member: false }, 'still declined, no member');
          await refused('an employee who declined, in invitation enrollment');
          await answer(context.otherEmployee, 'the other employee', 'accept');
          const shared = await step('share as the same employee once joined', share);
          assertEqual(shared.employeeId, context.other.id, 'a joined member shares');
        });
      } finally {
        await bothJoin(context);
      }
    },
  },
  {
    id: 'pilots.participation',
    group: 'pilots',
    name: 'participation and top advocates count only members who take part now: a declined employee drops out of both',
    async run(context) {
      pilots(context);
      const { other } = context;
      await inMode(context, 'open', async () => {
        try {
          await bothJoin(context);
          const post = await context.createPost();
          const share = await step('share as the other employee', () =>
            context.otherEmployee.createShare({ postId: post.id, network: 'x', commentary: '', idempotencyKey: context.unique('share') }),
          );
          const window = { from: share.createdAt, to: share.createdAt };
          const analytics = () => step('read analytics at the instant of the share', () => context.admin.admin.getAnalytics(window));
          const members = async () => (await memberIds(context, {})).filter((m) => m.member).map((m) => m.employeeId);
          const joined = await analytics();
          assert(
            joined.topAdvocates.some((a) => a.employeeId === other.id),
            'a joined member who shared is a top advocate',
            other.id,
            joined.topAdvocates,
          );
          assertEqual(joined.employees, (await members()).length, 'participation counts the members the member list marks as members');
          await answer(context.otherEmployee, 'the other employee', 'decline');
          const declined = await analytics();
          assertEqual(declined.employees, joined.employees - 1, 'someone who declined leaves the participation base');
          assertEqual(declined.activeAdvocates, joined.activeAdvocates - 1, 'and is no longer an active advocate');
          assert(
            !declined.topAdvocates.some((a) => a.employeeId === other.id),
            'and no longer a top advocate',
            `no ${other.id}`,
            declined.topAdvocates,
          );
          assertEqual(declined.employees, (await members()).length, 'the base still matches the member list');
          await inMode(context, 'invitation', async () => {
            const strict = await analytics();
            assertEqual(strict.employees, (await members()).length, 'in invitation enrollment the base is the joined members');
          });
        } finally {
          await bothJoin(context);
        }
      });
    },
  },
  {
    id: 'pilots.goals',
    group: 'pilots',
    name: 'a goal shows its current value, the linear pace expected today and whether it is on track, behind, achieved, missed or upcoming',
    async run(context) {
      const admin = context.admin.admin;
      if (!admin.listGoals || !admin.createGoal || !admin.updateGoal || !admin.deleteGoal) {
        return context.skip('the backend has no goals (admin.listGoals, createGoal, updateGoal, deleteGoal)');
      }
      const listGoals = admin.listGoals.bind(admin);
      const createGoal = admin.createGoal.bind(admin);
      const updateGoal = admin.updateGoal.bind(admin);
      const deleteGoal = admin.deleteGoal.bind(admin);
      const created: string[] = [];
      const create = async (input: Omit<GoalInput, 'title'>) => {
        const goal = await step(`create a ${input.metric} goal ${input.from}–${input.to}`, () =>
          createGoal({ title: `Contract goal [${context.runTag}]`, ...input }),
        );
        created.push(goal.id);
        return goal;
      };
      const update = (goal: Goal, patch: Parameters<typeof updateGoal>[1]) =>
        step(`update goal ${goal.id} ${JSON.stringify(patch)}`, () => updateGoal(goal.id, patch));
      try {
        const now = Date.now();
        const today = utcDay(now);
        const inTenDays = { from: today, to: utcDay(now + 9 * DAY) };
        const big = 1_000_000;
        const company = await create({ metric: 'shares', target: big, ...inTenDays });
        assertEqual(
          { elapsedDays: company.progress.elapsedDays, totalDays: company.progress.totalDays, expected: company.progress.expected },
          { elapsedDays: 1, totalDays: 10, expected: big / 10 },
          'a ten-day goal on its first day expects a tenth of its target',
        );
        assertEqual(company.progress.status, 'behind', 'below the pace is behind');
        const team = await create({ metric: 'shares', target: big, ...inTenDays, team: context.me.team });
        const c0 = company.progress.current;
        const t0 = team.progress.current;
        const post = await context.createPost();
        await step('share as the employee', () =>
          context.employee.createShare({ postId: post.id, network: 'linkedin', commentary: '', idempotencyKey: context.unique('share') }),
        );
        const read = async (id: string) => (await step('list goals', () => listGoals())).find((g) => g.id === id);
        const after = await eventually(
          () => read(company.id),
          (g) => (g?.progress.current ?? 0) >= c0 + 1,
        );
        assertEqual(after?.progress.current, c0 + 1, 'the company goal counts the new share (nobody else shared meanwhile)');
        assertEqual((await read(team.id))?.progress.current, t0 + 1, "the sharer's team goal counts it too");
        assertEqual(after?.progress.series.at(-1), { date: today, value: c0 + 1 }, 'the series ends today at the current value');
        const c1 = c0 + 1;
        const onTrack = await update(company, { target: c1 + 1 });
        assertEqual(onTrack.progress.expected, (c1 + 1) / 10, 'expected follows the new target');
        assertEqual(onTrack.progress.status, 'on_track', 'at or above the pace and below the target is on track');
        assertEqual((await update(company, { target: c1 })).progress.status, 'achieved', 'reaching the target is achieved');
        const behind = await update(company, { target: 10 * (c1 + 10) });
        assertEqual(behind.progress.status, 'behind', 'below the pace is behind');
        const past = await create({ metric: 'conversions', target: 5, from: '2020-01-01', to: '2020-01-10' });
        assertEqual(
          {
            current: past.progress.current,
            expected: past.progress.expected,
            elapsedDays: past.progress.elapsedDays,
            status: past.progress.status,
          },
          { current: 0, expected: 5, elapsedDays: 10, status: 'missed' },
          'a goal that ended short is missed, with the whole target expected',
        );
        const future = await create({ metric: 'unique_clicks', target: 50, from: utcDay(now + 30 * DAY), to: utcDay(now + 59 * DAY) });
        assertEqual(
          {
            current: future.progress.current,
            expected: future.progress.expected,
            status: future.progress.status,
            series: future.progress.series,
          },
          { current: 0, expected: 0, status: 'upcoming', series: [] },
          'a goal that has not started is upcoming',
        );
        const participation = await create({ metric: 'participation', target: 0.5, ...inTenDays });
        assert(
          participation.progress.current >= 0 && participation.progress.current <= 1,
          'participation is a share of members',
          '0–1',
          participation.progress.current,
        );
        await expectError('a participation target above 1', 'validation', () =>
          createGoal({ title: 'Too much', metric: 'participation', target: 1.5, ...inTenDays }),
        );
        await expectError('a range that ends before it starts', 'validation', () =>
          createGoal({ title: 'Backwards', metric: 'shares', target: 5, from: inTenDays.to, to: inTenDays.from }),
        );
        const archived = await update(past, { archived: true });
        assertEqual(archived.archived, true, 'a goal can be archived');
        const listed = await step('list goals', () => listGoals());
        assert(
          !listed.some((g) => g.id === past.id),
          'archived goals leave the list',
          `no ${past.id}`,
          listed.map((g) => g.id),
        );
        const all = await step('list goals with archived ones', () => listGoals({ archived: true }));
        assert(
          all.some((g) => g.id === past.id),
          'and come back when asked for',
          past.id,
          all.map((g) => g.id),
        );
        await step('delete a goal', () => deleteGoal(future.id));
        created.splice(created.indexOf(future.id), 1);
        await expectError('update a deleted goal', 'not_found', () => updateGoal(future.id, { target: 1 }));
      } finally {
        for (const id of created) await step(`delete goal ${id}`, () => deleteGoal(id));
      }
    },
  },
  {
    id: 'pilots.admin-only',
    group: 'pilots',
    name: 'an employee can neither invite, change the enrollment, list members nor set goals',
    async run(context) {
      pilots(context);
      const own = context.employee.admin;
      await expectError('invite as an employee', 'forbidden', () => own.invite!({ employeeIds: [context.other.id] }));
      await expectError('set the enrollment as an employee', 'forbidden', () => own.setEnrollment!('invitation'));
      await expectError('list members as an employee', 'forbidden', () => own.listMembers!({}));
      if (own.createGoal) {
        const day = utcDay(Date.now());
        await expectError('create a goal as an employee', 'forbidden', () =>
          own.createGoal!({ title: 'Mine', metric: 'shares', target: 1, from: day, to: day }),
        );
      }
      assertEqual(
        (await membershipOf(context.otherEmployee, 'the other employee')).state,
        'joined',
        "the other employee's membership is untouched",
      );
    },
  },
];
