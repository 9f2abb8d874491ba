import type { DeliverySettings } from '@advocacy-kit/core';

/** Delivery settings from the environment (the README's configuration table). */
export interface DeliveryConfig {
  /** What applies until an admin saves settings (the password comes separately). */
  defaults: Omit<DeliverySettings, 'smtpPasswordSet' | 'updatedAt'>;
  /** SMTP_PASSWORD: the default password; never returned by the API. */
  smtpPassword: string | null;
  /** How often the dispatcher looks for due messages; 0 turns the background dispatcher off. */
  dispatchIntervalMs: number;
  /** Plain http:// Teams/Slack URLs; off when NODE_ENV=production. */
  allowHttp: boolean;
  /** Loopback and private-network Teams/Slack URLs; off unless DELIVERY_ALLOW_PRIVATE_TARGETS=1 (tests, local development). */
  allowPrivateTargets: boolean;
  /** Where employees open the program (linked from invitations); null leaves the link out. */
  portalUrl: string | null;
  /** How long one SMTP or HTTP attempt may take in all. */
  deadlineMs: number;
}

export const DEFAULT_DELIVERY: DeliveryConfig = {
  defaults: {
    smtpHost: null,
    smtpPort: 587,
    smtpSecurity: 'starttls',
    smtpUser: null,
    fromAddress: null,
    replyTo: null,
    teamsUrl: null,
    slackUrl: null,
    routes: { digest: ['email'], nudge: ['email'], invitation: ['email'] },
  },
  smtpPassword: null,
  dispatchIntervalMs: 5_000,
  allowHttp: true,
  allowPrivateTargets: false,
  portalUrl: null,
  deadlineMs: 30_000,
};

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string) => (env[name] === undefined || env[name] === '' ? null : env[name]!);

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name);
  if (raw === null) return fallback;
  const number = Number(raw);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return number;
}

export function deliveryConfigFromEnv(env: Env): DeliveryConfig {
  const port = integer(env, 'SMTP_PORT', 587, 1, 65535);
  const security = value(env, 'SMTP_SECURITY') ?? (port === 465 ? 'tls' : 'starttls');
  if (security !== 'tls' && security !== 'starttls' && security !== 'none')
    throw new Error(`SMTP_SECURITY must be tls, starttls or none, got "${security}"`);
  const defaults = DEFAULT_DELIVERY.defaults;
  return {
    defaults: {
      ...defaults,
      smtpHost: value(env, 'SMTP_HOST'),
      smtpPort: port,
      smtpSecurity: security,
      smtpUser: value(env, 'SMTP_USER'),
      fromAddress: value(env, 'SMTP_FROM'),
      replyTo: value(env, 'SMTP_REPLY_TO'),
      teamsUrl: value(env, 'DELIVERY_TEAMS_URL'),
      slackUrl: value(env, 'DELIVERY_SLACK_URL'),
    },
    smtpPassword: value(env, 'SMTP_PASSWORD'),
    dispatchIntervalMs: integer(env, 'DELIVERY_DISPATCH_INTERVAL_MS', DEFAULT_DELIVERY.dispatchIntervalMs, 0, 86_400_000),
    allowHttp: env.NODE_ENV !== 'production',
    allowPrivateTargets: env.DELIVERY_ALLOW_PRIVATE_TARGETS === '1' || env.DELIVERY_ALLOW_PRIVATE_TARGETS === 'true',
    portalUrl: value(env, 'DELIVERY_PORTAL_URL'),
    deadlineMs: integer(env, 'DELIVERY_DEADLINE_MS', DEFAULT_DELIVERY.deadlineMs, 100, 600_000),
  };
}
