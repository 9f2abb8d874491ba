import type { WEBHOOK_EVENT_TYPES } from '@advocacy-kit/core/contract';

/** Event types an endpoint can subscribe to (defined with the contract). */
export { WEBHOOK_EVENT_TYPES } from '@advocacy-kit/core/contract';

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The JSON body of every delivery. `id` is the same for every attempt and replay of one event. */
export interface WebhookEvent<T = unknown> {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: T;
}
