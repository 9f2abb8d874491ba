import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';
import { clickDailyMigration } from './migration.js';

/**
 * Analytics rollups: shares, unique human clicks, conversions and conversion value per time
 * bucket and per one dimension, so that a summary reads a few thousand rows instead of millions.
 *
 * A bucket is an hour (`h`, `2026-11-27T09`), a UTC day (`d`, `2026-11-27`), an ISO week (`w`,
 * its Monday, `2026-11-23`) or all time (`a`, `''`). A window is covered by its whole weeks,
 * then whole days, then whole hours, and the raw rows of the partial hours at its two ends (see
 * summary.ts), so every figure stays exact for any window.
 *
 * Triggers keep the rollups in the same transaction as every row actually inserted into
 * `shares`, `clicks` and `conversions` (rows skipped by ON CONFLICT DO NOTHING fire nothing),
 * whoever writes them: the API, the click flush, the worker-thread store, the seed or a bulk
 * load. A share's team is the sharer's team when the row is written.
 */

export type Level = 'h' | 'd' | 'w' | 'a';

export interface Dimension {
  table: 'rollup_network' | 'rollup_team' | 'rollup_post';
  key: 'network' | 'team_id' | 'post_id';
  levels: readonly Level[];
}

/** The network rollup gives the totals and the time series (hence no weeks); posts also keep all-time totals for the content list. */
export const DIMENSIONS = {
  network: { table: 'rollup_network', key: 'network', levels: ['h', 'd'] },
  team: { table: 'rollup_team', key: 'team_id', levels: ['h', 'd', 'w'] },
  post: { table: 'rollup_post', key: 'post_id', levels: ['h', 'd', 'w', 'a'] },
} as const satisfies Record<string, Dimension>;

type Source = 'shares' | 'clicks' | 'conversions';
const SOURCES: readonly Source[] = ['shares', 'clicks', 'conversions'];
type Dialect = 'sqlite' | 'postgres';

/** The bucket of an ISO timestamp column, as SQL (constant text, no input). */
function bucket(level: Level, time: string, dialect: Dialect): string {
  if (level === 'h') return `substr(${time}, 1, 13)`;
  if (level === 'd') return `substr(${time}, 1, 10)`;
  if (level === 'a') return `''`;
  return dialect === 'sqlite'
    ? `date(substr(${time}, 1, 10), 'weekday 0', '-6 days')`
    : `to_char(date_trunc('week', substr(${time}, 1, 10)::timestamp), 'YYYY-MM-DD')`;
}

interface Join {
  table: string;
  on: string;
}

/**
 * Joins that reach a record's share and sharer from `row` (a table alias, or `new` in a SQLite
 * row trigger), and the column holding the dimension's key.
 */
function reach(source: Source, dimension: Dimension, row: string): { joins: Join[]; key: string } {
  const share = source === 'shares' ? row : 's';
  const joins = source === 'shares' ? [] : [{ table: 'shares s', on: `s.id = ${row}.share_id` }];
  if (dimension.key !== 'team_id') return { joins, key: `${share}.${dimension.key}` };
  return { joins: [...joins, { table: 'employees e', on: `e.id = ${share}.employee_id` }], key: 'e.team_id' };
}

const join = (joins: Join[]) => joins.map((j) => `join ${j.table} on ${j.on}`).join(' ');

const COUNTERS = ['shares', 'clicks', 'conversions', 'conversion_value'] as const;

function upsert(dimension: Dimension): string {
  const t = dimension.table;
  return `on conflict (level, bucket, ${dimension.key}) do update set ${COUNTERS.map((c) => `${c} = ${t}.${c} + excluded.${c}`).join(', ')}`;
}

/** Counts a set of new rows of `source` (the table or transition table `from`) into one level of a dimension. */
function setStatement(source: Source, from: string, dimension: Dimension, level: Level, dialect: Dialect): string {
  const { joins, key } = reach(source, dimension, 'n');
  const at = bucket(level, 'n.created_at', dialect);
  const counts = COUNTERS.map((c) => (c === 'conversion_value' ? (source === 'conversions' ? 'sum(n.value)' : '0') : c === source ? 'count(*)' : '0'));
  return `insert into ${dimension.table} (level, bucket, ${dimension.key}, ${COUNTERS.join(', ')})
    select '${level}', ${at}, ${key}, ${counts.join(', ')}
    from ${from} n ${join(joins)}
    where true group by ${level === 'a' ? '' : `${at}, `}${key} order by 2, 3
    ${upsert(dimension)}`;
}

