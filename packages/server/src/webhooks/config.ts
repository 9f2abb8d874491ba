/** Webhook settings (environment variables in the README). */
export interface WebhookConfig {
  /** Plain http:// targets; off when NODE_ENV=production. */
  allowHttp: boolean;
  /** Loopback and private-network targets; off unless WEBHOOK_ALLOW_PRIVATE_TARGETS=1. */
  allowPrivateTargets: boolean;
  /** How often the dispatcher looks for due deliveries; 0 turns the background dispatcher off. */
  dispatchIntervalMs: number;
  /** Deliveries in flight at once per instance. */
  concurrency: number;
  /** How long a request may go without a byte moving (connecting, sending, waiting, reading). */
  timeoutMs: number;
  /**
   * How long one attempt may take in all, however slowly the endpoint answers. A delivery is
   * leased for this plus a margin, so an attempt always ends before another dispatcher may
   * take the delivery over.
   */
  deadlineMs: number;
}

export const DEFAULT_WEBHOOKS: WebhookConfig = {
  allowHttp: true,
  allowPrivateTargets: false,
  dispatchIntervalMs: 1_000,
  concurrency: 4,
  timeoutMs: 10_000,
  deadlineMs: 30_000,
};

type Env = Record<string, string | undefined>;

function positive(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function webhookConfigFromEnv(env: Env): WebhookConfig {
  return {
    allowHttp: env.NODE_ENV !== 'production',
    allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS === '1' || env.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true',
    dispatchIntervalMs: positive(env, 'WEBHOOK_DISPATCH_INTERVAL_MS', DEFAULT_WEBHOOKS.dispatchIntervalMs),
    concurrency: Math.max(1, positive(env, 'WEBHOOK_CONCURRENCY', DEFAULT_WEBHOOKS.concurrency)),
    timeoutMs: Math.max(100, positive(env, 'WEBHOOK_TIMEOUT_MS', DEFAULT_WEBHOOKS.timeoutMs)),
    deadlineMs: Math.max(100, positive(env, 'WEBHOOK_DEADLINE_MS', DEFAULT_WEBHOOKS.deadlineMs)),
  };
}
