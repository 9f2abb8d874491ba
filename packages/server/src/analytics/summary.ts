import type { AnalyticsSummary, Breakdown, ContentKind, TopAdvocate, TopPost } from '@advocacy-kit/core';
import { valueByCurrency } from '@advocacy-kit/core/admin';
import { estimatedReach, type ReachRules } from '@advocacy-kit/core/rules';
import { sql, type RawBuilder } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { DAY_MS } from '../points/periods.js';
import { bucketOf, DIMENSIONS, type Dimension, type Level } from './rollups.js';
import { enrollmentOf } from '../pilots/membership.js';
import { sharesPerEmployee } from './share-packs.js';
import type { Window } from './window.js';

const HOUR_MS = 3_600_000;
const TOP = 10;
const iso = (ms: number) => new Date(ms).toISOString();

/* ------------------------------------------------------------ covering a window */

/** A run of whole buckets of one level, as bucket keys: [from, to). */
interface Span {
  level: Level;
  from: string;
  to: string;
}

/** A window as whole buckets plus the raw ISO ranges [from, to) they leave at its ends. */
interface Cover {
  spans: Span[];
  raw: Array<[string, string]>;
}

/** The start of the bucket of `level` that holds `ms` (not for all time). */
function floorTo(level: Level, ms: number): number {
  if (level === 'h') return ms - (ms % HOUR_MS);
  if (level === 'm') {
    const at = new Date(ms);
    return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1);
  }
  const day = ms - (ms % DAY_MS);
  return level === 'd' ? day : day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
}

/** The start of the bucket of `level` after the one starting at `start`. */
function nextAfter(level: Level, start: number): number {
  if (level === 'm') {
    const at = new Date(start);
    return Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1);
  }
  return start + (level === 'h' ? HOUR_MS : level === 'd' ? DAY_MS : 7 * DAY_MS);
}

/** The key of the bucket starting at `ms`, by the rollups' own rule. */
const bucketKey = (level: Level, ms: number) => bucketOf(level, iso(ms));

/** Covers [a, b) with the coarsest whole buckets first (`levels` coarse to fine), then raw ranges. */
function cover(a: number, b: number, levels: readonly Level[], into: Cover = { spans: [], raw: [] }): Cover {
  if (a >= b) return into;
  const [level, ...finer] = levels;
  if (level === undefined) {
    into.raw.push([iso(a), iso(b)]);
    return into;
  }
  const start = floorTo(level, a) === a ? a : nextAfter(level, floorTo(level, a));
  const end = floorTo(level, b);
  if (start >= end) return cover(a, b, finer, into);
  cover(a, start, finer, into);
  into.spans.push({ level, from: bucketKey(level, start), to: bucketKey(level, end) });
  return cover(end, b, finer, into);
}

/** The window's cover in one dimension's levels (all but all-time, and months only if `months`; coarsest first). */
const coverOf = (window: Window, dimension: Dimension, months = true) =>
  cover(Date.parse(window.from), Date.parse(window.to) + 1, dimension.levels.filter((l) => l !== 'a' && (months || l !== 'm')).reverse());

/* ------------------------------------------------------------ counting */

interface Totals {
  shares: number;
  clicks: number;
  conversions: number;
  value: number;
}

const zero = (): Totals => ({ shares: 0, clicks: 0, conversions: 0, value: 0 });

function plus(totals: Totals, add: Totals): Totals {
  totals.shares += add.shares;
  totals.clicks += add.clicks;
  totals.conversions += add.conversions;
  totals.value += add.value;
  return totals;
}

const addTo = <K>(map: Map<K, Totals>, key: K, add: Totals) => map.set(key, plus(map.get(key) ?? zero(), add));

/** No shares, clicks nor conversions (then no value either, up to floating-point rounding). */
const isNothing = (t: Totals) => t.shares === 0 && t.clicks === 0 && t.conversions === 0;

type Counted = { shares: unknown; clicks: unknown; conversions: unknown; value: unknown };
const totalsOf = (row: Counted): Totals => ({
  shares: Number(row.shares),
  clicks: Number(row.clicks),
  conversions: Number(row.conversions),
  value: Number(row.value ?? 0),
});

const SUMS = sql.raw(
  `sum(shares) as "shares", sum(clicks) as "clicks", sum(conversions) as "conversions", sum(conversion_value) as "value"`,
);

