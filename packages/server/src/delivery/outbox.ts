import type { DeliveryChannel, DeliverySettings } from '@advocacy-kit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { messageLocale, type EngagementMessage } from '../engagement/content.js';
import { newId } from '../ids.js';
import type { DeliveryConfig } from './config.js';
import { DELIVERY_STRINGS, engagementChat, engagementEmail, invitationEmail, simpleChat, type EmailPayload } from './render.js';
import { channelsFor, deliverySettings } from './settings.js';
import { deliveryDb } from './tables.js';
import type { ServerConfig } from '../config.js';
import { unsubscribeKey, unsubscribeToken, type UnsubscribeScope } from './unsubscribe.js';

/** What queueing needs beyond the database: the configuration and how to sign unsubscribe links. */
export interface DeliveryContext {
  config: DeliveryConfig;
  /** Base of unsubscribe links: `${publicUrl}/unsubscribe/<token>`. */
  publicUrl: string;
  unsubscribeKey: Buffer;
}

/** How many messages a call queued, and how many it skipped (employees without an email address). */
export interface Queued {
  queued: number;
  skipped: number;
}

/** The delivery context of a server: its delivery config, public URL and unsubscribe key (from its secret salt). */
export const deliveryContext = (config: ServerConfig, salt: string): DeliveryContext => ({
  config: config.delivery,
  publicUrl: config.publicUrl,
  unsubscribeKey: unsubscribeKey(salt),
});

type Recipient = { id: string; email: string | null; display_name: string; locale: string };

export const unsubscribeUrl = (context: DeliveryContext, employeeId: string, scope: UnsubscribeScope) =>
  `${context.publicUrl}/unsubscribe/${unsubscribeToken(context.unsubscribeKey, employeeId, scope)}`;

/** Inserts a message unless one with its key exists (the key makes queueing idempotent); true when inserted. */
async function insert(
  db: Kysely<Database>,
  at: string,
  message: {
    key: string;
    kind: string;
    channel: DeliveryChannel;
    employeeId: string | null;
    recipient: string | null;
    subject: string;
    payload: unknown;
    skipped?: string;
  },
): Promise<boolean> {
  const row = await deliveryDb(db)
    .insertInto('delivery_outbox')
    .values({
      id: newId('dlv'),
      key: message.key,
      kind: message.kind,
      channel: message.channel,
      employee_id: message.employeeId,
      recipient: message.recipient,
      subject: message.subject,
      payload: JSON.stringify(message.payload),
      status: message.skipped === undefined ? 'pending' : 'skipped',
      attempts: 0,
      next_attempt_at: message.skipped === undefined ? at : null,
      locked_until: null,
      error: message.skipped ?? null,
      created_at: at,
      updated_at: at,
      delivered_at: null,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The Teams and Slack bodies, with whom they are for, so a workflow can post them to that person. */
const chatBodies = (chat: { teams: object; slack: object }, employee: Recipient) => ({
  teams: { ...chat.teams, recipient: { employeeId: employee.id, email: employee.email } },
  slack: { ...chat.slack, recipient_email: employee.email ?? '' },
});

/** One plain address (from claims or SCIM: untrusted): no list, no display name, no spaces or angle brackets. */
const USABLE_EMAIL = /^[^\s@<>,;:"()[\]\\]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z0-9-]{2,63}$/;

async function queueFor(
  db: Kysely<Database>,
  at: string,
  base: { kind: 'digest' | 'nudge' | 'invitation'; period: string },
  channels: DeliveryChannel[],
  employee: Recipient,
  render: () => { subject: string; email: EmailPayload; teams: object; slack: object },
): Promise<Queued> {
  const result: Queued = { queued: 0, skipped: 0 };
  if (channels.length === 0) return result;
  const rendered = render();
  for (const channel of channels) {
    const key = `${base.kind}:${employee.id}:${base.period}:${channel}`;
    const common = { key, kind: base.kind, channel, employeeId: employee.id, subject: rendered.subject };
    if (channel === 'email') {
      if (employee.email === null || !USABLE_EMAIL.test(employee.email)) {
        const skipped =
          employee.email === null || employee.email === ''
            ? 'The employee has no email address.'
            : 'The employee’s email address is not usable.';
        if (await insert(db, at, { ...common, recipient: null, payload: {}, skipped })) result.skipped++;
        continue;
      }
      if (await insert(db, at, { ...common, recipient: employee.email, payload: rendered.email })) result.queued++;
      continue;
    }
    if (await insert(db, at, { ...common, recipient: null, payload: channel === 'teams' ? rendered.teams : rendered.slack }))
      result.queued++;
  }
  return result;
}

/**
 * Queues a digest or reminder for its employee on every channel its kind goes to. Call it in the
 * transaction that records the weekly send, so the messages exist exactly when the send does.
 */
export async function queueEngagementMessage(
  db: Kysely<Database>,
  context: DeliveryContext,
  settings: DeliverySettings,
  employee: Recipient,
  message: EngagementMessage,
  at: string,
): Promise<Queued> {
  return queueFor(db, at, { kind: message.kind, period: message.week }, channelsFor(settings, message.kind), employee, () => {
    const email = engagementEmail(message, unsubscribeUrl(context, employee.id, message.kind === 'digest' ? 'digest' : 'nudges'));
    return { subject: email.subject, email: email.payload, ...chatBodies(engagementChat(message), employee) };
  });
}

/** Queues a program invitation for one employee (in the transaction that records it); `invitedAt` is its period. */
export async function queueInvitation(
  db: Kysely<Database>,
  context: DeliveryContext,
  employeeId: string,
  invitedAt: string,
): Promise<Queued> {
  const { settings } = await deliverySettings(db, context.config);
  const channels = channelsFor(settings, 'invitation');
  if (channels.length === 0) return { queued: 0, skipped: 0 };
  const employee = await db
    .selectFrom('employees')
    .select(['id', 'email', 'display_name', 'locale'])
    .where('id', '=', employeeId)
    .executeTakeFirstOrThrow();
  const locale = messageLocale(employee.locale);
  const invitation = { locale, displayName: employee.display_name, portalUrl: context.config.portalUrl };
  return queueFor(db, invitedAt, { kind: 'invitation', period: invitedAt }, channels, employee, () => {
    const t = DELIVERY_STRINGS[locale];
    const email = invitationEmail(invitation, unsubscribeUrl(context, employee.id, 'all'));
    const link = invitation.portalUrl === null ? null : { url: invitation.portalUrl, label: t.invitationOpen };
    const chat = simpleChat(locale, t.invitationSubject, [t.invitationGreeting(employee.display_name), t.invitationBody], link);
    return { subject: email.subject, email: email.payload, ...chatBodies(chat, employee) };
  });
}
