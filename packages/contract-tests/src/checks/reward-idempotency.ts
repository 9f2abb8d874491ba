import { assertEqual, expectError, step } from '../assert.js';
import type { Check } from '../check.js';
import { adjust, adminOf, catalogue, rewardsOf } from './rewards.js';

export const rewardIdempotencyChecks: Check[] = [
  {
    id: 'rewards.idempotency-key',
    group: 'rewards',
    name: 'a reward request sent twice under one Idempotency-Key (even at once) holds the points and the stock once; the key for another reward is a conflict',
    async run(context) {
      const rewards = rewardsOf(context, context.employee);
      const admin = adminOf(context);
      const shelf = catalogue(context, admin);
      try {
        const reward = await shelf.create({ cost: 10, stock: 5 }, 'Notebook');
        const other = await shelf.create({ cost: 10 }, 'Pen');
        await adjust(context, admin, context.me.id, 30);
        const before = await step('read the points balance', () => rewards.getMyPointsBalance());
        const key = context.unique('reward-request');
        const [first, second] = await step('request the reward twice at once under one Idempotency-Key', () =>
          Promise.all([rewards.requestReward(reward.id, key), rewards.requestReward(reward.id, key)]),
        );
        assertEqual(second.id, first.id, 'both answers are the same request');
        const again = await step('retry the request later under the same key', () => rewards.requestReward(reward.id, key));
        assertEqual(again.id, first.id, 'a later retry answers with the same request');
        const after = await step('read the points balance again', () => rewards.getMyPointsBalance());
        assertEqual(
          { balance: after.balance, held: after.held },
          { balance: before.balance - 10, held: before.held + 10 },
          'the cost is held once',
        );
        const listed = (await step('list rewards', () => rewards.listRewards())).find((r) => r.id === reward.id);
        assertEqual(listed?.stock, 4, 'one item of the stock is held');
        await expectError('the same key for another reward', 'conflict', () => rewards.requestReward(other.id, key));
        const fresh = await step('a new key is a new request', () => rewards.requestReward(reward.id, context.unique('reward-request')));
        assertEqual(fresh.id !== first.id, true, 'another key makes another request');
        for (const request of [first, fresh]) await step('cancel the request', () => rewards.cancelRewardRequest(request.id));
      } finally {
        await shelf.done();
      }
    },
  },
];
