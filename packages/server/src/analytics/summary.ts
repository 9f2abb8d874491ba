import type { AnalyticsSummary, Breakdown, ContentKind, TopAdvocate, TopPost } from '@advocacy-kit/core';
import { valueByCurrency } from '@advocacy-kit/core/admin';
import { estimatedReach, type ReachRules } from '@advocacy-kit/core/rules';
import { sql, type RawBuilder } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { DAY_MS } from '../points/periods.js';
import { DIMENSIONS, type Dimension, type Level } from './rollups.js';
import { enrollmentOf } from '../pilots/membership.js';
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

function floorTo(level: Level, ms: number): number {
  if (level === 'h') return ms - (ms % HOUR_MS);
  const day = ms - (ms % DAY_MS);
  return level === 'd' ? day : day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
}

const LENGTH: Record<Level, number> = { h: HOUR_MS, d: DAY_MS, w: 7 * DAY_MS, a: Infinity };
const bucketKey = (level: Level, ms: number) => iso(ms).slice(0, level === 'h' ? 13 : 10);

/** Covers [a, b) with the coarsest whole buckets first (`levels` coarse to fine), then raw ranges. */
function cover(a: number, b: number, levels: readonly Level[], into: Cover = { spans: [], raw: [] }): Cover {
  if (a >= b) return into;
  const [level, ...finer] = levels;
  if (level === undefined) {
    into.raw.push([iso(a), iso(b)]);
    return into;
  }
  const start = floorTo(level, a) === a ? a : floorTo(level, a) + LENGTH[level];
  const end = floorTo(level, b);
  if (start >= end) return cover(a, b, finer, into);
  cover(a, start, finer, into);
  into.spans.push({ level, from: bucketKey(level, start), to: bucketKey(level, end) });
  return cover(end, b, finer, into);
}

/** The window's cover in one dimension's levels (all but all-time, coarsest first). */
const coverOf = (window: Window, dimension: Dimension) =>
  cover(Date.parse(window.from), Date.parse(window.to) + 1, dimension.levels.filter((l) => l !== 'a').reverse());

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
 * look each row up again.)
 */
function inSpans(table: Dimension['table'], spans: Span[]): RawBuilder<unknown> {
  if (spans.length === 0) return sql`(select * from ${sql.table(table)} where 1 = 0)`;
  const reads = spans.map(
    (s) => sql`select * from ${sql.table(table)} where level = ${s.level} and bucket >= ${s.from} and bucket < ${s.to}`,
  );
  return sql`(${sql.join(reads, sql` union all `)})`;
}

/** One raw record in a window end: its share's post, network and sharer's team, and its day. */
interface RawRow extends Counted {
  post: string;
  network: string;
  team: string;
  day: string;
}

/**
 * The shares, clicks and conversions of the raw ranges (at most an hour at each end of the
 * window), grouped like the rollups.
 */