/**
 * The rows of a rollup table in the spans: one range read of the primary key per span, put
 * together with UNION ALL. (An OR of the ranges made SQLite collect every matching key first and
 * look each row up again.) The level is a literal, one of five letters: PostgreSQL reads levels
 * other than hours from an index that holds their counts (0473_rollup_covering_indexes) only
 * when the plan knows the level, which a parameter would hide from a prepared statement's plan.
 */
function inSpans(table: Dimension['table'], spans: Span[]): RawBuilder<unknown> {
  if (spans.length === 0) return sql`(select * from ${sql.table(table)} where 1 = 0)`;
  const reads = spans.map(
    (s) => sql`select * from ${sql.table(table)} where level = ${sql.lit(s.level)} and bucket >= ${s.from} and bucket < ${s.to}`,
  );
  return sql`(${sql.join(reads, sql` union all `)})`;
}

/**
 * A window end's counts: the raw records of a partial hour (`r`: by post, network, sharer's team
 * and day), or a whole hour's rollup rows (`n`, `t`, `p`: by network, team or post) from which
 * the records outside the window are then taken away (`r` rows with negative counts).
 */
interface EdgeRow extends Counted {
  kind: 'r' | 'n' | 't' | 'p';
  /** The network, team or post; for `r`, the post. */
  key: string;
  /** For `r`: the network and the team. */
  network: string | null;
  team: string | null;
  day: string;
}

/** The shares, clicks and conversions in [from, to) as records of post, network, sharer's team and day. */
const records = (from: string, to: string) => sql`
  select s.post_id as post, s.network as network, e.team_id as team, substr(s.created_at, 1, 10) as day, 1 as shares, 0 as clicks, 0 as conversions, 0 as value
  from shares s join employees e on e.id = s.employee_id
  where s.created_at >= ${from} and s.created_at < ${to}
  union all
  select s.post_id, s.network, e.team_id, substr(x.created_at, 1, 10), 0, 1, 0, 0
  from clicks x join shares s on s.id = x.share_id join employees e on e.id = s.employee_id
  where x.created_at >= ${from} and x.created_at < ${to}
  union all
  select s.post_id, s.network, e.team_id, substr(x.created_at, 1, 10), 0, 0, 1, x.value
  from conversions x join shares s on s.id = x.share_id join employees e on e.id = s.employee_id
  where x.created_at >= ${from} and x.created_at < ${to}`;

/** The records of `ranges`, grouped, each count times `sign`. */
const grouped = (ranges: Array<[string, string]>, sign: 1 | -1) => sql`
  select 'r' as "kind", post as "key", network, team, day,
    ${sql.lit(sign)} * sum(shares) as "shares", ${sql.lit(sign)} * sum(clicks) as "clicks", ${sql.lit(sign)} * sum(conversions) as "conversions",
    ${sql.lit(sign)} * sum(value) as "value"
  from (${sql.join(
    ranges.map(([from, to]) => records(from, to)),
    sql` union all `,
  )}) r
  group by post, network, team, day`;

/** One dimension's rollup rows of the hour `bucket`, as edge rows. */
const hourRows = (kind: 'n' | 't' | 'p', table: Dimension['table'], key: Dimension['key'], bucket: string) => sql`
  select ${sql.lit(kind)} as "kind", ${sql.ref(key)} as "key", cast(null as text) as network, cast(null as text) as team, substr(bucket, 1, 10) as day,
    shares, clicks, conversions, conversion_value as value
  from ${sql.table(table)} where level = 'h' and bucket = ${bucket}`;

/**
 * The counts of the raw ranges at the window's ends, grouped like the rollups, hour by hour. A
 * part of an hour up to half of it is read from its records; a longer one as its hour's rollup
 * rows less the records of the rest of the hour — for a window that ends now, nearly nothing.
 * Either way one statement per part, so the hour's rows and the records taken from them are of
 * one moment (a record counts in its hour's rows in the transaction that stores it).
 */
