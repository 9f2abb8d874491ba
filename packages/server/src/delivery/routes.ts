import type { DeliveryMessage } from '@advocacy-kit/core';
import type { Hono } from 'hono';
import { recordAudit } from '../audit/audit.js';
import type { AppEnv, Services } from '../context.js';
import { newestFirst, toPage } from '../http/cursor.js';
import { handle } from '../http/operation.js';
import { conflict, invalid } from '../http/problem.js';
import { newId, nowIso } from '../ids.js';
import { messageLocale } from '../engagement/content.js';
import { targetProblem } from '../webhooks/target.js';
import { schedulerCheck } from '../health/readiness.js';
import { testMessage } from './render.js';
import { applyInput, channelReady, deliverySettings, saveDeliverySettings } from './settings.js';
import { deliveryDb, type DeliveryTables } from './tables.js';

export const toDeliveryMessage = (row: DeliveryTables['delivery_outbox']): DeliveryMessage => ({
  id: row.id,
  kind: row.kind as DeliveryMessage['kind'],
  channel: row.channel as DeliveryMessage['channel'],
  employeeId: row.employee_id,
  recipient: row.recipient,
  subject: row.subject,
  status: row.status as DeliveryMessage['status'],
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  error: row.error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deliveredAt: row.delivered_at,
});

/** Admin API of delivery: the settings (the SMTP password write-only), a test message, the log. */
export function deliveryRoutes(api: Hono<AppEnv>, s: Services): void {
  const config = s.config.delivery;
  const db = deliveryDb(s.db);
  const policy = { allowHttp: config.allowHttp, allowPrivate: config.allowPrivateTargets };
  // Readiness fails when the delivery dispatcher of this instance stopped finishing its passes.
  s.readiness.push({ name: 'delivery', check: () => schedulerCheck(() => s.delivery.lag()) });

  handle(api, s, 'adminGetDeliverySettings', async (_c, { reply }) => reply((await deliverySettings(s.db, config)).settings));

  handle(api, s, 'adminUpdateDeliverySettings', async (c, { body, reply }) => {
    const errors = (['teamsUrl', 'slackUrl'] as const).flatMap((field) => {
      const url = body[field];
      const problem = url === undefined || url === null ? null : targetProblem(url, policy);
      return problem === null ? [] : [{ field, message: problem, code: 'invalid_target' }];
    });
    if (errors.length > 0) throw invalid(422, `The ${errors.map((e) => e.field).join(' and ')} ${errors[0]!.message}.`, errors);
    const now = nowIso();
    const saved = await s.db.transaction().execute(async (trx) => {
      const current = await deliverySettings(trx, config);
      const next = await saveDeliverySettings(trx, applyInput(current, body, now));
      // The settings as the API shows them: the password is never in the log, only whether one is set.
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: 'settings.update',
        target: { kind: 'delivery', id: 'delivery' },
        before: current.settings,
        after: next,
        at: now,
      });
      return next;
    });
    return reply(saved);
  });

  handle(api, s, 'adminTestDelivery', async (c, { body, reply }) => {
    const admin = c.get('employee');
    const { settings } = await deliverySettings(s.db, config);
    if (!channelReady(settings, body.channel)) throw conflict(`The ${body.channel} channel is not configured.`);
    let recipient: string | null = null;
    if (body.channel === 'email') {
      const me = await s.db.selectFrom('employees').select('email').where('id', '=', admin.id).executeTakeFirst();
      recipient = body.to ?? me?.email ?? null;
      if (recipient === null)
        throw invalid(422, 'Say where to send the test email: you have no email address.', [
          { field: 'to', message: 'an email address is required', code: 'required' },
        ]);
    }
    const message = testMessage(messageLocale(admin.locale));
    const id = newId('dlv');
    const now = nowIso();
    const payload = body.channel === 'email' ? message.email : body.channel === 'teams' ? message.teams : message.slack;
    await s.db.transaction().execute(async (trx) => {
      await deliveryDb(trx)
        .insertInto('delivery_outbox')
        .values({
          id,
          key: `test:${body.channel}:${id}`,
          kind: 'test',
          channel: body.channel,
          employee_id: null,
          recipient,
          subject: message.subject,
          payload: JSON.stringify(payload),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          locked_until: null,
          error: null,
          created_at: now,
          updated_at: now,
          delivered_at: null,
        })
        .execute();
      await recordAudit(trx, {
        actor: { kind: 'admin', id: admin.id },
        action: 'delivery.test',
        target: { kind: 'delivery_message', id },
        after: { channel: body.channel, recipient },
        at: now,
      });
    });
    await s.delivery.sendNow(id);
    const row = await db.selectFrom('delivery_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return reply(toDeliveryMessage(row));
  });

  handle(api, s, 'adminListDeliveryMessages', async (_c, { query, reply }) => {
    const rows = await newestFirst(db.selectFrom('delivery_outbox').selectAll(), query, 'created_at', 'id');
    return reply(toPage(rows, query.limit, toDeliveryMessage, (row) => ({ key: row.created_at, id: row.id })));
  });
}
