import type { Hono } from 'hono';
import { sql } from 'kysely';
import { csvRow } from '../analytics/csv.js';
import { analyticsWindow } from '../analytics/window.js';
import type { AppEnv, Services } from '../context.js';
import { attribute, CRM_COLUMNS, crmCells } from './attribution.js';

const PAGE_SIZE = 500;

/** `GET /admin/exports/crm.csv`: conversions with click-level attribution, oldest first, streamed in keyset pages. */
export function crmRoutes(api: Hono<AppEnv>, s: Services): void {
  api.get('/admin/exports/crm.csv', (c) => {
    const window = analyticsWindow(s.validator.query<{ from?: string; to?: string }>('adminExportCrm', c.req.query()), new Date());
    const encoder = new TextEncoder();
    let position: [string, string] | null = null;
    let started = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(csvRow([...CRM_COLUMNS])));
          return;
        }
        const after = position;
        const rows = await s.db
          .selectFrom('conversions')
          .selectAll()
          .where('created_at', '>=', window.from)
          .where('created_at', '<=', window.to)
          .where(after === null ? sql<boolean>`1 = 1` : sql<boolean>`(created_at > ${after[0]} or (created_at = ${after[0]} and id > ${after[1]}))`)
          .orderBy('created_at')
          .orderBy('id')
          .limit(PAGE_SIZE)
          .execute();
        if (rows.length > 0) {
          controller.enqueue(encoder.encode((await attribute(s.db, rows)).map((row) => csvRow(crmCells(row))).join('')));
          const last = rows[rows.length - 1]!;
          position = [last.created_at, last.id];
        }
        if (rows.length < PAGE_SIZE) controller.close();
      },
    });
    return c.body(stream, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="crm-${window.from.slice(0, 10)}-${window.to.slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    });
  });
}