async function edgeRows(db: Db, ranges: Array<[string, string]>): Promise<EdgeRow[]> {
  // A range without a whole hour in it (a window shorter than two hours) may cross into the next hour.
  const pieces: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    for (let a = Date.parse(from), b = Date.parse(to); a < b;) {
      const next = Math.min(b, a - (a % HOUR_MS) + HOUR_MS);
      pieces.push([a, next]);
      a = next;
    }
  }
  const rows: EdgeRow[] = [];
  for (const [a, b] of pieces) {
    const [from, to] = [iso(a), iso(b)];
    const hour = a - (a % HOUR_MS);
    let query;
    if (b - a <= HOUR_MS / 2) {
      query = grouped([[from, to]], 1);
    } else {
      const rest: Array<[string, string]> = [];
      if (hour < a) rest.push([iso(hour), from]);
      if (b < hour + HOUR_MS) rest.push([to, iso(hour + HOUR_MS)]);
      const bucket = bucketKey('h', hour);
      const whole = [
        hourRows('n', DIMENSIONS.network.table, DIMENSIONS.network.key, bucket),
        hourRows('t', DIMENSIONS.team.table, DIMENSIONS.team.key, bucket),
        hourRows('p', DIMENSIONS.post.table, DIMENSIONS.post.key, bucket),
      ];
      query = sql.join(rest.length === 0 ? whole : [...whole, grouped(rest, -1)], sql` union all `);
    }
    const { rows: found } = await sql<EdgeRow>`${query}`.execute(db);
    rows.push(...found);
  }
  return rows;
}

/** Totals per network and day over the network rollup's spans. */
async function byNetworkAndDay(db: Db, spans: Span[]) {
  const { rows } = await sql<Counted & { key: string; day: string }>`
    select network as "key", substr(bucket, 1, 10) as "day", ${SUMS}
    from ${inSpans('rollup_network', spans)} spans
    group by network, substr(bucket, 1, 10)`.execute(db);
  return rows;
}

type Counts = Pick<Totals, 'shares' | 'clicks' | 'conversions'>;

/** The shares, clicks and conversions of rows added up. */
function countsOf(rows: Counted[]): Counts {
  const counts = { shares: 0, clicks: 0, conversions: 0 };
  for (const row of rows) {
    counts.shares += Number(row.shares);
    counts.clicks += Number(row.clicks);
    counts.conversions += Number(row.conversions);
  }
  return counts;
}

/** Whether every count of `a` is at least that of `b`. */
const atLeast = (a: Counts, b: Counts) => a.shares >= b.shares && a.clicks >= b.clicks && a.conversions >= b.conversions;

/**
 * Totals per key of a dimension without a time series, from its coarsest whole buckets (a
 * 12-month window reads ~11 months of rows per key instead of ~52 weeks).
 *
 * The months are checked: every writer adds a record to every level of every dimension in one
 * transaction, so the rows read add up to the network rollup's over the same whole buckets
 * (`expected`). A writer that leaves a level out (an instance still running a release from
 * before the months, during a rolling upgrade) makes them add up to less; then the window is read
 * again without months, from the weeks, days and hours every release keeps.
 * `advocacy-server rebuild-rollups` counts the months again. (More is no sign of a gap: on
 * PostgreSQL each read has its own snapshot, and a write committed between the network's read and
 * this one adds to this one only.)
 */
async function byKey(db: Db, window: Window, dimension: typeof DIMENSIONS.team | typeof DIMENSIONS.post, expected: Counts) {
  const read = async (months: boolean) => {
    const { rows } = await sql<Counted & { key: string }>`
      select ${sql.ref(dimension.key)} as "key", ${SUMS}
      from ${inSpans(dimension.table, coverOf(window, dimension, months).spans)} spans
      group by ${sql.ref(dimension.key)}`.execute(db);
    return rows;
  };
  const rows = await read(true);
  return atLeast(countsOf(rows), expected) ? rows : read(false);
}

/** An employee among the top advocates: their id and shares in the window. */
interface Ranked {
  employee: string;
  n: number;
}

/**
 * Who counts as a member now (pilots/membership.ts: an active employee who joined, or in open
 * enrollment an active one who has not declined), from the few rows that decide it: in open
 * enrollment the exceptions — employees not active, and answers other than joined or invited —
 * and in invitation enrollment the active ones who joined. Employees are named by their numbers
 * (`employees.seq`), as in the share packs.
 */
interface Membership {
  /** Whether the employee numbered `seq` is a member. */
  has: (seq: number) => boolean;
  /** How many members there are: in open enrollment a count of its own, read beside the rest. */
  count: Promise<number>;
}

