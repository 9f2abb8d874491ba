import type { Hono } from 'hono';
import { recordAudit } from '../audit/audit.js';
import type { AppEnv, Services } from '../context.js';
import { handle } from '../http/operation.js';
import { newestFirst, toPage } from '../http/cursor.js';
import { notFound } from '../http/problem.js';
import { nowIso } from '../ids.js';
import { auditCsv, filteredAudit, toAuditEntry } from './audit-log.js';
import { eraseEmployee, moveStragglers } from './erasure.js';
import { personalData } from './personal-data.js';
import { clickRetention, RETENTION_KEY } from './retention.js';

/**
 * Privacy: the audit log (list and CSV), the personal data export (of oneself, or of anyone for
 * an admin), erasure, and the click retention setting. Every route but `/me/export` is admin only;
 * `/me/export` reads the signed-in employee's id from their token, never from the request.
 */
export function privacyRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'adminListAudit', async (_c, { query, reply }) => {
    const rows = await newestFirst(filteredAudit(s.db, query), query, 'at', 'id');
    return reply(toPage(rows, query.limit, toAuditEntry, (row) => ({ key: row.at, id: row.id })));
  });

  handle(api, s, 'adminExportAudit', (c, { query }) => auditCsv(c, s.db, query));

  const exportOf = async (employeeId: string) => {
    const data = await personalData(s.db, employeeId, { publicUrl: s.config.publicUrl, badges: s.config.rules.badges, now: new Date() });
    if (data === null) throw notFound('No such employee.');
    return data;
  };
  handle(api, s, 'getMyExport', async (c, { reply }) => {
    const data = await exportOf(c.get('employee').id);
    c.header('Cache-Control', 'no-store');
    return reply(data);
  });
  handle(api, s, 'adminExportEmployee', async (c, { params, reply }) => {
    const data = await exportOf(params.id);
    c.header('Cache-Control', 'no-store');
    return reply(data);
  });

  handle(api, s, 'adminEraseEmployee', async (c, { params, reply }) => {
    await s.limits.writes.take(c.get('employee').id);
    const { previousId, ...result } = await eraseEmployee(s.db, {
      employeeId: params.id,
      adminId: c.get('employee').id,
      secret: s.clickSalt,
      now: nowIso(),
    });
    if (previousId !== null) {
      // Cached tracking links still name the old id: forget them, so new clicks count for the
      // pseudonym; store the clicks already answered, and move what they wrote to the pseudonym.
      s.links.forgetEmployee(previousId);
      await s.clicks.flush();
      await moveStragglers(s.db, previousId, result.employeeId);
    }
    return reply(result);
  });

  const settings = async () => {
    const { days, updatedAt } = await clickRetention(s.db, s.config.privacy);
    return { clickRetentionDays: days, updatedAt };
  };
  handle(api, s, 'adminGetPrivacySettings', async (_c, { reply }) => reply(await settings()));
  handle(api, s, 'adminUpdatePrivacySettings', async (c, { body, reply }) => {
    await s.limits.writes.take(c.get('employee').id);
    const now = nowIso();
    await s.db.transaction().execute(async (trx) => {
      const { days } = await clickRetention(trx, s.config.privacy);
      const value = JSON.stringify(body.clickRetentionDays);
      await trx
        .insertInto('privacy_settings')
        .values({ key: RETENTION_KEY, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: 'settings.update',
        target: { kind: 'setting', id: RETENTION_KEY },
        before: { clickRetentionDays: days },
        after: { clickRetentionDays: body.clickRetentionDays },
        at: now,
      });
    });
    return reply(await settings());
  });
}
