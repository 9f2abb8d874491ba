import {
  isAdvocacyError,
  type AdvocacyAdminBackend,
  type AdvocacyBackend,
  type PointsBalance,
  type Reward,
  type RewardInput,
  type RewardRequest,
} from '@advocacy-kit/core/backend';
import { assert, assertEqual, expectError, step } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import { collectPages } from './pages.js';
import { ledger, newRows, stats } from './points.js';

type Rewards = Required<
  Pick<AdvocacyBackend, 'listRewards' | 'getMyPointsBalance' | 'requestReward' | 'listMyRewardRequests' | 'cancelRewardRequest'>
>;
type RewardsAdmin = Required<
  Pick<
    AdvocacyAdminBackend,
    'listRewards' | 'createReward' | 'updateReward' | 'listRewardRequests' | 'decideRewardRequest' | 'adjustPoints'
  >
>;

/** The rewards methods of a backend; the check is skipped when the target has none. */
export function rewardsOf(context: CheckContext, backend: AdvocacyBackend): Rewards {
  const { listRewards, getMyPointsBalance, requestReward, listMyRewardRequests, cancelRewardRequest } = backend;
  if (!listRewards || !getMyPointsBalance || !requestReward || !listMyRewardRequests || !cancelRewardRequest) {
    return context.skip('the target has no rewards (listRewards, getMyPointsBalance, requestReward, …)');
  }
  return {
    listRewards: () => listRewards.call(backend),
    getMyPointsBalance: () => getMyPointsBalance.call(backend),
    requestReward: (id, key) => requestReward.call(backend, id, key),
    listMyRewardRequests: (query) => listMyRewardRequests.call(backend, query),
    cancelRewardRequest: (id) => cancelRewardRequest.call(backend, id),
  };
}

export function adminOf(context: CheckContext): RewardsAdmin {
  const admin = context.admin.admin;
  const { listRewards, createReward, updateReward, listRewardRequests, decideRewardRequest, adjustPoints } = admin;
  if (!listRewards || !createReward || !updateReward || !listRewardRequests || !decideRewardRequest || !adjustPoints) {
    return context.skip('the target has no rewards administration (createReward, decideRewardRequest, adjustPoints, …)');
  }
  return {
    listRewards: () => listRewards.call(admin),
    createReward: (input) => createReward.call(admin, input),
    updateReward: (id, patch) => updateReward.call(admin, id, patch),
    listRewardRequests: (query) => listRewardRequests.call(admin, query),
    decideRewardRequest: (id, decision) => decideRewardRequest.call(admin, id, decision),
    adjustPoints: (input) => adjustPoints.call(admin, input),
  };
}

/** Creates a reward with the run tag in its name; `done` deactivates every reward a check made. */
export function catalogue(context: CheckContext, admin: RewardsAdmin) {
  const made: string[] = [];
  return {
    async create(input: Partial<RewardInput> & { cost: number }, label = 'Contract check reward'): Promise<Reward> {
      const reward = await step(`create the reward "${label}" as admin`, () =>
        admin.createReward({ name: { en: `${label} [${context.runTag}]` }, description: { en: 'Made by the contract tests.' }, ...input }),
      );
      made.push(reward.id);
      return reward;
    },
    async done(): Promise<void> {
      for (const id of made) await step('deactivate the check’s reward', () => admin.updateReward(id, { active: false }));
    },
  };
}

/** Grants (or deducts) points as admin with a reason. */
export const adjust = (
  context: CheckContext,
  admin: RewardsAdmin,
  employeeId: string,
  delta: number,
  reason = `Contract check [${context.runTag}]`,
) => step(`${delta > 0 ? 'grant' : 'deduct'} ${Math.abs(delta)} points as admin`, () => admin.adjustPoints({ employeeId, delta, reason }));

const balanceOf = (rewards: Rewards, who = 'the employee') => step(`read ${who}'s points balance`, () => rewards.getMyPointsBalance());

