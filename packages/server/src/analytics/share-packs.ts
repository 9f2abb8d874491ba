import { sql } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import type { Logger } from '../log.js';
import { PeriodicJob } from '../periodic.js';

/**
 * Share packs: for each UTC hour (level `h`) and each UTC day (level `d`), the sharers of its
 * shares as one blob of 4-byte big-endian employee numbers (`employees.seq`), one per share. The
 * summary's per-employee pass (who shared in a window, and the ten who shared most) reads a year
 * as ~365 day rows and a few dozen hour rows and counts them in a typed array, instead of
 * grouping up to millions of shares by employee in SQL.
 *
 * Exact for any window: its whole days come from their day packs; the rest — the partial days at
 * its two ends and days without a valid pack — from hour packs, and what those leave (partial
 * hours, hours not packed yet, and hours whose shares changed since they were packed: `data`
 * null, set by triggers on `shares`, migration 0470) from the shares. Each share is read from
 * exactly one of the three.
 *
 * The packer packs an hour once it ended PACK_SETTLE_MS ago, and a day once its last hour is
 * packable. Packed hours form one run without gaps (hours without shares get an empty pack), from
 * the first share's hour on, so that an hour without a row before the run's end is always one to
 * read from the shares.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** An hour is packed once it ended this long ago: shares written now go to later hours. */
export const PACK_SETTLE_MS = 10 * 60_000;
/** Hours packed in one transaction at most (on SQLite, how long the write lock is held). */
const CHUNK_HOURS = 168;
/** How often every instance looks for hours to pack. */
export const PACK_INTERVAL_MS = 60_000;

type Level = 'h' | 'd';
const LENGTH: Record<Level, number> = { h: HOUR_MS, d: DAY_MS };
const keyOf = (level: Level, ms: number) => new Date(ms).toISOString().slice(0, level === 'h' ? 13 : 10);
const startOf = (level: Level, key: string) => Date.parse(level === 'h' ? `${key}:00:00.000Z` : `${key}T00:00:00.000Z`);
const floorTo = (level: Level, ms: number) => ms - (((ms % LENGTH[level]) + LENGTH[level]) % LENGTH[level]);
const ceilTo = (level: Level, ms: number) => (floorTo(level, ms) === ms ? ms : floorTo(level, ms) + LENGTH[level]);
const iso = (ms: number) => new Date(ms).toISOString();

/** Packs every bucket of `level` in [from, to) (bucket starts, ms) from the shares, one row each (empty buckets too). */
async function packLevel(trx: Db, dialect: Dialect, level: Level, from: number, to: number): Promise<void> {
  if (from >= to) return;
  await trx
    .deleteFrom('share_packs')
    .where('level', '=', level)
    .where('bucket', '>=', keyOf(level, from))
    .where('bucket', '<', keyOf(level, to))
    .execute();
  const pack = dialect === 'sqlite' ? sql`unhex(group_concat(printf('%08x', e.seq), ''))` : sql`string_agg(int4send(e.seq), ''::bytea)`;
  const bucket = sql.raw(`substr(s.created_at, 1, ${level === 'h' ? 13 : 10})`);
  await sql`
    insert into share_packs (level, bucket, data)
    select ${level}, ${bucket}, ${pack}
    from shares s join employees e on e.id = s.employee_id
    where s.created_at >= ${iso(from)} and s.created_at < ${iso(to)}
    group by ${bucket}`.execute(trx);
  const empty: Array<{ level: Level; bucket: string; data: Buffer }> = [];
  for (let at = from; at < to; at += LENGTH[level]) empty.push({ level, bucket: keyOf(level, at), data: Buffer.alloc(0) });
  for (let i = 0; i < empty.length; i += 200) {
    await trx
      .insertInto('share_packs')
      .values(empty.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['level', 'bucket']).doNothing())
      .execute();
  }
}

