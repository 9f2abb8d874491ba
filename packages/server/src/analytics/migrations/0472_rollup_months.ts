import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Released migration: append-only, never edited. A month level (`m`, bucket `YYYY-MM`, UTC) in
 * the team and post rollups: a 12-month summary reads about 11 month rows per post instead of
 * 52 week rows. The months are counted from the day rows already there, and the triggers that
 * count shares and conversions (0205_analytics_rollups, on PostgreSQL 0460_rollup_lock_order)
 * now add to the months too; the click writers add to them in the application
 * (analytics/rollups.ts). The summary checks the months against the network rollup's days and
 * reads without them where they fall short (analytics/summary.ts `byKey`), so a click stored
 * meanwhile by an instance still running the release before is never lost from a figure.
 * Down removes the months and puts the triggers back as they were.
 *
 * The trigger SQL is written out here (not taken from analytics/rollups.ts, which later releases
 * may change) by a small generator frozen with this file.
 */
export const rollupMonthsMigration: Migration = {
  async up(db: Kysely<any>) {
    const sqlite = isSqlite(db);
    for (const [table, key] of MONTHLY) {
      // Month rows written before this migration ran (a writer of a later release started first) are counted again too.
      await sql.raw(`delete from ${table} where level = 'm'`).execute(db);
      await sql
        .raw(
          `insert into ${table} (level, bucket, ${key}, ${COUNTERS.join(', ')})
          select 'm', substr(bucket, 1, 7), ${key}, ${COUNTERS.map((c) => `sum(${c})`).join(', ')}
          from ${table} where level = 'd'
          group by substr(bucket, 1, 7), ${key} order by 2, 3`,
        )
        .execute(db);
    }
    await triggers(db, sqlite, true);
  },
  async down(db: Kysely<any>) {
    const sqlite = isSqlite(db);
    await triggers(db, sqlite, false);
    for (const [table] of MONTHLY) await sql.raw(`delete from ${table} where level = 'm'`).execute(db);
  },
};

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

async function triggers(db: Kysely<any>, sqlite: boolean, months: boolean): Promise<void> {
  for (const source of SOURCES) {
    if (sqlite) {
      await sql.raw(`drop trigger if exists ${source}_roll_up`).execute(db);
      await sql.raw(sqliteTrigger(source, months)).execute(db);
    } else {
      await sql.raw(postgresFunction(source, months)).execute(db);
    }
  }
}

type Source = 'shares' | 'conversions';
const SOURCES: readonly Source[] = ['shares', 'conversions'];
const MONTHLY = [
  ['rollup_team', 'team_id'],
  ['rollup_post', 'post_id'],
] as const;
const COUNTERS = ['shares', 'clicks', 'conversions', 'conversion_value'] as const;

type Level = 'a' | 'd' | 'h' | 'm' | 'w';

/** Each rollup table, its key and its levels, with or without months, in the order the triggers add to them. */
function dimensions(months: boolean) {
  return [
    { table: 'rollup_network', key: 'network', levels: ['h', 'd'] as Level[] },
    { table: 'rollup_team', key: 'team_id', levels: ['h', 'd', 'w', ...(months ? ['m' as const] : [])] as Level[] },
    { table: 'rollup_post', key: 'post_id', levels: ['h', 'd', 'w', ...(months ? ['m' as const] : []), 'a'] as Level[] },
  ];
}

function bucket(level: Level, time: string, sqlite: boolean): string {
  if (level === 'h') return `substr(${time}, 1, 13)`;
  if (level === 'd') return `substr(${time}, 1, 10)`;
  if (level === 'm') return `substr(${time}, 1, 7)`;
  if (level === 'a') return "''";
  return sqlite
    ? `date(substr(${time}, 1, 10), 'weekday 0', '-6 days')`
    : `to_char(date_trunc('week', substr(${time}, 1, 10)::timestamp), 'YYYY-MM-DD')`;
}

const upsert = (table: string, key: string) =>
  `on conflict (level, bucket, ${key}) do update set ${COUNTERS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`;

/** SQLite: the row trigger, one upsert per table and level (as 0205 made it, plus the months). */
function sqliteTrigger(source: Source, months: boolean): string {
  const statements = dimensions(months).flatMap(({ table, key, levels }) =>
    levels.map((level) => {
      // A share is the row itself; a conversion reaches its share. The team is the sharer's.
      const share = source === 'shares' ? 'new' : 's';
      const joins =
        source === 'shares'
          ? key === 'team_id'
            ? { from: 'employees e', where: 'e.id = new.employee_id', rest: '' }
            : null
          : {
              from: 'shares s',
              where: 's.id = new.share_id',
              rest: key === 'team_id' ? 'join employees e on e.id = s.employee_id' : '',
            };
      const value = key === 'team_id' ? 'e.team_id' : `${share}.${key}`;
      const counts = COUNTERS.map((c) =>
        c === 'conversion_value' ? (source === 'conversions' ? 'new.value' : '0') : c === source ? '1' : '0',
      );
      return `insert into ${table} (level, bucket, ${key}, ${COUNTERS.join(', ')})
    select '${level}', ${bucket(level, 'new.created_at', true)}, ${value}, ${counts.join(', ')}
    ${joins === null ? '' : `from ${joins.from} ${joins.rest}`}
    where ${joins?.where ?? 'true'}
    ${upsert(table, key)};`;
    }),
  );
  return `create trigger ${source}_roll_up after insert on ${source} begin\n${statements.join('\n')}\nend`;
}

/**
 * PostgreSQL: the statement trigger's function, one upsert per table and level in the order
 * every writer locks rollup rows (tables network, team, post; levels in text order a, d, h, m, w),
 * as 0460_rollup_lock_order made it, plus the months.
 */
function postgresFunction(source: Source, months: boolean): string {
  const share = source === 'shares' ? 'n' : 's';
  const count = (counter: string) => (counter === source ? '1' : '0');
  const records = `select n.created_at as at, ${share}.post_id as post_id, ${share}.network as network, e.team_id as team_id,
      ${count('shares')} as shares, ${count('clicks')} as clicks, ${count('conversions')} as conversions,
      ${source === 'conversions' ? 'n.value' : '0'} as conversion_value
    from new_rows n ${source === 'shares' ? '' : 'join shares s on s.id = n.share_id'} join employees e on e.id = ${share}.employee_id`;
  const statements = dimensions(months).flatMap(({ table, key, levels }) =>
    [...levels].sort().map((level) => {
      const at = bucket(level, 'r.at', false);
      return `insert into ${table} (level, bucket, ${key}, ${COUNTERS.join(', ')})
    select '${level}', ${at}, r.${key}, ${COUNTERS.map((c) => `sum(r.${c})`).join(', ')}
    from (${records}) r
    where true group by ${level === 'a' ? '' : `${at}, `}r.${key} order by 2, 3
    ${upsert(table, key)};`;
    }),
  );
  return `create or replace function ${source}_roll_up() returns trigger language plpgsql as $$ begin
${statements.join('\n')}
return null; end $$`;
}
