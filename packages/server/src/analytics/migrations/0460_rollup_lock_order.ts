import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Released migration: append-only, never edited. PostgreSQL: the statement triggers that count
 * shares and conversions into the analytics rollups (0205_analytics_rollups) add to the rows one
 * level at a time, in the order every writer locks them — table by table (network, team, post),
 * in each by level, bucket and key, as the click writers do (analytics/rollups.ts `lockOrder`).
 * 0205's functions were one statement whose data-modifying CTEs lock rows in an order PostgreSQL
 * does not promise (the all-time post row first): a share and a click batch deadlocked about once
 * a second under mixed load, one of them failed after deadlock_timeout and the requests queued
 * behind both waited that second. The sums are the same. SQLite (row triggers, one writer at a
 * time) is unchanged. Down keeps these functions: they count exactly what 0205's did.
 */
export const rollupLockOrderMigration: Migration = {
  async up(db: Kysely<any>) {
    if (db.getExecutor().adapter instanceof SqliteAdapter) return;
    for (const body of Object.values(POSTGRES_FUNCTION_BODIES)) await sql.raw(body).execute(db);
  },
  async down() {},
};

/**
 * PostgreSQL: the trigger functions as this migration creates them, written out here (not taken
 * from analytics/rollups.ts, which later releases may change): per source, one upsert per rollup
 * table and level, tables in the order network, team, post and levels in the order a, d, h, w.
 */
const DIMENSIONS = [
  { table: 'rollup_network', key: 'network', levels: ['d', 'h'] },
  { table: 'rollup_team', key: 'team_id', levels: ['d', 'h', 'w'] },
  { table: 'rollup_post', key: 'post_id', levels: ['a', 'd', 'h', 'w'] },
] as const;

const BUCKET = {
  a: "''",
  d: 'substr(r.at, 1, 10)',
  h: 'substr(r.at, 1, 13)',
  w: "to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD')",
} as const;

const COUNTERS = ['shares', 'clicks', 'conversions', 'conversion_value'] as const;

function functionBody(source: 'shares' | 'conversions'): string {
  const share = source === 'shares' ? 'n' : 's';
  const count = (counter: string) => (counter === source ? '1' : '0');
  const records = `select n.created_at as at, ${share}.post_id as post_id, ${share}.network as network, e.team_id as team_id,
      ${count('shares')} as shares, ${count('clicks')} as clicks, ${count('conversions')} as conversions,
      ${source === 'conversions' ? 'n.value' : '0'} as conversion_value
    from new_rows n ${source === 'shares' ? '' : 'join shares s on s.id = n.share_id'} join employees e on e.id = ${share}.employee_id`;
  const statements = DIMENSIONS.flatMap(({ table, key, levels }) =>
    levels.map((level) => {
      const at = BUCKET[level];
      return `insert into ${table} (level, bucket, ${key}, ${COUNTERS.join(', ')})
    select '${level}', ${at}, r.${key}, ${COUNTERS.map((c) => `sum(r.${c})`).join(', ')}
    from (${records}) r
    where true group by ${level === 'a' ? '' : `${at}, `}r.${key} order by 2, 3
    on conflict (level, bucket, ${key}) do update set ${COUNTERS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')};`;
    }),
  );
  return `create or replace function ${source}_roll_up() returns trigger language plpgsql as $$ begin
${statements.join('\n')}
return null; end $$`;
}

const POSTGRES_FUNCTION_BODIES = { shares: functionBody('shares'), conversions: functionBody('conversions') };
