// The rollup builders run raw SQL on any database the CLI opens, typed or not: Kysely<any> as in migrations.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

/**
 * Analytics rollups: shares, unique human clicks, conversions and conversion value per time
 * bucket and per one dimension, so that a summary reads a few thousand rows instead of millions.
 *
 * A bucket is an hour (`h`, `2026-11-27T09`), a UTC day (`d`, `2026-11-27`), an ISO week (`w`,
 * its Monday, `2026-11-23`), a UTC calendar month (`m`, `2026-11`) or all time (`a`, `''`). A
 * window is covered by its whole months, then whole weeks, whole days and whole hours, and the raw
 * rows of the partial hours at its two ends (see summary.ts), so every figure stays exact for
 * any window.
 *
 * Every row actually inserted into `shares`, `clicks` or `conversions` is counted in the same
 * transaction (rows skipped by ON CONFLICT DO NOTHING count nothing). Shares and conversions,
 * written one at a time, are counted by triggers. Clicks come in batches of hundreds and are
 * counted by their writer: `rollUpClicks` adds one delta per level, bucket and key for the rows a
 * batch inserted (a trigger cost nine upserts per click). A share's team is the sharer's team when
 * the row is written.
 *
 * Migration 0205_analytics_rollups created the tables and triggers with a frozen copy of the SQL
 * these builders gave at its release (0400_click_rollups_in_app dropped the clicks trigger,
 * 0460_rollup_lock_order and 0472_rollup_months changed the triggers); the builders serve
 * `rebuild-rollups` and bulk loads from here on.
 */

export type Level = 'h' | 'd' | 'w' | 'm' | 'a';

export interface Dimension {
  table: 'rollup_network' | 'rollup_team' | 'rollup_post';
  key: 'network' | 'team_id' | 'post_id';
  levels: readonly Level[];
}

/**
 * Levels finest first. The network rollup gives the totals and the time series by day (hence no
 * weeks nor months; its days also check the months of the others, see summary.ts); posts also
 * keep all-time totals for the content list.
 */
export const DIMENSIONS = {
  network: { table: 'rollup_network', key: 'network', levels: ['h', 'd'] },
  team: { table: 'rollup_team', key: 'team_id', levels: ['h', 'd', 'w', 'm'] },
  post: { table: 'rollup_post', key: 'post_id', levels: ['h', 'd', 'w', 'm', 'a'] },
} as const satisfies Record<string, Dimension>;

type Source = 'shares' | 'clicks' | 'conversions';
const SOURCES: readonly Source[] = ['shares', 'clicks', 'conversions'];
/** The sources a trigger counts; clicks are counted by their writer (`rollUpClicks`). */
const TRIGGERED = ['shares', 'conversions'] as const satisfies readonly Source[];
type Dialect = 'sqlite' | 'postgres';

