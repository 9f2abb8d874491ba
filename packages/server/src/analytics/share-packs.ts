import { sql } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import type { Logger } from '../log.js';
import { PeriodicJob } from '../periodic.js';

/**
 * Share packs: for each UTC hour, the sharers of that hour's shares as one blob of 4-byte
 * big-endian employee numbers (`employees.seq`), one per share. The summary's per-employee pass
 * (who shared in a window, and the ten who shared most) reads a year as ~8,760 small rows and
 * counts them in a typed array, instead of grouping up to millions of shares by employee in SQL.
 *
 * Exact for any window: a window's whole hours come from their packs, and everything else — the
 * partial hours at its two ends, hours not packed yet, and hours whose shares changed since they
 * were packed (`data` null, set by triggers on `shares`, migration 0470) — from the shares. Each
 * hour is read from one of the two, never both.
 *
 * The packer packs an hour once it ended PACK_SETTLE_MS ago. Packed hours form one run without
 * gaps (hours without shares get an empty pack), from the first share's hour on, so that an hour
 * without a row before the run's end is always one to read from the shares.
 */

const HOUR_MS = 3_600_000;
/** An hour is packed once it ended this long ago: shares written now go to later hours. */
export const PACK_SETTLE_MS = 10 * 60_000;
/** Hours packed in one transaction at most (on SQLite, how long the write lock is held). */
const CHUNK_HOURS = 168;
/** How often every instance looks for hours to pack. */
export const PACK_INTERVAL_MS = 60_000;

const hourKey = (ms: number) => new Date(ms).toISOString().slice(0, 13);
const hourOf = (key: string) => Date.parse(`${key}:00:00.000Z`);
const floorHour = (ms: number) => ms - (((ms % HOUR_MS) + HOUR_MS) % HOUR_MS);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Packs the hours [from, to) (hour starts, ms) in `trx`, one row each. On PostgreSQL the shares
 * table is locked against writes first (SHARE mode: reads go on), so no share committed by a
 * transaction that began before the pack can be left out of it: a write waits for the pack's
 * commit, and its trigger then marks the hour changed.
 */
export async function packHours(trx: Db, dialect: Dialect, from: number, to: number): Promise<void> {
  if (from >= to) return;
  if (dialect === 'postgres') {
    // Writers queue behind a waiting lock: give up (until the next pass) rather than hold them long.
    await sql`set local lock_timeout = '1s'`.execute(trx);
    await sql`lock table shares in share mode`.execute(trx);
  }
  await trx.deleteFrom('share_packs').where('hour', '>=', hourKey(from)).where('hour', '<', hourKey(to)).execute();
  const pack = dialect === 'sqlite' ? sql`unhex(group_concat(printf('%08x', e.seq), ''))` : sql`string_agg(int4send(e.seq), ''::bytea)`;
  await sql`
    insert into share_packs (hour, data)
    select substr(s.created_at, 1, 13), ${pack}
    from shares s join employees e on e.id = s.employee_id
    where s.created_at >= ${iso(from)} and s.created_at < ${iso(to)}
    group by substr(s.created_at, 1, 13)`.execute(trx);
  const hours: Array<{ hour: string; data: Buffer }> = [];
  for (let at = from; at < to; at += HOUR_MS) hours.push({ hour: hourKey(at), data: Buffer.alloc(0) });
  for (let i = 0; i < hours.length; i += 200) {
    await trx
      .insertInto('share_packs')
      .values(hours.slice(i, i + 200))
      .onConflict((oc) => oc.column('hour').doNothing())
      .execute();
  }
}

/** Runs of consecutive hours (starts, ms) as [from, to) pairs. */
function runsOf(hours: number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const at of hours) {
    const last = runs.at(-1);
    if (last !== undefined && last[1] === at) last[1] = at + HOUR_MS;
    else runs.push([at, at + HOUR_MS]);
  }
  return runs;
}

