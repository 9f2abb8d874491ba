import { normalizeText } from '@advocacy-kit/core/rules';
import type { Hono } from 'hono';
import { recordAudit } from '../audit/audit.js';
import type { AppEnv, Services } from '../context.js';
import { handle } from '../http/operation.js';
import { conflict, notFound } from '../http/problem.js';
import { newId, nowIso } from '../ids.js';
import { compliance, toBlockedTerm, toPolicyVersion } from './compliance.js';

/** The employee's read of the compliance rules, and the admin's policy, blocked terms and disclosures (each write audited). */
export function policyRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'getCompliance', async (_c, { reply }) => reply(await compliance(s.db)));

  handle(api, s, 'adminListPolicyVersions', async (_c, { reply }) => {
    const rows = await s.db.selectFrom('policy_versions').selectAll().orderBy('version', 'desc').execute();
    return reply({ items: rows.map(toPolicyVersion) });
  });

  handle(api, s, 'adminSavePolicyDraft', async (c, { body, reply }) => {
    const actor = { kind: 'admin' as const, id: c.get('employee').id };
    const now = nowIso();
    const saved = await s.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('policy_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
      const texts = JSON.stringify(body.texts);
      if (last?.status === 'draft') {
        const updated = await trx
          .updateTable('policy_versions')
          .set({ texts, updated_at: now })
          .where('version', '=', last.version)
          .where('status', '=', 'draft')
          .returningAll()
          .executeTakeFirst();
        if (updated === undefined) throw conflict('The draft was published meanwhile; save again to start the next version.');
        const after = toPolicyVersion(updated);
        await recordAudit(trx, {
          actor,
          action: 'policy.save_draft',
          target: { kind: 'policy', id: String(after.version) },
          before: toPolicyVersion(last),
          after,
        });
        return after;
      }
      const inserted = await trx
        .insertInto('policy_versions')
        .values({ version: Number(last?.version ?? 0) + 1, status: 'draft', texts, created_at: now, updated_at: now, published_at: null })
        .onConflict((oc) => oc.column('version').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted === undefined) throw conflict('Another admin started the draft meanwhile; reload it.');
      const after = toPolicyVersion(inserted);
      await recordAudit(trx, { actor, action: 'policy.save_draft', target: { kind: 'policy', id: String(after.version) }, after });
      return after;
    });
    return reply(saved);
  });

  handle(api, s, 'adminPublishPolicy', async (c, { reply }) => {
    const now = nowIso();
    const published = await s.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('policy_versions')
        .set({ status: 'published', published_at: now, updated_at: now })
        .where('status', '=', 'draft')
        .returningAll()
        .executeTakeFirst();
      if (row === undefined) throw notFound('There is no draft to publish.');
      const after = toPolicyVersion(row);
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: 'policy.publish',
        target: { kind: 'policy', id: String(after.version) },
        before: { ...after, status: 'draft', publishedAt: null },
        after,
      });
      return after;
    });
    return reply(published);
  });

  handle(api, s, 'adminCreateBlockedTerm', async (c, { body, reply }) => {
    const row = {
      id: newId('term'),
      locale: body.locale,
      term: body.term.trim(),
      term_key: normalizeText(body.term).trim(),
      reason: body.reason,
      created_at: nowIso(),
    };
    const created = await s.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('blocked_terms')
        .values(row)
        .onConflict((oc) => oc.columns(['locale', 'term_key']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted === undefined) throw conflict(`“${row.term}” is already blocked for ${row.locale}.`);
      const after = toBlockedTerm(inserted);
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: 'blocked_term.create',
        target: { kind: 'blocked_term', id: after.id },
        after,
      });
      return after;
    });
    return reply(created, 201);
  });

  handle(api, s, 'adminDeleteBlockedTerm', async (c, { params }) => {
    await s.db.transaction().execute(async (trx) => {
      const deleted = await trx.deleteFrom('blocked_terms').where('id', '=', params.id).returningAll().executeTakeFirst();
      if (deleted === undefined) throw notFound('No such blocked term.');
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: 'blocked_term.delete',
        target: { kind: 'blocked_term', id: deleted.id },
        before: toBlockedTerm(deleted),
      });
    });
    return c.body(null, 204);
  });

  handle(api, s, 'adminUpdateDisclosures', async (c, { body, reply }) => {
    const now = nowIso();
    const next = Object.entries(body.disclosures).filter(([, text]) => text.trim() !== '');
    await s.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('disclosures').select(['locale', 'text']).orderBy('locale').execute();
      await trx.deleteFrom('disclosures').execute();
      if (next.length > 0) {
        await trx
          .insertInto('disclosures')
          .values(next.map(([locale, text]) => ({ locale, text: text.trim(), updated_at: now })))
          .execute();
      }
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: 'disclosure.update',
        target: { kind: 'disclosures', id: 'all' },
        before: Object.fromEntries(before.map((row) => [row.locale, row.text])),
        after: Object.fromEntries(next.map(([locale, text]) => [locale, text.trim()])),
      });
    });
    return reply(await compliance(s.db));
  });
}