/** The bucket of an ISO timestamp column, as SQL (constant text, no input). */
function bucket(level: Level, time: string, dialect: Dialect): string {
  if (level === 'h') return `substr(${time}, 1, 13)`;
  if (level === 'd') return `substr(${time}, 1, 10)`;
  if (level === 'a') return `''`;
  if (level === 'm') return `substr(${time}, 1, 7)`;
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

function* everyLevel(): Generator<[Dimension, Level]> {
  for (const dimension of Object.values(DIMENSIONS)) for (const level of dimension.levels) yield [dimension, level];
}

/**
 * Every level of every dimension in the order all writers lock rollup rows on PostgreSQL: table by
 * table (network, team, post), in each by level, then bucket and key — the order of
 * `rollupDeltas`, which the click writers follow. Two writers that lock the same rows in another
 * order can deadlock (a share's trigger and a click batch did, about once a second under mixed
 * load: PostgreSQL aborts one after deadlock_timeout, and everything queued behind waits that
 * second).
 */
function* lockOrder(): Generator<[Dimension, Level]> {
  for (const dimension of Object.values(DIMENSIONS)) for (const level of [...dimension.levels].sort()) yield [dimension, level];
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * The records of `source` in `from` (the table itself or a trigger's transition table) as rows of
 * time, post, network and sharer's team with what each counts for.
 */
function recordRows(source: Source, from: string): string {
  const share = source === 'shares' ? 'n' : 's';
  const count = (counter: Source) => (counter === source ? '1' : '0');
  return `select n.created_at as at, ${share}.post_id as post_id, ${share}.network as network, e.team_id as team_id,
      ${count('shares')} as shares, ${count('clicks')} as clicks, ${count('conversions')} as conversions,
      ${source === 'conversions' ? 'n.value' : '0'} as conversion_value
    from ${from} n ${source === 'shares' ? '' : 'join shares s on s.id = n.share_id'} join employees e on e.id = ${share}.employee_id`;
}

/** Adds the rows of `rows` (from recordRows) into one level of a dimension. */
function groupInsert(dimension: Dimension, level: Level, rows: string, dialect: Dialect): string {
  const at = bucket(level, 'r.at', dialect);
  return `insert into ${dimension.table} (level, bucket, ${dimension.key}, ${COUNTERS.join(', ')})
    select '${level}', ${at}, r.${dimension.key}, ${COUNTERS.map((c) => `sum(r.${c})`).join(', ')}
    from ${rows} r
    where true group by ${level === 'a' ? '' : `${at}, `}r.${dimension.key} order by 2, 3
    ${upsert(dimension)}`;
}

/**
 * The body of a PostgreSQL statement trigger's function that counts the rows of its transition
 * table `new_rows`: one upsert per level, in `lockOrder`. (One statement with a data-modifying CTE
 * per level locks the rows in an order PostgreSQL does not promise: the main query's first, then
 * the CTEs' as the executor finishes them.)
 */
export function postgresTriggerBody(source: (typeof TRIGGERED)[number]): string {
  const rows = `(${recordRows(source, 'new_rows')})`;
  return [...lockOrder()].map(([dimension, level]) => `${groupInsert(dimension, level, rows, 'postgres')};`).join('\n');
}

/** On PostgreSQL: one statement that joins the records once and adds them into `levels` (every level of every dimension). */
function postgresCount(source: Source, from: string, levels: Iterable<[Dimension, Level]> = everyLevel()): string {
  const inserts = [...levels].map(([dimension, level]) => groupInsert(dimension, level, 'r', 'postgres'));
  const last = inserts.pop()!;
  return `with r as materialized (${recordRows(source, from)}),
    ${inserts.map((insert, i) => `u${i} as (${insert})`).join(',\n    ')}
    ${last}`;
}

/** The level each coarser level is summed from when the rollups are counted again (see `countAll`). */
const DERIVED_FROM: Record<Exclude<Level, 'h'>, Level> = { d: 'h', w: 'd', m: 'd', a: 'd' };

/**
 * Sums a dimension's rows at level `from` into new rows at `level` (rows at `level` must not exist
 * yet), written in bucket and key order: a window's rows then sit on few pages.
 */
function derivedInsert(dimension: Dimension, level: Exclude<Level, 'h'>, dialect: Dialect): string {
  const at = bucket(level, 'r.bucket', dialect);
  return `insert into ${dimension.table} (level, bucket, ${dimension.key}, ${COUNTERS.join(', ')})
    select '${level}', ${at}, r.${dimension.key}, ${COUNTERS.map((c) => `sum(r.${c})`).join(', ')}
    from ${dimension.table} r
    where r.level = '${DERIVED_FROM[level]}'
    group by ${level === 'a' ? '' : `${at}, `}r.${dimension.key} order by 2, 3`;
}

/**
 * Counts every stored record of every source into rollups emptied first: the records once into
 * the hours of each dimension (on SQLite through a temporary table per source), then each
 * coarser level summed from the level below it (a day from its hours, a week, a month and all
 * time from days) — a few passes over millions of records instead of one per level, and the same sums.
 */
async function countAll(db: Kysely<any>): Promise<void> {
  const dialect: Dialect = isSqlite(db) ? 'sqlite' : 'postgres';
  const dimensions = Object.values(DIMENSIONS);
  for (const source of SOURCES) {
    if (dialect === 'postgres') {
      await sql
        .raw(
          postgresCount(
            source,
            source,
            dimensions.map((dimension) => [dimension, 'h'] as [Dimension, Level]),
          ),
        )
        .execute(db);
      continue;
    }
    await sql.raw(`create temp table rollup_records as ${recordRows(source, source)}`).execute(db);
    for (const dimension of dimensions) await sql.raw(groupInsert(dimension, 'h', 'temp.rollup_records', 'sqlite')).execute(db);
    await sql`drop table temp.rollup_records`.execute(db);
  }
  for (const dimension of dimensions) {
    // In order: each level is summed from one counted before it.
    for (const level of (['d', 'w', 'm', 'a'] as const).filter((l) => (dimension.levels as readonly Level[]).includes(l))) {
      await sql.raw(derivedInsert(dimension, level, dialect)).execute(db);
    }
  }
}

/** Counts the one new row of `source` into one level of a dimension, inside a SQLite row trigger. */
function rowStatement(source: Source, dimension: Dimension, level: Level): string {
  const { joins, key } = reach(source, dimension, 'new');
  const counts = COUNTERS.map((c) =>
    c === 'conversion_value' ? (source === 'conversions' ? 'new.value' : '0') : c === source ? '1' : '0',
  );
  // In a row trigger the first join is the FROM table, its condition the WHERE.
  const [first, ...rest] = joins;
  return `insert into ${dimension.table} (level, bucket, ${dimension.key}, ${COUNTERS.join(', ')})
    select '${level}', ${bucket(level, 'new.created_at', 'sqlite')}, ${key}, ${counts.join(', ')}
    ${first === undefined ? '' : `from ${first.table} ${join(rest)}`}
    where ${first?.on ?? 'true'}
    ${upsert(dimension)};`;
}

/** Creates the triggers that keep the rollups of shares and conversions (see the module comment). */
export async function createRollupTriggers(db: Kysely<any>): Promise<void> {
  for (const source of TRIGGERED) {
    if (isSqlite(db)) {
      const body = [...everyLevel()].map(([dimension, level]) => rowStatement(source, dimension, level)).join('\n');
      await sql.raw(`create trigger ${source}_roll_up after insert on ${source} begin\n${body}\nend`).execute(db);
      continue;
    }
    // One statement-level pass per INSERT: its transition table holds only the inserted rows.
    await sql
      .raw(
        `create function ${source}_roll_up() returns trigger language plpgsql as $$ begin\n${postgresTriggerBody(source)}\nreturn null; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${source}_roll_up after insert on ${source} referencing new table as new_rows for each statement execute function ${source}_roll_up()`,
      )
      .execute(db);
  }
}

/** Drops those triggers: shares and conversions inserted meanwhile are not counted until `rebuildRollups`. */
export async function dropRollupTriggers(db: Kysely<any>): Promise<void> {
  for (const source of TRIGGERED) {
    await sql.raw(`drop trigger if exists ${source}_roll_up${isSqlite(db) ? '' : ` on ${source}`}`).execute(db);
    if (!isSqlite(db)) await sql.raw(`drop function if exists ${source}_roll_up()`).execute(db);
  }
}

/**
 * Counts the rollups again from every stored share, click and conversion, in one transaction:
 * after a bulk import made with the triggers dropped (`advocacy-server rebuild-rollups`).
 */
export async function rebuildRollups(db: Kysely<any>): Promise<void> {
  await db.transaction().execute((trx) => rebuildRollupsWithin(trx));
}

/* ------------------------------------------------------------ deltas counted by the application */

/** One record to count: when, which share's post and network, the sharer's team, and what it counts for. */
export interface RollupRecord {
  at: string;
  postId: string;
  network: string;
  teamId: string;
  shares: number;
  clicks: number;
  conversions: number;
  conversionValue: number;
}

/** What to add to one row of a rollup table. */
export interface RollupDelta {
  level: Level;
  bucket: string;
  key: string;
  shares: number;
  clicks: number;
  conversions: number;
  conversion_value: number;
}

const DAY_MS = 86_400_000;

/** The Monday (UTC) of the ISO week of a `YYYY-MM-DD` day, as the SQL `bucket` above gives it. */
export function isoWeekOf(day: string): string {
  const ms = Date.parse(day);
  return new Date(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The bucket of an ISO time at a level: the same rule as the SQL builders (hour `2026-11-27T09`,
 * day `2026-11-27`, ISO week by its Monday, month `2026-11`, all time `''`). `weeks` caches the
 * week of each day.
 */
export function bucketOf(level: Level, at: string, weeks?: Map<string, string>): string {
  if (level === 'h') return at.slice(0, 13);
  if (level === 'd') return at.slice(0, 10);
  if (level === 'm') return at.slice(0, 7);
  if (level === 'a') return '';
  const day = at.slice(0, 10);
  let week = weeks?.get(day);
  if (week === undefined) {
    week = isoWeekOf(day);
    weeks?.set(day, week);
  }
  return week;
}

/**
 * The records summed per hour, post, network and team: every level's bucket follows from the
 * hour, so a batch of thousands of clicks on a few links is spread over its levels once per
 * link and hour instead of once per click.
 */
function byHourAndKeys(records: Iterable<RollupRecord>): Iterable<RollupRecord> {
  const groups = new Map<string, RollupRecord>();
  for (const record of records) {
    const id = `${record.at.slice(0, 13)}\n${record.postId}\n${record.network}\n${record.teamId}`;
    const group = groups.get(id);
    if (group === undefined) {
      groups.set(id, { ...record });
    } else {
      group.shares += record.shares;
      group.clicks += record.clicks;
      group.conversions += record.conversions;
      group.conversionValue += record.conversionValue;
    }
  }
  return groups.values();
}

/**
 * Sums records into one delta per level, bucket and key of every dimension, each table's deltas
 * in (level, bucket, key) order so that concurrent writers lock rows in the same order.
 */
export function rollupDeltas(records: Iterable<RollupRecord>): Map<Dimension, RollupDelta[]> {
  const sums = new Map<Dimension, Map<string, RollupDelta>>(Object.values(DIMENSIONS).map((d) => [d, new Map()]));
  // Every level of every dimension with the sums it adds into: looked up once, not per record.
  const targets = [...everyLevel()].map(([dimension, level]) => ({ dimension, level, into: sums.get(dimension)! }));
  const weeks = new Map<string, string>();
  const buckets: Record<Level, string> = { h: '', d: '', w: '', m: '', a: '' };
  for (const record of byHourAndKeys(records)) {
    // Each level's bucket once per record (the week is a date computation).
    for (const level of ['h', 'd', 'w', 'm', 'a'] as const) buckets[level] = bucketOf(level, record.at, weeks);
    for (const { dimension, level, into } of targets) {
      const bucket = buckets[level];
      const key = dimension.key === 'network' ? record.network : dimension.key === 'team_id' ? record.teamId : record.postId;
      const id = `${level}\n${bucket}\n${key}`;
      const delta = into.get(id);
      if (delta === undefined) {
        into.set(id, {
          level,
          bucket,
          key,
          shares: record.shares,
          clicks: record.clicks,
          conversions: record.conversions,
          conversion_value: record.conversionValue,
        });
      } else {
        delta.shares += record.shares;
        delta.clicks += record.clicks;
        delta.conversions += record.conversions;
        delta.conversion_value += record.conversionValue;
      }
    }
  }
  const order = (a: RollupDelta, b: RollupDelta) =>
    a.level < b.level
      ? -1
      : a.level > b.level
        ? 1
        : a.bucket < b.bucket
          ? -1
          : a.bucket > b.bucket
            ? 1
            : a.key < b.key
              ? -1
              : a.key > b.key
                ? 1
                : 0;
  return new Map([...sums].map(([dimension, deltas]) => [dimension, [...deltas.values()].sort(order)]));
}

/** Rows per upsert statement (7 values each: well under both databases' parameter limits). */
const UPSERT_CHUNK = 500;

/** Adds the deltas into the rollup tables: one upsert per level, bucket and key. */
export async function addToRollups(db: Kysely<any>, deltas: Map<Dimension, RollupDelta[]>): Promise<void> {
  for (const [dimension, rows] of deltas) {
    for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
      const values = rows
        .slice(start, start + UPSERT_CHUNK)
        .map(
          (delta) =>
            sql`(${delta.level}, ${delta.bucket}, ${delta.key}, ${delta.shares}, ${delta.clicks}, ${delta.conversions}, ${delta.conversion_value})`,
        );
      await sql`insert into ${sql.table(dimension.table)} (level, bucket, ${sql.ref(dimension.key)}, ${sql.raw(COUNTERS.join(', '))})
        values ${sql.join(values)} ${sql.raw(upsert(dimension))}`.execute(db);
    }
  }
}

/** A click row just inserted: its share and time. */
export interface InsertedClick {
  share_id: string;
  created_at: string;
}

/** Shares looked up per query when counting clicks. */
const SHARE_CHUNK = 500;

/** A clicked share as the rollups count it: its post and network, and its sharer's team (null: no such employee). */
export interface ClickShare {
  post_id: string;
  network: string;
  team_id: string | null;
}

/**
 * Counts clicks into the rollups, in the caller's transaction: pass only the rows the batch
 * actually inserted (RETURNING of an INSERT … ON CONFLICT DO NOTHING), never the ones it skipped.
 * Reads each share's post and network and its sharer's team once per batch, unless the caller
 * read them already in this transaction (`known`, by share id: every share of `clicks`).
 */
export async function rollUpClicks(
  db: Kysely<any>,
  clicks: readonly InsertedClick[],
  known?: ReadonlyMap<string, ClickShare>,
): Promise<void> {
  if (clicks.length === 0) return;
  let shares = known;
  if (shares === undefined) {
    const read = new Map<string, ClickShare>();
    const ids = [...new Set(clicks.map((click) => click.share_id))];
    for (let start = 0; start < ids.length; start += SHARE_CHUNK) {
      const rows: { id: string; post_id: string; network: string; team_id: string }[] = await db
        .selectFrom('shares as s')
        .innerJoin('employees as e', 'e.id', 's.employee_id')
        .select(['s.id', 's.post_id', 's.network', 'e.team_id'])
        .where('s.id', 'in', ids.slice(start, start + SHARE_CHUNK))
        .execute();
      for (const row of rows) read.set(row.id, row);
    }
    shares = read;
  }
  const records: RollupRecord[] = [];
  for (const click of clicks) {
    // As the join in `recordRows`: a click whose share or sharer is gone counts nowhere.
    const share = shares.get(click.share_id);
    if (share === undefined || share.team_id === null) continue;
    records.push({
      at: click.created_at,
      postId: share.post_id,
      network: share.network,
      teamId: share.team_id,
      shares: 0,
      clicks: 1,
      conversions: 0,
      conversionValue: 0,
    });
  }
  await addToRollups(db, rollupDeltas(records));
}

/** `rebuildRollups` inside a transaction the caller holds: a bulk import's, all or nothing. */
export async function rebuildRollupsWithin(trx: Kysely<any>): Promise<void> {
  for (const dimension of Object.values(DIMENSIONS)) await trx.deleteFrom(dimension.table).execute();
  await countAll(trx);
}