/** The runs of hours a pass at `now` should pack: changed hours, then the hours before and after the packed run. */
async function pending(db: Db, now: number): Promise<Array<[number, number]>> {
  const end = floorHour(now - PACK_SETTLE_MS);
  const [changed, extent, first] = await Promise.all([
    db.selectFrom('share_packs').select('hour').where('data', 'is', null).orderBy('hour').limit(10_000).execute(),
    db
      .selectFrom('share_packs')
      .select([sql<string | null>`min(hour)`.as('first'), sql<string | null>`max(hour)`.as('last')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('shares')
      .select(sql<string | null>`min(created_at)`.as('at'))
      .executeTakeFirstOrThrow(),
  ]);
  const runs = runsOf(changed.map((row) => hourOf(row.hour)));
  if (first.at === null) return runs;
  const start = floorHour(Date.parse(first.at));
  if (extent.first === null || extent.last === null) {
    if (start < end) runs.push([start, end]);
    return runs;
  }
  if (start < hourOf(extent.first)) runs.push([start, hourOf(extent.first)]);
  if (hourOf(extent.last) + HOUR_MS < end) runs.push([hourOf(extent.last) + HOUR_MS, end]);
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
  let budget = options.maxHours ?? Infinity;
  let packed = 0;
  for (const [from, to] of await pending(db, now)) {
    for (let at = from; at < to && budget > 0;) {
      const until = Math.min(to, at + Math.min(CHUNK_HOURS, budget) * HOUR_MS);
      if (options.within === true) await packHours(db, dialect, at, until);
      else await db.transaction().execute((trx) => packHours(trx, dialect, at, until));
      const hours = (until - at) / HOUR_MS;
      packed += hours;
      budget -= hours;
      at = until;
    }
  }
  return packed;
}

/** Every share hour packed again from scratch, in the caller's transaction (`rebuild-rollups`). */
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

  /** Starts the timer, with a first pass now. */
  start(intervalMs = PACK_INTERVAL_MS): void {
    this.#job.start(intervalMs);
    this.#job.run().catch(() => undefined);
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

/**
 * Shares per employee number in [from, end) (ISO): whole packed hours from their packs, the rest
 * from the shares themselves.
 */
export async function sharesPerEmployee(db: Db, from: string, end: string): Promise<EmployeeCounts> {
  const start = Date.parse(from);
  const stop = Date.parse(end);
  const firstWhole = floorHour(start) === start ? start : floorHour(start) + HOUR_MS;
  const lastWhole = floorHour(stop);
  const packs =
    firstWhole < lastWhole
      ? await db
          .selectFrom('share_packs')
          .select(['hour', 'data'])
          .where('hour', '>=', hourKey(firstWhole))
          .where('hour', '<', hourKey(lastWhole))
          .where('data', 'is not', null)
          .execute()
      : [];
  const counts = new EmployeeCounts();
  const packed = new Set<number>();
  for (const pack of packs) {
    counts.addPack(pack.data!);
    packed.add(hourOf(pack.hour));
  }
  // What the packs do not hold, as runs of [from, to).
  const raw: Array<[number, number]> = [];
  const push = (a: number, b: number) => {
    if (a >= b) return;
    const last = raw.at(-1);
    if (last !== undefined && last[1] === a) last[1] = b;
    else raw.push([a, b]);
  };
  if (firstWhole >= lastWhole) push(start, stop);
  else {
    push(start, firstWhole);
    for (let at = firstWhole; at < lastWhole; at += HOUR_MS) if (!packed.has(at)) push(at, at + HOUR_MS);
    push(lastWhole, stop);
  }
  const found = await Promise.all(
    raw.map(([a, b]) =>
      sql<{ seq: number; n: unknown }>`
          select e.seq as seq, count(*) as n from shares s join employees e on e.id = s.employee_id
          where s.created_at >= ${iso(a)} and s.created_at < ${iso(b)}
          group by e.seq`.execute(db),
    ),
  );
  for (const { rows } of found) for (const row of rows) counts.add(Number(row.seq), Number(row.n));
  return counts;
}