/** Counts the one new row of `source` into one level of a dimension, inside a SQLite row trigger. */
function rowStatement(source: Source, dimension: Dimension, level: Level): string {
  const { joins, key } = reach(source, dimension, 'new');
  const counts = COUNTERS.map((c) => (c === 'conversion_value' ? (source === 'conversions' ? 'new.value' : '0') : c === source ? '1' : '0'));
  // In a row trigger the first join is the FROM table, its condition the WHERE.
  const [first, ...rest] = joins;
  return `insert into ${dimension.table} (level, bucket, ${dimension.key}, ${COUNTERS.join(', ')})
    select '${level}', ${bucket(level, 'new.created_at', 'sqlite')}, ${key}, ${counts.join(', ')}
    ${first === undefined ? '' : `from ${first.table} ${join(rest)}`}
    where ${first?.on ?? 'true'}
    ${upsert(dimension)};`;
}

function* everyLevel(): Generator<[Dimension, Level]> {
  for (const dimension of Object.values(DIMENSIONS)) for (const level of dimension.levels) yield [dimension, level];
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/** Replaces `click_daily` (clicks only, days only) with the rollups, counting every existing row in; keeps `shares_created_cover`. */
export const rollupsMigration: Migration = {
  async up(db: Kysely<any>) {
    const dialect: Dialect = isSqlite(db) ? 'sqlite' : 'postgres';
    await sql.raw(`drop trigger if exists clicks_roll_up${dialect === 'sqlite' ? '' : ' on clicks'}`).execute(db);
    if (dialect === 'postgres') await sql`drop function if exists clicks_roll_up()`.execute(db);
    await db.schema.dropTable('click_daily').execute();
    for (const dimension of Object.values(DIMENSIONS)) {
      await db.schema
        .createTable(dimension.table)
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn(dimension.key, 'text', (c) => c.notNull())
        .addColumn('shares', 'integer', (c) => c.notNull())
        .addColumn('clicks', 'integer', (c) => c.notNull())
        .addColumn('conversions', 'integer', (c) => c.notNull())
        .addColumn('conversion_value', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${dimension.table}_pk`, ['level', 'bucket', dimension.key])
        .$call((builder) => (dialect === 'sqlite' ? builder.modifyEnd(sql`without rowid`) : builder))
        .execute();
    }
    for (const source of SOURCES) {
      for (const [dimension, level] of everyLevel()) await sql.raw(setStatement(source, source, dimension, level, dialect)).execute(db);
    }

    for (const source of SOURCES) {
      if (dialect === 'sqlite') {
        const body = [...everyLevel()].map(([dimension, level]) => rowStatement(source, dimension, level)).join('\n');
        await sql.raw(`create trigger ${source}_roll_up after insert on ${source} begin\n${body}\nend`).execute(db);
        continue;
      }
      // One statement-level pass per INSERT: its transition table holds only the inserted rows.
      const body = [...everyLevel()].map(([dimension, level]) => `${setStatement(source, 'new_rows', dimension, level, dialect)};`).join('\n');
      await sql.raw(`create function ${source}_roll_up() returns trigger language plpgsql as $$ begin\n${body}\nreturn null; end $$`).execute(db);
      await sql
        .raw(`create trigger ${source}_roll_up after insert on ${source} referencing new table as new_rows for each statement execute function ${source}_roll_up()`)
        .execute(db);
    }
  },
  async down(db: Kysely<any>) {
    for (const source of SOURCES) {
      await sql.raw(`drop trigger if exists ${source}_roll_up${isSqlite(db) ? '' : ` on ${source}`}`).execute(db);
      if (!isSqlite(db)) await sql.raw(`drop function if exists ${source}_roll_up()`).execute(db);
    }
    for (const dimension of Object.values(DIMENSIONS)) await db.schema.dropTable(dimension.table).execute();
    // Back to `click_daily`, which counts the existing clicks in again (its index stayed).
    await db.schema.dropIndex('shares_created_cover').execute();
    await clickDailyMigration.up(db);
  },
};