/** Which employees are members, and (read in parallel, through `read`) how many. */
async function membership(open: boolean, read: <T>(query: (db: Db) => Promise<T>) => Promise<T>): Promise<Membership> {
  const seqs = (rows: Array<{ seq: unknown }>) => new Set(rows.map((row) => Number(row.seq)));
  if (!open) {
    const members = await read(async (d) => {
      const { rows } = await sql<{ seq: unknown }>`
        select e.seq from program_members m join employees e on e.id = m.employee_id where e.status = 'active' and m.state = 'joined'`.execute(
        d,
      );
      return seqs(rows);
    });
    return { has: (seq) => members.has(seq), count: Promise.resolve(members.size) };
  }
  // Erased employees are deactivated under their pseudonym: they are among the exceptions too.
  // Each part reads only the few rows it needs, from the smaller side (timed on 100,000
  // employees with SQLite): `<` or `>` rather than `<>` reads two ranges of the status index;
  // UNION ALL, not UNION, which SQLite ran as a merge over every employee in seq order (15–86 ms
  // for no rows; the set below drops repeats); and the declined answers first, then whether each
  // is active, where a join went through every active employee (8–27 ms, now under 3).
  const declined = sql`m.state <> 'joined' and m.state <> 'invited'`;
  // The count goes through every active employee (on PostgreSQL a scan of the table: 40–230 ms
  // at 100,000 employees on a busy or cold cache): only the rate needs it, so nothing waits on it.
  const count = read(async (d) => {
    const { rows } = await sql<{ n: unknown }>`
      select (select count(*) from employees where status = 'active')
        - (select count(*) from employees where status = 'active'
            and id in (select m.employee_id from program_members m where ${declined})) as n`.execute(d);
    return Number(rows[0]!.n);
  });
  // Awaited by the caller; if the exceptions fail first, its own failure must not go unhandled.
  count.catch(() => undefined);
  const excluded = await read(async (d) => {
    const { rows } = await sql<{ seq: unknown }>`
      select seq from employees where status < 'active' or status > 'active'
      union all select e.seq from program_members m join employees e on e.id = m.employee_id where ${declined}`.execute(d);
    return seqs(rows);
  });
  return { has: (seq) => !excluded.has(seq), count };
}

/**
 * Members who shared in the window (`active`), and the ten with most shares, ties by employee id
 * (`top`): each member's shares counted from the share packs (share-packs.ts). Only the ids the
 * ten need are read: those above the tenth count, and of those at it, the first by id.
 */
async function advocates(db: Db, members: Membership, window: Window, end: string): Promise<{ active: number; top: Ranked[] }> {
  const { counts } = await sharesPerEmployee(db, window.from, end);
  let active = 0;
  const byCount = new Map<number, number>();
  for (let seq = 0; seq < counts.length; seq++) {
    const n = counts[seq]!;
    if (n === 0 || !members.has(seq)) continue;
    active++;
    byCount.set(n, (byCount.get(n) ?? 0) + 1);
  }
  // The tenth-highest count: every member above it is in, and enough of those at it.
  let tenth = 0;
  let above = 0;
  for (const n of [...byCount.keys()].sort((a, b) => b - a)) {
    if (above + byCount.get(n)! >= TOP) {
      tenth = n;
      break;
    }
    above += byCount.get(n)!;
  }
  if (tenth === 0) tenth = 1;
  const higher: number[] = [];
  const tied: number[] = [];
  for (let seq = 0; seq < counts.length; seq++) {
    const n = counts[seq]!;
    if (n < tenth || !members.has(seq)) continue;
    (n > tenth ? higher : tied).push(seq);
  }
  const ids = await idsOf(db, higher);
  const picked = await firstById(db, tied, TOP - higher.length);
  const top = [
    ...higher.map((seq) => ({ employee: ids.get(seq)!, n: counts[seq]! })),
    ...picked.map((employee) => ({ employee, n: tenth })),
  ];
  return { active, top };
}

/** Employee ids by number. */
async function idsOf(db: Db, seqs: number[]): Promise<Map<number, string>> {
  const rows = await forIds(seqs, (chunk) => db.selectFrom('employees').select(['id', 'seq']).where('seq', 'in', chunk).execute());
  return new Map(rows.map((row) => [Number(row.seq), row.id]));
}

/**
 * The ids of the first `count` of the employees numbered `seqs`, in the database's id order: by
 * their ids when they are few, else by reading the employees in id order until enough are found
 * (when thousands share the tenth count, the first pages hold enough).
 */
async function firstById(db: Db, seqs: number[], count: number): Promise<string[]> {
  if (count <= 0 || seqs.length === 0) return [];
  if (seqs.length <= 5000) {
    const rows = await db.selectFrom('employees').select('id').where('seq', 'in', seqs).orderBy('id').limit(count).execute();
    return rows.map((row) => row.id);
  }
  const wanted = new Set(seqs);
  const found: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await db
      .selectFrom('employees')
      .select(['id', 'seq'])
      .$if(after !== null, (q) => q.where('id', '>', after!))
      .orderBy('id')
      .limit(1000)
      .execute();
    for (const row of page) {
      if (wanted.has(Number(row.seq))) found.push(row.id);
      if (found.length === count) return found;
    }
    if (page.length < 1000) return found;
    after = page.at(-1)!.id;
  }
}