async function rawRows(db: Db, ranges: Array<[string, string]>): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for (const [from, to] of ranges) {
    const { rows: found } = await sql<RawRow>`
      select post, network, team, day, sum(shares) as "shares", sum(clicks) as "clicks", sum(conversions) as "conversions", sum(value) as "value"
      from (
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
        where x.created_at >= ${from} and x.created_at < ${to}
      ) r
      group by post, network, team, day`.execute(db);
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

/** Totals per key of a dimension without a time series. */
async function byKey(db: Db, window: Window, dimension: typeof DIMENSIONS.team | typeof DIMENSIONS.post) {
  const { rows } = await sql<Counted & { key: string }>`
    select ${sql.ref(dimension.key)} as "key", ${SUMS}
    from ${inSpans(dimension.table, coverOf(window, dimension).spans)} spans
    group by ${sql.ref(dimension.key)}`.execute(db);
  return rows;
}

interface AdvocateRow {
  kind: 'top' | 'active';
  employee: string | null;
  n: unknown;
}

/**
 * Who counts as a member now (pilots/membership.ts: an active employee who joined, or in open
 * enrollment an active one who has not declined), as SQL over the few rows that decide it rather
 * than a lookup per employee: in open enrollment the exceptions — employees not active, and
 * answers other than joined or invited — and in invitation enrollment the active ones who joined.
 */
interface Membership {
  /** The members, or null for every active employee but `exceptions`. */
  members: RawBuilder<unknown> | null;
  exceptions: RawBuilder<unknown>;
  /** How many members there are. */
  count: RawBuilder<unknown>;
}

function membership(open: boolean): Membership {
  const joined = sql`select m.employee_id from program_members m join employees e on e.id = m.employee_id where e.status = 'active' and m.state = 'joined'`;
  if (!open) return { members: joined, exceptions: sql`select null where false`, count: sql`select count(*) as n from (${joined}) j` };
  // Erased employees are deactivated under their pseudonym: they are among the exceptions too.
  const declined = sql`m.state <> 'joined' and m.state <> 'invited'`;
  return {
    members: null,
    exceptions: sql`select id from employees where status <> 'active' union all select m.employee_id from program_members m where ${declined}`,
    count: sql`select (select count(*) from employees where status = 'active') - (select count(*) from program_members m join employees e on e.id = m.employee_id where e.status = 'active' and ${declined}) as n`,
  };
}

/**
 * Employees who shared in the window (`active`), and the ten with most shares (`top`): one pass
 * over the window's shares, grouped by employee, then kept to members. On SQLite, when the
 * window holds much of all the shares, reading the whole (employee, time) index in employee
 * order beats sorting the window's rows by employee; on PostgreSQL the hash of up to every
 * employee gets the memory it needs instead of spilling to disk.
 */
async function advocates(
  db: Db,
  dialect: Dialect,
  members: Membership,
  window: Window,
  end: string,
  share: number,
): Promise<AdvocateRow[]> {
  // Employees are never deleted (an erased one keeps a deactivated row under a pseudonym), so a
  // share's employee is always there: no lookup per employee is needed to keep members.
  const kept = members.members === null ? sql`t.employee_id not in (${members.exceptions})` : sql`t.employee_id in (${members.members})`;
  const read = (trx: Db, index: RawBuilder<unknown>) =>
    sql<AdvocateRow>`
      with totals as (
        select employee_id, count(*) as n from shares ${index}
        where created_at >= ${window.from} and created_at < ${end}
        group by employee_id
      ), counted as (
        select t.employee_id, t.n from totals t where ${kept}
      )
      select * from (select 'top' as kind, employee_id as employee, n from counted order by n desc, employee_id limit ${TOP}) top_n
      union all select 'active', null, count(*) from counted`.execute(trx);
  if (dialect === 'sqlite') return (await read(db, share > 0.3 ? sql`indexed by shares_employee` : sql``)).rows;
  return db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '64MB'`.execute(trx);
    return (await read(trx, sql``)).rows;
  });
}

/** Every share ever made, from the post rollup's all-time rows. */
async function allTimeShares(db: Db): Promise<number> {
  const row = await db
    .selectFrom('rollup_post')
    .select(sql<unknown>`coalesce(sum(shares), 0)`.as('n'))
    .where('level', '=', 'a')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rows of `select` for ids in bounded chunks (bound parameters have limits). */
async function forIds<T>(ids: string[], select: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
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

const toBreakdown = (map: Map<string, Totals>): Breakdown[] =>
  [...map]
    .map(([key, t]) => ({ key, shares: t.shares, clicks: t.clicks, conversions: t.conversions }))
    .sort((a, b) => b.shares - a.shares || (a.key < b.key ? -1 : 1));

/**
 * Program results in a window: shares, unique human clicks and conversions, each counted by its
 * own time and attributed to its share's post, network and sharer's team. Participation is
 * members who shared in the window / members, where members are the active employees who take
 * part now (pilots/membership.ts); the top advocates are members too. Independent reads run side by side (on
 * PostgreSQL each takes its own pooled connection). On SQLite the per-employee pass waits for the
 * rollups, its plan chosen from the share of all shares they found in the window.
 */
export async function analyticsSummary(db: Db, dialect: Dialect, window: Window, reach: ReachRules): Promise<AnalyticsSummary> {
  const end = iso(Date.parse(window.to) + 1);
  const members = membership((await enrollmentOf(db)).enrollment === 'open');
  // PostgreSQL needs no figure from the rollups to plan the per-employee pass: start it now.
  const early = dialect === 'postgres' ? advocates(db, dialect, members, window, end, 0) : null;
  // Awaited below; if a read before it fails first, its own failure must not go unhandled.
  early?.catch(() => undefined);
  const networkCover = coverOf(window, DIMENSIONS.network);
  const [networkRows, teamRows, postRows, raw, employees, currencies] = await Promise.all([
    byNetworkAndDay(db, networkCover.spans),
    byKey(db, window, DIMENSIONS.team),
    byKey(db, window, DIMENSIONS.post),
    rawRows(db, networkCover.raw),
    // Participation counts members who take part now (pilots/membership.ts), not everyone who ever signed in.
    sql<{ n: unknown }>`${members.count}`.execute(db).then(({ rows }) => rows[0]!),
    valuesByCurrency(db, window.from, end),
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
    addTo(networks, row.network, totals);
    addTo(days, row.day, totals);
    addTo(teams, row.team, totals);
    addTo(posts, row.post, totals);
  }

  const total = [...networks.values()].reduce(plus, zero());
  const advocateRows = await (early ?? advocates(db, dialect, members, window, end, total.shares / Math.max(1, await allTimeShares(db))));
  // UNION ALL keeps no order: sort the ten again.
  const top = advocateRows
    .filter((row) => row.kind === 'top')
    .sort((a, b) => Number(b.n) - Number(a.n) || (a.employee! < b.employee! ? -1 : 1));

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

  const activeAdvocates = Number(advocateRows.find((row) => row.kind === 'active')?.n ?? 0);
  const employeeCount = Number(employees.n);
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
async function topAdvocates(db: Db, top: AdvocateRow[], from: string, end: string): Promise<TopAdvocate[]> {
  if (top.length === 0) return [];
  const ids = top.map((row) => row.employee!);
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
      employeeId: row.employee!,
      displayName: person?.display_name ?? row.employee!,
      team: person?.team_id ?? null,
      shares: Number(row.n),
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
