import { sql, type SelectQueryBuilder } from 'kysely';
import { invalid } from './problem.js';

/** A keyset position: the sort key and id of the last item of a page. */
export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

/** A key or id this server could have written: no NUL, which PostgreSQL refuses in text (a 500). */
const storable = (value: unknown): value is string => typeof value === 'string' && !value.includes('\u0000');

/** Decodes an opaque cursor; anything not made by `encodeCursor` is a 400. */
export function decodeCursor(raw: string | undefined): Cursor | null {
  if (raw === undefined || raw === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && storable(value[0]) && storable(value[1])) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // falls through to the problem below
  }
  throw invalid(400, 'The cursor is not one this server returned.', [
    { field: 'cursor', message: 'invalid cursor', code: 'invalid_cursor' },
  ]);
}

/** Builds a page from `limit + 1` rows fetched in order. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  map: (row: Row) => Item,
  position: (row: Row) => Cursor,
): { items: Item[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), nextCursor: more && last !== undefined ? encodeCursor(position(last)) : null };
}

/**
 * One newest-first keyset page of `select` on (`key`, `id`): the `limit + 1` rows after the
 * request's cursor, for `toPage`. A cursor this server did not make is a 400.
 */
export function newestFirst<DB, TB extends keyof DB, O>(
  select: SelectQueryBuilder<DB, TB, O>,
  page: { cursor?: string; limit: number },
  key: string,
  id: string,
): Promise<O[]> {
  const cursor = decodeCursor(page.cursor);
  const after =
    cursor === null
      ? select
      : select.where(
          sql<boolean>`(${sql.ref(key)} < ${cursor.key} or (${sql.ref(key)} = ${cursor.key} and ${sql.ref(id)} < ${cursor.id}))`,
        );
  return after
    .orderBy(sql.ref(key), 'desc')
    .orderBy(sql.ref(id), 'desc')
    .limit(page.limit + 1)
    .execute();
}
