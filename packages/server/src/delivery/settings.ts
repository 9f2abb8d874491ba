import type { DeliveryChannel, DeliverySettings, DeliverySettingsInput } from '@advocacy-kit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { DeliveryConfig } from './config.js';
import { deliveryDb, type DeliveryTables } from './tables.js';

type Row = DeliveryTables['delivery_settings'];

/** The settings the dispatcher uses: what the API shows, and the password it never shows. */
export interface EffectiveDelivery {
  settings: DeliverySettings;
  smtpPassword: string | null;
}

const fromRow = (row: Row): EffectiveDelivery => ({
  settings: {
    smtpHost: row.smtp_host,
    smtpPort: Number(row.smtp_port),
    smtpSecurity: row.smtp_security as DeliverySettings['smtpSecurity'],
    smtpUser: row.smtp_user,
    fromAddress: row.from_address,
    replyTo: row.reply_to,
    teamsUrl: row.teams_url,
    slackUrl: row.slack_url,
    smtpPasswordSet: row.smtp_password !== null,
    routes: JSON.parse(row.routes) as DeliverySettings['routes'],
    updatedAt: row.updated_at,
  },
  smtpPassword: row.smtp_password,
});

/** The admin's settings, or the environment's defaults until an admin saved some. */
export async function deliverySettings(db: Kysely<Database>, config: DeliveryConfig): Promise<EffectiveDelivery> {
  const row = await deliveryDb(db).selectFrom('delivery_settings').selectAll().where('id', '=', 'delivery').executeTakeFirst();
  if (row !== undefined) return fromRow(row);
  return {
    settings: { ...config.defaults, smtpPasswordSet: config.smtpPassword !== null, updatedAt: null },
    smtpPassword: config.smtpPassword,
  };
}

/** The settings after `input`: a password left out is kept, `null` removes it. */
export function applyInput(current: EffectiveDelivery, input: DeliverySettingsInput, at: string): Row {
  const { smtpPassword, routes, ...rest } = input;
  const next = { ...current.settings, ...rest, routes: { ...current.settings.routes, ...routes } };
  const password = smtpPassword === undefined ? current.smtpPassword : smtpPassword;
  return {
    id: 'delivery',
    smtp_host: next.smtpHost,
    smtp_port: next.smtpPort,
    smtp_security: next.smtpSecurity,
    smtp_user: next.smtpUser,
    smtp_password: password,
    from_address: next.fromAddress,
    reply_to: next.replyTo,
    teams_url: next.teamsUrl,
    slack_url: next.slackUrl,
    routes: JSON.stringify(next.routes),
    updated_at: at,
  };
}

export async function saveDeliverySettings(db: Kysely<Database>, row: Row): Promise<DeliverySettings> {
  const { id: _id, ...changes } = row;
  await deliveryDb(db)
    .insertInto('delivery_settings')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute();
  return fromRow(row).settings;
}

/** The channels a kind goes to that are configured (email needs a host and a From address). */
export function channelsFor(settings: DeliverySettings, kind: 'digest' | 'nudge' | 'invitation'): DeliveryChannel[] {
  return settings.routes[kind].filter((channel) => channelReady(settings, channel));
}

export function channelReady(settings: DeliverySettings, channel: DeliveryChannel): boolean {
  if (channel === 'email') return settings.smtpHost !== null && settings.fromAddress !== null;
  return (channel === 'teams' ? settings.teamsUrl : settings.slackUrl) !== null;
}
