import type { AdvocacyEvent } from '@advocacy-kit/core/backend';
import { assertEqual, step } from '../assert.js';
import type { Check } from '../check.js';

export const eventChecks: Check[] = [
  {
    id: 'events.dedupe',
    group: 'events',
    name: 'a resent event batch is counted as duplicates, not twice',
    async run(context) {
      const post = await context.createPost();
      const now = new Date().toISOString();
      const batch: AdvocacyEvent[] = [
        { id: context.unique('event'), type: 'feed_view', at: now },
        { id: context.unique('event'), type: 'post_open', at: now, postId: post.id },
        { id: context.unique('event'), type: 'share_intent', at: now, postId: post.id, network: 'linkedin' },
      ];
      const first = await step('send a batch of 3 new events', () => context.employee.sendEvents(batch));
      assertEqual(first, { accepted: 3, duplicates: 0 }, 'a new batch is accepted in full');
      const resent = await step('resend the same batch', () => context.employee.sendEvents(batch));
      assertEqual(resent, { accepted: 0, duplicates: 3 }, 'the resent batch is all duplicates');
      const fresh: AdvocacyEvent = { id: context.unique('event'), type: 'feed_view', at: now };
      const mixed = await step('send one new event with two already sent', () =>
        context.employee.sendEvents([batch[0]!, fresh, batch[2]!]),
      );
      assertEqual(mixed, { accepted: 1, duplicates: 2 }, 'a mixed batch accepts only the new event');
    },
  },
];
