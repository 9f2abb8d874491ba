import type { AdminSuggestion, PostInput } from '@advocacy-kit/core';
import { suggestionReference } from '@advocacy-kit/core/rules';
import type { Hono } from 'hono';
import { findEmployee } from '../auth/employees.js';
import { insertPost } from '../content/posts.js';
import type { AppEnv, Services } from '../context.js';
import { toSuggestion } from '../db/rows.js';
import { handle } from '../http/operation.js';
import { newestFirst, toPage } from '../http/cursor.js';
import { conflict, notFound } from '../http/problem.js';
import { nowIso } from '../ids.js';
import { award } from '../points/ledger.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';
import { recordAudit } from '../audit/audit.js';

export function adminSuggestionRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'adminListSuggestions', async (_c, { query, reply }) => {
    let select = s.db.selectFrom('suggestions').selectAll();
    if (query.status !== undefined) select = select.where('status', '=', query.status);
    const rows = await newestFirst(select, query, 'created_at', 'id');
    const ids = [...new Set(rows.map((row) => row.employee_id))];
    const names = new Map(
      ids.length === 0
        ? []
        : (await s.db.selectFrom('employees').select(['id', 'display_name']).where('id', 'in', ids).execute()).map((e) => [
            e.id,
            e.display_name,
          ]),
    );
    const toAdminSuggestion = (row: (typeof rows)[number]): AdminSuggestion => ({
      ...toSuggestion(row),
      employeeName: names.get(row.employee_id) ?? row.employee_id,
    });
    return reply(toPage(rows, query.limit, toAdminSuggestion, (row) => ({ key: row.created_at, id: row.id })));
  });

  /**
   * Approve: creates a post from the suggestion (fields in `post` override the defaults) and
   * awards the suggester once (ledger reference = suggestion id). Reject: stores the reason.
   * A suggestion is reviewed once; a second review is a 409.
   */
  handle(api, s, 'adminReviewSuggestion', async (c, { params: { id }, body: review, reply }) => {
    await s.limits.writes.take(c.get('employee').id);
    const now = nowIso();
    // The rules in effect now, read before the transaction (the cache may read the database).
    const { points } = await s.pointRules.at(now);
    const reviewed = await s.db.transaction().execute(async (trx) => {
      const suggestion = await trx.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
      if (suggestion === undefined) throw notFound('No such suggestion.');
      if (suggestion.status !== 'pending') throw conflict(`This suggestion was already ${suggestion.status}.`);
      let postId: string | null = null;
      if (review.decision === 'approve') {
        const suggester = await findEmployee(trx, suggestion.employee_id);
        const defaults: PostInput = {
          kind: 'curated',
          title: suggestion.note.split('\n')[0]!.slice(0, 300) || new URL(suggestion.url).hostname,
          summary: suggestion.note,
          url: suggestion.url,
          locale: suggester?.locale ?? 'en',
          topics: JSON.parse(suggestion.topics),
        };
        postId = (await insertPost(trx, { ...defaults, ...review.post }, now)).id;
      }
      // Guarded on status so two concurrent reviews cannot both succeed.
      const updated = await trx
        .updateTable('suggestions')
        .set({
          status: review.decision === 'approve' ? 'approved' : 'rejected',
          review_reason: review.decision === 'reject' ? review.reason : null,
          post_id: postId,
          reviewed_at: now,
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .returningAll()
        .executeTakeFirst();
      if (updated === undefined) throw conflict('This suggestion was reviewed at the same time by someone else.');
      if (review.decision === 'approve') {
        await award(trx, {
          employeeId: suggestion.employee_id,
          delta: points.suggestion,
          reason: 'suggestion',
          reference: suggestionReference(id),
          at: now,
        });
      }
      await enqueueWebhookEvent(trx, 'suggestion.reviewed', toSuggestion(updated), now);
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: review.decision === 'approve' ? 'suggestion.approve' : 'suggestion.reject',
        target: { kind: 'suggestion', id },
        before: toSuggestion(suggestion),
        after: toSuggestion(updated),
        at: now,
      });
      return updated;
    });
    return reply(toSuggestion(reviewed));
  });
}
