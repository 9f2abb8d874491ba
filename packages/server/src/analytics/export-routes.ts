import type { Context, Hono } from 'hono';
import { sql } from 'kysely';
import { csvRow } from '@advocacy-kit/core/admin';
import { analyticsWindow, type Window } from './window.js';
import type { AppEnv, Services } from '../context.js';
import { handle } from '../http/operation.js';
import type { Db } from '../db/database.js';

type Cell = string | number | null;

export interface CsvExport {
  header: readonly string[];
  /** One keyset page of rows after `after` (created_at, key), in order; `cells: null` writes no line for that row. */
  page(
    db: Db,
    window: Window,
    after: [string, string] | null,
    size: number,
  ): Promise<Array<{ position: [string, string]; cells: Cell[] | null }>>;
}

/** The keyset condition for rows after `position` on (`at`, `key`); true on the first page. */
const after = (position: [string, string] | null, at: string, key: string) =>
  position === null
    ? sql<boolean>`1 = 1`
    : sql<boolean>`(${sql.ref(at)} > ${position[0]} or (${sql.ref(at)} = ${position[0]} and ${sql.ref(key)} > ${position[1]}))`;

/** One keyset page of the window's conversions on (created_at, id); the conversions and CRM exports share it. */
export const conversionPage = (db: Db, window: Window, position: [string, string] | null, size: number) =>
  db
    .selectFrom('conversions')
    .selectAll()
    .where('created_at', '>=', window.from)
    .where('created_at', '<=', window.to)
    .where(after(position, 'created_at', 'id'))
    .orderBy('created_at')
    .orderBy('id')
    .limit(size)
    .execute();

const EXPORTS = {
  shares: {
    header: [
      'id',
      'createdAt',
      'employeeId',
      'employeeName',
      'team',
      'postId',
      'postTitle',
      'network',
      'commentary',
      'trackingCode',
      'pointsAwarded',
    ],
    async page(db, window, position, size) {
      const rows = await db
        .selectFrom('shares')
        .innerJoin('employees', 'employees.id', 'shares.employee_id')
        .innerJoin('posts', 'posts.id', 'shares.post_id')
        .select([
          'shares.id',
          'shares.created_at',
          'shares.employee_id',
          'employees.display_name',
          'employees.team_id',
          'shares.post_id',
          'posts.title',
          'shares.network',
          'shares.commentary',
          'shares.tracking_code',
          'shares.points_awarded',
        ])
        .where('shares.created_at', '>=', window.from)
        .where('shares.created_at', '<=', window.to)
        .where(after(position, 'shares.created_at', 'shares.id'))
        .orderBy('shares.created_at')
        .orderBy('shares.id')
        .limit(size)
        .execute();
      return rows.map((r) => ({
        position: [r.created_at, r.id],
        cells: [
          r.id,
          r.created_at,
          r.employee_id,
          r.display_name,
          r.team_id,
          r.post_id,
          r.title,
          r.network,
          r.commentary,
          r.tracking_code,
          Number(r.points_awarded),
        ],
      }));
    },
  },
  clicks: {
    header: ['createdAt', 'day', 'trackingCode', 'shareId', 'employeeId', 'postId', 'network'],
    async page(db, window, position, size) {
      const rows = await db
        .selectFrom('clicks')
        .innerJoin('shares', 'shares.id', 'clicks.share_id')
        .select([
          'clicks.created_at',
          'clicks.day',
          'clicks.code',
          'clicks.visitor_hash',
          'clicks.share_id',
          'shares.employee_id',
          'shares.post_id',
          'shares.network',
        ])
        .where('clicks.created_at', '>=', window.from)
        .where('clicks.created_at', '<=', window.to)
        .where(after(position, 'clicks.created_at', 'clicks.visitor_hash'))
        .orderBy('clicks.created_at')
        .orderBy('clicks.visitor_hash')
        .limit(size)
        .execute();
      return rows.map((r) => ({
        position: [r.created_at, r.visitor_hash],
        cells: [r.created_at, r.day, r.code, r.share_id, r.employee_id, r.post_id, r.network],
      }));
    },
  },
  conversions: {
    header: ['id', 'createdAt', 'type', 'value', 'currency', 'externalId', 'trackingCode', 'employeeId', 'postId'],
    async page(db, window, position, size) {
      const rows = await conversionPage(db, window, position, size);
      return rows.map((r) => ({
        position: [r.created_at, r.id],
        cells: [r.id, r.created_at, r.type, Number(r.value), r.currency, r.external_id, r.code, r.employee_id, r.post_id],
      }));
    },
  },
} satisfies Record<'shares' | 'clicks' | 'conversions', CsvExport>;

const PAGE_SIZE = 1000;

/** Streams an export as CSV in keyset pages, oldest first, so a large window never sits in memory. */
export function csvResponse(c: Context<AppEnv>, db: Db, name: string, window: Window, spec: CsvExport, pageSize = PAGE_SIZE): Response {
  const encoder = new TextEncoder();
  let position: [string, string] | null = null;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRow([...spec.header])));
        return;
      }
      const rows = await spec.page(db, window, position, pageSize);
      if (rows.length > 0) {
        controller.enqueue(encoder.encode(rows.map((row) => (row.cells === null ? '' : csvRow(row.cells))).join('')));
        position = rows[rows.length - 1]!.position;
      }
      if (rows.length < pageSize) controller.close();
    },
  });
  return c.body(stream, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}-${window.from.slice(0, 10)}-${window.to.slice(0, 10)}.csv"`,
    'Cache-Control': 'no-store',
  });
}

/** `GET /admin/exports/{shares,clicks,conversions}.csv`. */
export function exportRoutes(api: Hono<AppEnv>, s: Services): void {
  const operations = { shares: 'adminExportShares', clicks: 'adminExportClicks', conversions: 'adminExportConversions' } as const;
  for (const [name, operationId] of Object.entries(operations) as Array<
    [keyof typeof operations, (typeof operations)[keyof typeof operations]]
  >) {
    handle(api, s, operationId, (c, { query }) => csvResponse(c, s.db, name, analyticsWindow(query, new Date()), EXPORTS[name]));
  }
}