/** balance = earned − spent − held, and it is what the ledger adds up to. */
async function assertArithmetic(backend: AdvocacyBackend, balance: PointsBalance, when: string): Promise<void> {
  assertEqual(balance.balance, balance.earned - balance.spent - balance.held, `${when}: balance = earned − spent − held`);
  const sum = (await ledger(backend)).reduce((total, row) => total + row.delta, 0);
  assertEqual(balance.balance, sum, `${when}: the balance is the sum of the employee's ledger`);
  assert(balance.balance >= 0, `${when}: the balance is not negative`, '>= 0', balance.balance);
}

async function myRequest(rewards: Rewards, id: string): Promise<RewardRequest | undefined> {
  return (await collectPages('list my reward requests', (query) => rewards.listMyRewardRequests(query))).find((r) => r.id === id);
}

export const rewardChecks: Check[] = [
  {
    id: 'rewards.request-approve-fulfil',
    group: 'rewards',
    name: 'a request holds the cost, approval spends it, fulfilment closes it; points earned (stats, leaderboard) stay the same',
    async run(context) {
      const rewards = rewardsOf(context, context.employee);
      const admin = adminOf(context);
      const shelf = catalogue(context, admin);
      try {
        const reward = await shelf.create({ cost: 10, stock: 5, imageUrl: 'https://example.com/mug.png' }, 'Mug');
        await adjust(context, admin, context.me.id, 30);
        const listed = await step('list rewards as the employee', () => rewards.listRewards());
        assert(
          listed.some((r) => r.id === reward.id),
          'an active reward for everyone is in the catalogue',
          reward.id,
          listed.map((r) => r.id),
        );
        const before = await balanceOf(rewards);
        const statsBefore = await stats(context.employee);
        const boardBefore = await step('read the leaderboard', () => context.employee.getLeaderboard({ period: 'all', scope: 'company' }));
        const ledgerBefore = await ledger(context.employee);

        const request = await step('request the reward', () => rewards.requestReward(reward.id));
        assertEqual(
          { status: request.status, rewardId: request.rewardId, employeeId: request.employeeId, cost: request.cost },
          { status: 'pending', rewardId: reward.id, employeeId: context.me.id, cost: 10 },
          'the new request is pending, for the employee, at the reward’s cost',
        );
        const held = await balanceOf(rewards);
        assertEqual(
          { balance: held.balance, earned: held.earned, held: held.held, spent: held.spent },
          { balance: before.balance - 10, earned: before.earned, held: before.held + 10, spent: before.spent },
          'requesting holds the cost: the balance drops, points earned do not',
        );
        await assertArithmetic(context.employee, held, 'while pending');
        const added = newRows(ledgerBefore, await ledger(context.employee));
        assertEqual(
          added.map((row) => [row.reason, row.delta, row.reference]),
          [['reward_hold', -10, request.id]],
          'the ledger records the hold as one negative reward_hold row naming the request',
        );
        assertEqual((await stats(context.employee)).points, statsBefore.points, 'my stats count points earned, not the hold');
        const boardAfter = await step('read the leaderboard again', () =>
          context.employee.getLeaderboard({ period: 'all', scope: 'company' }),
        );
        assertEqual(boardAfter.me?.points, boardBefore.me?.points, 'the leaderboard ranks points earned: spending does not lower it');

        const queue = await collectPages('list pending requests as admin', (query) =>
          admin.listRewardRequests({ ...query, status: 'pending' }),
        );
        const queued = queue.find((r) => r.id === request.id);
        assert(queued !== undefined, 'the request is in the admin pending queue', request.id, 'not listed');
        assertEqual(queued.employeeName, context.me.displayName, 'the admin queue names the requester');

        const approved = await step('approve the request as admin', () => admin.decideRewardRequest(request.id, { decision: 'approve' }));
        assertEqual(approved.status, 'approved', 'the approved request is approved');
        const spent = await balanceOf(rewards);
        assertEqual(
          { balance: spent.balance, held: spent.held, spent: spent.spent },
          { balance: held.balance, held: held.held - 10, spent: held.spent + 10 },
          'approval turns the hold into spent points; the balance does not move',
        );
        await assertArithmetic(context.employee, spent, 'after approval');
        await expectError('approving twice is a conflict', 'conflict', () =>
          admin.decideRewardRequest(request.id, { decision: 'approve' }),
        );
        await expectError('an approved request cannot be cancelled', 'conflict', () => rewards.cancelRewardRequest(request.id));

        const fulfilled = await step('mark the request fulfilled as admin', () =>
          admin.decideRewardRequest(request.id, { decision: 'fulfil' }),
        );
        assertEqual(fulfilled.status, 'fulfilled', 'the request is fulfilled');
        assert(fulfilled.fulfilledAt !== null, 'a fulfilled request says when', 'a time', fulfilled.fulfilledAt);
        assertEqual((await myRequest(rewards, request.id))?.status, 'fulfilled', 'the employee sees the request fulfilled');
        assertEqual((await balanceOf(rewards)).balance, spent.balance, 'fulfilment moves no points');
      } finally {
        await shelf.done();
      }
    },
  },
  {
    id: 'rewards.reject-and-cancel-release',
    group: 'rewards',
    name: 'a rejection (with its reason) and a cancellation give the points and the stock back',
    async run(context) {
      const rewards = rewardsOf(context, context.employee);
      const admin = adminOf(context);
      const shelf = catalogue(context, admin);
      try {
        const reward = await shelf.create({ cost: 15, stock: 1 }, 'Headphones');
        await adjust(context, admin, context.me.id, 30);
        const before = await balanceOf(rewards);
        const request = await step('request the reward', () => rewards.requestReward(reward.id));
        await expectError('the only item is now held: a second request is out of stock', 'conflict', () =>
          rewards.requestReward(reward.id),
        );
        await expectError('rejecting needs a reason', 'validation', () =>
          admin.decideRewardRequest(request.id, { decision: 'reject', reason: '' }),
        );
        const rejected = await step('reject the request with a reason', () =>
          admin.decideRewardRequest(request.id, { decision: 'reject', reason: 'Out of this model until June' }),
        );
        assertEqual(
          { status: rejected.status, reason: rejected.reason },
          { status: 'rejected', reason: 'Out of this model until June' },
          'rejected with its reason',
        );
        const mine = await myRequest(rewards, request.id);
        assertEqual(
          { status: mine?.status, reason: mine?.reason },
          { status: 'rejected', reason: 'Out of this model until June' },
          'the employee sees the rejection and its reason',
        );
        const after = await balanceOf(rewards);
        assertEqual(after, before, 'a rejection releases the hold: the balance is as before the request');
        await assertArithmetic(context.employee, after, 'after a rejection');
        const rows = (await ledger(context.employee)).filter((row) => row.reference === request.id);
        assertEqual(
          rows.map((row) => [row.reason, row.delta]).sort(),
          [
            ['reward_hold', -15],
            ['reward_release', 15],
          ],
          'the ledger holds the hold and its release',
        );
        await expectError('a rejected request cannot be approved', 'conflict', () =>
          admin.decideRewardRequest(request.id, { decision: 'approve' }),
        );

        const again = await step('request the reward again (its stock came back)', () => rewards.requestReward(reward.id));
        const cancelled = await step('cancel the pending request as the employee', () => rewards.cancelRewardRequest(again.id));
        assertEqual(cancelled.status, 'cancelled', 'the request is cancelled');
        assertEqual(await balanceOf(rewards), before, 'a cancellation releases the hold');
        const stock = (await step('list rewards as admin', () => admin.listRewards())).find((r) => r.id === reward.id)?.stock;
        assertEqual(stock, 1, 'the stock is back to one');
        const otherRewards = rewardsOf(context, context.otherEmployee);
        await expectError("another employee cannot cancel the employee's request", 'not_found', () =>
          otherRewards.cancelRewardRequest(again.id),
        );
      } finally {
        await shelf.done();
      }
    },
  },
  {
    id: 'rewards.manual-adjustment',
    group: 'rewards',
    name: 'a manual grant or deduction is in the employee’s points with its reason; a deduction below zero is refused',
    async run(context) {
      const rewards = rewardsOf(context, context.employee);
      const admin = adminOf(context);
      const reason = `Talk at the partner summit [${context.runTag}]`;
      const before = await balanceOf(rewards);
      const entry = await adjust(context, admin, context.me.id, 25, reason);
      assertEqual(
        { employeeId: entry.employeeId, delta: entry.delta, reason: entry.reason, note: entry.note },
        { employeeId: context.me.id, delta: 25, reason: 'manual', note: reason },
        'the adjustment is a manual ledger row with its reason',
      );
      const mine = (await ledger(context.employee)).find((row) => row.id === entry.id);
      assertEqual(
        { reason: mine?.reason, delta: mine?.delta, note: mine?.note },
        { reason: 'manual', delta: 25, note: reason },
        'the employee sees it in their points with the reason',
      );
      const after = await balanceOf(rewards);
      assertEqual(
        { balance: after.balance, earned: after.earned },
        { balance: before.balance + 25, earned: before.earned + 25 },
        'a grant is earned and spendable',
      );
      await assertArithmetic(context.employee, after, 'after a grant');
      const refused = await expectError('a deduction larger than the balance is refused', 'validation', () =>
        admin.adjustPoints({ employeeId: context.me.id, delta: -(after.balance + 1), reason: 'Correction' }),
      );
      assert(
        refused.fieldErrors.some((f) => f.field === 'delta'),
        'the refusal names the delta field',
        'a field error on delta',
        refused.fieldErrors,
      );
      await adjust(context, admin, context.me.id, -5, `Correction [${context.runTag}]`);
      assertEqual((await balanceOf(rewards)).balance, after.balance - 5, 'a deduction within the balance is taken');
      await expectError('an adjustment needs a reason', 'validation', () =>
        admin.adjustPoints({ employeeId: context.me.id, delta: 5, reason: '' }),
      );
      await expectError('an employee cannot adjust points', 'forbidden', async () => {
        const adjustPoints = context.employee.admin.adjustPoints;
        if (!adjustPoints) throw new Error('no adjustPoints');
        return adjustPoints.call(context.employee.admin, { employeeId: context.me.id, delta: 100, reason: 'Self-service' });
      });
    },
  },
  {
    id: 'rewards.visibility',
    group: 'rewards',
    name: 'inactive, out-of-date and other teams’ rewards are neither listed nor requestable',
    async run(context) {
      const rewards = rewardsOf(context, context.employee);
      const admin = adminOf(context);
      const shelf = catalogue(context, admin);
      try {
        await adjust(context, admin, context.me.id, 10);
        const day = 86_400_000;
        const now = Date.now();
        const inactive = await shelf.create({ cost: 1, active: false }, 'Inactive');
        const future = await shelf.create({ cost: 1, startsAt: new Date(now + 30 * day).toISOString() }, 'Not yet');
        const past = await shelf.create(
          { cost: 1, endsAt: new Date(now - day).toISOString(), startsAt: new Date(now - 30 * day).toISOString() },
          'Ended',
        );
        const hidden = [inactive, future, past];
        if (context.other.team !== context.me.team) hidden.push(await shelf.create({ cost: 1, team: context.other.team }, 'Other team'));
        const mineTeam = await shelf.create({ cost: 1, team: context.me.team }, 'My team');
        const listed = (await step('list rewards as the employee', () => rewards.listRewards())).map((r) => r.id);
        assert(listed.includes(mineTeam.id), "a reward for the employee's team is listed", mineTeam.id, listed);
        for (const reward of hidden) {
          assert(!listed.includes(reward.id), `"${reward.name.en}" is not listed`, 'not listed', listed);
          await expectError(`requesting "${reward.name.en}" is refused`, 'not_found', () => rewards.requestReward(reward.id));
        }
        await step('deactivate the team reward', () => admin.updateReward(mineTeam.id, { active: false }));
        await expectError('a deactivated reward cannot be requested', 'not_found', () => rewards.requestReward(mineTeam.id));
        const all = (await step('list rewards as admin', () => admin.listRewards())).map((r) => r.id);
        assert(
          [...hidden, mineTeam].every((r) => all.includes(r.id)),
          'admins list every reward, active or not',
          'all of them',
          all,
        );
      } finally {
        await shelf.done();
      }
    },
  },
  {
    id: 'rewards.last-in-stock',
    group: 'rewards',
    name: '50 concurrent requests for the last item in stock: exactly one succeeds, no balance goes negative',
    async run(context) {
      const employee = rewardsOf(context, context.employee);
      const other = rewardsOf(context, context.otherEmployee);
      const admin = adminOf(context);
      const shelf = catalogue(context, admin);
      try {
        const reward = await shelf.create({ cost: 3, stock: 1 }, 'Last one');
        await adjust(context, admin, context.me.id, 100);
        await adjust(context, admin, context.other.id, 100);
        const results = await Promise.allSettled(
          Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? employee : other).requestReward(reward.id)),
        );
        const won = results.filter((r): r is PromiseFulfilledResult<RewardRequest> => r.status === 'fulfilled');
        assertEqual(won.length, 1, 'exactly one of 50 concurrent requests for the last item succeeds');
        const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
        assert(
          refusals.every((error) => isAdvocacyError(error) && error.code === 'conflict'),
          'every other request is refused as out of stock (conflict)',
          'conflict',
          refusals.find((error) => !(isAdvocacyError(error) && error.code === 'conflict')),
        );
        const stock = (await step('list rewards as admin', () => admin.listRewards())).find((r) => r.id === reward.id)?.stock;
        assertEqual(stock, 0, 'the stock is zero, not below');
        await assertArithmetic(context.employee, await balanceOf(employee), 'the employee');
        await assertArithmetic(context.otherEmployee, await balanceOf(other, 'the other employee'), 'the other employee');
        await step('reject the winning request (tidy up)', () =>
          admin.decideRewardRequest(won[0]!.value.id, { decision: 'reject', reason: 'Contract check' }),
        );
      } finally {
        await shelf.done();
      }
    },
  },
  {
    id: 'rewards.no-overspending',
    group: 'rewards',
    name: '50 concurrent requests each costing the whole balance: exactly one succeeds and the balance ends at zero',
    async run(context) {
      const rewards = rewardsOf(context, context.employee);
      const admin = adminOf(context);
      const shelf = catalogue(context, admin);
      try {
        let { balance } = await balanceOf(rewards);
        if (balance < 1) {
          await adjust(context, admin, context.me.id, 10);
          balance = (await balanceOf(rewards)).balance;
        }
        const reward = await shelf.create({ cost: balance, stock: null }, 'Everything');
        const results = await Promise.allSettled(Array.from({ length: 50 }, () => rewards.requestReward(reward.id)));
        const won = results.filter((r): r is PromiseFulfilledResult<RewardRequest> => r.status === 'fulfilled');
        assertEqual(won.length, 1, 'exactly one of 50 concurrent requests is accepted');
        const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
        const wrong = refusals.find(
          (error) =>
            !(isAdvocacyError(error) && error.code === 'validation' && error.fieldErrors.some((f) => f.code === 'insufficient_points')),
        );
        assert(wrong === undefined, 'every other request is refused for insufficient points (validation)', 'insufficient_points', wrong);
        const after = await balanceOf(rewards);
        assertEqual(after.balance, 0, 'the balance ends at zero, never below');
        await assertArithmetic(context.employee, after, 'after the race');
        await step('cancel the accepted request (tidy up)', () => rewards.cancelRewardRequest(won[0]!.value.id));
      } finally {
        await shelf.done();
      }
    },
  },
];
