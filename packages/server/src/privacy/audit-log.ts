import type { AuditEntry } from '@advocacy-kit/core';
import { csvRow } from '@advocacy-kit/core/admin';
import type { Context } from 'hono';
import { sql, type SelectQueryBuilder } from 'kysely';
import { analyticsWindow } from '../analytics/window.js';
import type { AppEnv } from '../context.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { encodeCursor, newestFirst } from '../http/cursor.js';

type AuditRow = Database['audit_log'];
type AuditSelect = SelectQueryBuilder<Database, 'audit_log', AuditRow>;

export interface AuditFilters {
  actor?: string;
  action?: string;
  targetKind?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export const toAuditEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  actor: { kind: row.actor_kind as AuditEntry['actor']['kind'], id: row.actor_id },
  action: row.action,
  target: { kind: row.target_kind, id: row.target_id },
  before: row.before === null ? null : (JSON.parse(row.before) as unknown),
  after: row.after === null ? null : (JSON.parse(row.after) as unknown),
});

const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The audit log with the admin's filters: actor id, action or action prefix, target, inclusive dates. */
export function filteredAudit(db: Db, filters: AuditFilters): AuditSelect {
  let select = db.selectFrom('audit_log').selectAll();
  if (filters.actor) select = select.where('actor_id', '=', filters.actor);
  if (filters.action) select = select.where(sql<boolean>`action like ${likePrefix(filters.action)} escape '\\'`);
  if (filters.targetKind) select = select.where('target_kind', '=', filters.targetKind);
  if (filters.targetId) select = select.where('target_id', '=', filters.targetId);
  if (filters.from !== undefined || filters.to !== undefined) {
    // Without a start the window is open-ended: the audit log has no default period.
    const window = analyticsWindow({ from: filters.from ?? '0000-01-01', to: filters.to }, new Date());
    select = select.where('at', '>=', window.from).where('at', '<=', window.to);
  }
  return select;
}

const CSV_HEADER = ['at', 'actorKind', 'actorId', 'action', 'targetKind', 'targetId', 'before', 'after'];
const PAGE_SIZE = 500;

/** Streams the filtered audit log as CSV, newest first, in keyset pages (cells guarded by core's `csvRow`). */
export function auditCsv(c: Context<AppEnv>, db: Db, filters: AuditFilters): Response {
  // Built (and its filters checked) before the answer starts: a bad window is a 400, not a broken stream.
  const select = filteredAudit(db, filters);
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  let done = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRow(CSV_HEADER)));
        return;
      }
      if (done) {
        controller.close();
        return;
      }
      const rows = await newestFirst(select, { cursor, limit: PAGE_SIZE }, 'at', 'id');
      const page = rows.slice(0, PAGE_SIZE);
      if (page.length > 0) {
        controller.enqueue(
          encoder.encode(
            page.map((r) => csvRow([r.at, r.actor_kind, r.actor_id, r.action, r.target_kind, r.target_id, r.before, r.after])).join(''),
          ),
        );
        const last = page[page.length - 1]!;
        cursor = encodeCursor({ key: last.at, id: last.id });
      }
      if (rows.length <= PAGE_SIZE) {
        done = true;
        controller.close();
      }
    },
  });
  return c.body(stream, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
    'Cache-Control': 'no-store',
  });
}