/** Rows of `select` for ids in bounded chunks (bound parameters have limits). */
async function forIds<T, K = string>(ids: K[], select: (chunk: K[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 5000) out.push(...(await select(ids.slice(i, i + 5000))));
  return out;
}

/**
 * The window's conversion value per currency, from the conversions themselves (the rollups add
 * values across currencies): [from, end) on the conversions' own time, as the rollups count them.
 */
async function valuesByCurrency(db: Db, from: string, end: string) {
  const rows = await db
    .selectFrom('conversions')
    .select(['currency', sql<unknown>`sum(value)`.as('value')])
    .where('created_at', '>=', from)
    .where('created_at', '<', end)
    .where('currency', 'is not', null)
    .groupBy('currency')
    .execute();
  return valueByCurrency(rows.map((row) => ({ currency: row.currency, value: Number(row.value) })));
}

/* ------------------------------------------------------------ the summary */

/**
 * PostgreSQL: `read` in a transaction of its own without parallel workers. Each of the summary's
 * reads touches at most tens of thousands of rows and they already run side by side, each on its
 * own pooled connection: starting workers for each cost more than they saved (the summary took
 * 25–35% longer with them at full scale on two cores). SQLite: `read` as it is.
 */
function serial<T>(db: Db, dialect: Dialect, read: (db: Db) => Promise<T>): Promise<T> {
  if (dialect === 'sqlite') return read(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
    return read(trx);
  });
}

const toBreakdown = (map: Map<string, Totals>): Breakdown[] =>
  [...map]
    .map(([key, t]) => ({ key, shares: t.shares, clicks: t.clicks, conversions: t.conversions }))
    .sort((a, b) => b.shares - a.shares || (a.key < b.key ? -1 : 1));

/**
 * Program results in a window: shares, unique human clicks and conversions, each counted by its
 * own time and attributed to its share's post, network and sharer's team. Participation is
 * members who shared in the window / members, where members are the active employees who take
 * part now (pilots/membership.ts); the top advocates are members too. Independent reads run side by
 * side (on PostgreSQL each takes its own pooled connection).
 */
