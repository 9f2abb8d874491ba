/** Event types an endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'post.published',
  'share.created',
  'click.milestone',
  'conversion.recorded',
  'suggestion.created',
  'suggestion.reviewed',
  'digest.due',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The JSON body of every delivery. `id` is the same for every attempt and replay of one event. */
export interface WebhookEvent<T = unknown> {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: T;
}