/**
 * Packs the hours [from, to) (hour starts, ms) in `trx`, and the days they fall in that have
 * ended by `closed`. On PostgreSQL the shares table is locked against writes first (SHARE mode:
 * reads go on), so no share committed by a transaction that began before the pack can be left out
 * of it: a write waits for the pack's commit, and its trigger then marks its hour and day changed.
 */
async function packHours(trx: Db, dialect: Dialect, from: number, to: number, closed: number): Promise<void> {
  if (from >= to) return;
  if (dialect === 'postgres') {
    // Writers queue behind a waiting lock: give up (until the next pass) rather than hold them long.
    await sql`set local lock_timeout = '1s'`.execute(trx);
    await sql`lock table shares in share mode`.execute(trx);
  }
  await packLevel(trx, dialect, 'h', from, to);
  await packLevel(trx, dialect, 'd', floorTo('d', from), Math.min(ceilTo('d', to), floorTo('d', closed)));
}

/** Runs of consecutive hours (starts, ms) as [from, to) pairs. */
function runsOf(hours: number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const at of hours) {
    const last = runs.at(-1);
    if (last !== undefined && last[1] >= at) last[1] = Math.max(last[1], at + HOUR_MS);
    else runs.push([at, at + HOUR_MS]);
  }
  return runs;
}

/** The runs of hours a pass should pack, before `end`: changed buckets, then the hours before and after the packed run. */
async function pending(db: Db, end: number): Promise<Array<[number, number]>> {
  const [changed, extent, first] = await Promise.all([
    db.selectFrom('share_packs').select(['level', 'bucket']).where('data', 'is', null).orderBy('bucket').limit(10_000).execute(),
    db
      .selectFrom('share_packs')
      .select([sql<string | null>`min(bucket)`.as('first'), sql<string | null>`max(bucket)`.as('last')])
      .where('level', '=', 'h')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('shares')
      .select(sql<string | null>`min(created_at)`.as('at'))
      .executeTakeFirstOrThrow(),
  ]);
  // A changed day is packed again with its changed hours (a pack of hours packs the days they fall
  // in); one without a changed hour (not expected: a share marks both) with its first hour.
  const hours = changed.filter((row) => row.level === 'h').map((row) => startOf('h', row.bucket));
  const covered = new Set(hours.map((at) => floorTo('d', at)));
  for (const row of changed) {
    const day = startOf('d', row.bucket);
    if (row.level === 'd' && !covered.has(day) && day < end) hours.push(day);
  }
  const runs = runsOf([...new Set(hours)].sort((a, b) => a - b));
  if (first.at === null) return runs;
  const start = floorTo('h', Date.parse(first.at));
  if (extent.first === null || extent.last === null) {
    if (start < end) runs.push([start, end]);
    return runs;
  }
  if (start < startOf('h', extent.first)) runs.push([start, startOf('h', extent.first)]);
  if (startOf('h', extent.last) + HOUR_MS < end) runs.push([startOf('h', extent.last) + HOUR_MS, end]);
  return runs;
}

/**
 * Packs what is pending at `now`, one transaction per CHUNK_HOURS, up to `maxHours` hours;
 * resolves with the hours packed. `within` packs in a transaction the caller holds (the import)
 * instead.
 */
export async function packShareHours(
  db: Db,
  dialect: Dialect,
  now: number,
  options: { maxHours?: number; within?: boolean } = {},
): Promise<number> {
  const end = floorTo('h', now - PACK_SETTLE_MS);
  let budget = options.maxHours ?? Infinity;
  let packed = 0;
  for (const [from, to] of await pending(db, end)) {
    for (let at = from; at < to && budget > 0;) {
      const until = Math.min(to, at + Math.min(CHUNK_HOURS, budget) * HOUR_MS);
      if (options.within === true) await packHours(db, dialect, at, until, end);
      else await db.transaction().execute((trx) => packHours(trx, dialect, at, until, end));
      const hours = (until - at) / HOUR_MS;
      packed += hours;
      budget -= hours;
      at = until;
    }
  }
  return packed;
}