export async function analyticsSummary(db: Db, dialect: Dialect, window: Window, reach: ReachRules): Promise<AnalyticsSummary> {
  const end = iso(Date.parse(window.to) + 1);
  const networkCover = coverOf(window, DIMENSIONS.network);
  // Participation counts members who take part now (pilots/membership.ts), not everyone who ever signed in.
  const open = (await enrollmentOf(db)).enrollment === 'open';
  const members = membership(open, (read) => serial(db, dialect, read));
  const sharers = members.then((m) => serial(db, dialect, (d) => advocates(d, m, window, end)));
  // Awaited below; if a read before them fails first, their own failure must not go unhandled.
  sharers.catch(() => undefined);
  // The network rollup's rows check the months of the others (see byKey).
  const networkRead = serial(db, dialect, (d) => byNetworkAndDay(d, networkCover.spans));
  const expected = networkRead.then(countsOf);
  const [networkRows, teamRows, postRows, raw, currencies] = await Promise.all([
    networkRead,
    expected.then((counts) => serial(db, dialect, (d) => byKey(d, window, DIMENSIONS.team, counts))),
    expected.then((counts) => serial(db, dialect, (d) => byKey(d, window, DIMENSIONS.post, counts))),
    serial(db, dialect, (d) => edgeRows(d, networkCover.raw)),
    serial(db, dialect, (d) => valuesByCurrency(d, window.from, end)),
  ]);

  const networks = new Map<string, Totals>();
  const days = new Map<string, Totals>();
  const teams = new Map<string, Totals>();
  const posts = new Map<string, Totals>();
  for (const row of networkRows) {
    addTo(networks, row.key, totalsOf(row));
    addTo(days, row.day, totalsOf(row));
  }
  for (const row of teamRows) addTo(teams, row.key, totalsOf(row));
  for (const row of postRows) addTo(posts, row.key, totalsOf(row));
  for (const row of raw) {
    const totals = totalsOf(row);
    if (row.kind === 'r') {
      addTo(networks, row.network!, totals);
      addTo(days, row.day, totals);
      addTo(teams, row.team!, totals);
      addTo(posts, row.key, totals);
    } else if (row.kind === 'n') {
      addTo(networks, row.key, totals);
      addTo(days, row.day, totals);
    } else {
      addTo(row.kind === 't' ? teams : posts, row.key, totals);
    }
  }
  // A key of an end's hour with nothing inside the window is no part of it.
  for (const map of [networks, days, teams, posts]) for (const [key, totals] of map) if (isNothing(totals)) map.delete(key);

  const total = [...networks.values()].reduce(plus, zero());
  // Values are added and, at a window's end, taken away as floating-point numbers: no currency
  // has a unit below a millionth.
  total.value = Math.round(total.value * 1e6) / 1e6;
  const [employeeCount, { active: activeAdvocates, top }] = await Promise.all([members.then((m) => m.count), sharers]);
  // Most shares first, then by id.
  top.sort((a, b) => b.n - a.n || (a.employee < b.employee ? -1 : 1));

  const postIds = [...posts.keys()];
  const [postInfo, postTopics, advocatesTop] = await Promise.all([
    forIds(postIds, (ids) => db.selectFrom('posts').select(['id', 'kind', 'title']).where('id', 'in', ids).execute()),
    forIds(postIds, (ids) => db.selectFrom('post_topics').select(['post_id', 'topic_id']).where('post_id', 'in', ids).execute()),
    topAdvocates(db, top, window.from, end),
  ]);
  const kinds = new Map<string, Totals>();
  const topics = new Map<string, Totals>();
  for (const post of postInfo) addTo(kinds, post.kind, posts.get(post.id)!);
  for (const row of postTopics) addTo(topics, row.topic_id, posts.get(row.post_id)!);

  return {
    from: window.from,
    to: window.to,
    activeAdvocates,
    employees: employeeCount,
    participationRate: employeeCount === 0 ? 0 : activeAdvocates / employeeCount,
    shares: total.shares,
    estimatedReach: estimatedReach(
      reach,
      [...networks].map(([network, t]) => [network, t.shares] as const),
    ),
    uniqueClicks: total.clicks,
    conversions: total.conversions,
    conversionValue: total.value,
    conversionValueByCurrency: currencies,
    byTopic: toBreakdown(topics),
    byNetwork: toBreakdown(networks),
    byTeam: toBreakdown(teams),
    byKind: toBreakdown(kinds),
    byDay: toBreakdown(days).sort((a, b) => (a.key < b.key ? -1 : 1)),
    topAdvocates: advocatesTop,
    topPosts: topPosts(posts, postInfo),
  };
}

/** The most active advocates' names, teams and the clicks their links earned in the window. */
async function topAdvocates(db: Db, top: Ranked[], from: string, end: string): Promise<TopAdvocate[]> {
  if (top.length === 0) return [];
  const ids = top.map((row) => row.employee);
  const [people, clicks] = await Promise.all([
    db.selectFrom('employees').select(['id', 'display_name', 'team_id']).where('id', 'in', ids).execute(),
    db
      // From the advocates' shares to their clicks by tracking code (the clicks' primary key prefix).
      .selectFrom('clicks as x')
      .innerJoin('shares as s', 's.tracking_code', 'x.code')
      .select(['s.employee_id', sql<unknown>`count(*)`.as('n')])
      .where('s.employee_id', 'in', ids)
      .where('x.created_at', '>=', from)
      .where('x.created_at', '<', end)
      .groupBy('s.employee_id')
      .execute(),
  ]);
  return top.map((row) => {
    const person = people.find((p) => p.id === row.employee);
    return {
      employeeId: row.employee,
      displayName: person?.display_name ?? row.employee,
      team: person?.team_id ?? null,
      shares: row.n,
      clicks: Number(clicks.find((c) => c.employee_id === row.employee)?.n ?? 0),
    };
  });
}

/** Posts by clicks in the window, then shares, then id. */
function topPosts(posts: Map<string, Totals>, info: Array<{ id: string; kind: string; title: string }>): TopPost[] {
  return info
    .map((post) => ({ post, totals: posts.get(post.id)! }))
    .sort((a, b) => b.totals.clicks - a.totals.clicks || b.totals.shares - a.totals.shares || (a.post.id < b.post.id ? -1 : 1))
    .slice(0, TOP)
    .map(({ post, totals }) => ({
      postId: post.id,
      title: post.title,
      kind: post.kind as ContentKind,
      shares: totals.shares,
      clicks: totals.clicks,
      conversions: totals.conversions,
    }));
}