/** Every share hour and day packed again from scratch, in the caller's transaction (`rebuild-rollups`). */
export async function repackAll(trx: Db, dialect: Dialect, now: number): Promise<number> {
  await trx.deleteFrom('share_packs').execute();
  return packShareHours(trx, dialect, now, { within: true });
}

/** Packs on a timer on every instance; a pass packs at most a few weeks, so a backlog drains over several passes. */
export class SharePacker {
  readonly #job: PeriodicJob<number>;

  constructor(db: Db, dialect: Dialect, logger: Logger) {
    this.#job = new PeriodicJob('share packing', logger, (now) => packShareHours(db, dialect, now.getTime(), { maxHours: 24 * 7 * 8 }));
  }

  /** Starts the timer: the first pass comes one interval after start, not during it. */
  start(intervalMs = PACK_INTERVAL_MS): void {
    this.#job.start(intervalMs);
  }

  /** One pass at `now`; resolves with the hours packed. */
  pass(now = new Date()): Promise<number> {
    return this.#job.run(now);
  }

  stop(): Promise<void> {
    return this.#job.stop();
  }
}

/** Share counts per employee number. */
export class EmployeeCounts {
  counts = new Int32Array(1024);

  add(seq: number, n: number): void {
    if (seq >= this.counts.length) {
      const grown = new Int32Array(Math.max(seq + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[seq]! += n;
  }

  addPack(data: Uint8Array): void {
    for (let i = 0; i + 3 < data.length; i += 4) {
      this.add(((data[i]! << 24) | (data[i + 1]! << 16) | (data[i + 2]! << 8) | data[i + 3]!) >>> 0, 1);
    }
  }
}

/** Adds [a, b) to runs of [from, to), merging with the last run when they touch. */
function push(runs: Array<[number, number]>, a: number, b: number): void {
  if (a >= b) return;
  const last = runs.at(-1);
  if (last !== undefined && last[1] === a) last[1] = b;
  else runs.push([a, b]);
}

/**
 * The whole `level` buckets in [start, stop) that have a valid pack, counted into `counts`; the
 * parts of [start, stop) they leave, as runs.
 */
async function fromPacks(db: Db, level: Level, start: number, stop: number, counts: EmployeeCounts): Promise<Array<[number, number]>> {
  const first = ceilTo(level, start);
  const last = floorTo(level, stop);
  const rest: Array<[number, number]> = [];
  if (first >= last) {
    push(rest, start, stop);
    return rest;
  }
  const packs = await db
    .selectFrom('share_packs')
    .select(['bucket', 'data'])
    .where('level', '=', level)
    .where('bucket', '>=', keyOf(level, first))
    .where('bucket', '<', keyOf(level, last))
    .where('data', 'is not', null)
    .execute();
  const packed = new Set<number>();
  for (const pack of packs) {
    counts.addPack(pack.data!);
    packed.add(startOf(level, pack.bucket));
  }
  push(rest, start, first);
  for (let at = first; at < last; at += LENGTH[level]) if (!packed.has(at)) push(rest, at, at + LENGTH[level]);
  push(rest, last, stop);
  return rest;
}

/**
 * Shares per employee number in [from, end) (ISO): whole days from their day packs, whole hours
 * of the rest from their hour packs, and what is left from the shares themselves.
 */
export async function sharesPerEmployee(db: Db, from: string, end: string): Promise<EmployeeCounts> {
  const counts = new EmployeeCounts();
  const byDay = await fromPacks(db, 'd', Date.parse(from), Date.parse(end), counts);
  const byHour = await Promise.all(byDay.map(([a, b]) => fromPacks(db, 'h', a, b, counts)));
  const found = await Promise.all(
    byHour.flat().map(([a, b]) =>
      sql<{ seq: number; n: unknown }>`
          select e.seq as seq, count(*) as n from shares s join employees e on e.id = s.employee_id
          where s.created_at >= ${iso(a)} and s.created_at < ${iso(b)}
          group by e.seq`.execute(db),
    ),
  );
  for (const { rows } of found) for (const row of rows) counts.add(Number(row.seq), Number(row.n));
  return counts;
}
