import type { AnalyticsSummary, Breakdown, NetworkId } from '@advocacy-kit/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { DAY_MS } from '../points/periods.js';
import { ESTIMATED_REACH } from '@advocacy-kit/core/memory';
import type { Window } from './window.js';

/** One grouped count: share attributes (post, sharer's team, network, post kind) and a day. */
interface Group {
  postId: string;
  team: string;
  network: string;
  kind: string;
  day: string;
  n: number;
  value: number;
}

/** FROM clauses that reach the share behind each kind of raw record (constant SQL, no input). */
const SOURCES = {
  shares: { from: 'shares s', value: '0' },
  clicks: { from: 'clicks x join shares s on s.id = x.share_id', value: '0' },
  conversions: { from: 'conversions x join shares s on s.id = x.share_id', value: 'sum(x.value)' },
} as const;

/** The time column of each source's record. */
const TIME = { shares: 's.created_at', clicks: 'x.created_at', conversions: 'x.created_at' } as const;

type Row = Record<keyof Group, string | number | null>;

const toGroups = (rows: Row[]): Group[] =>
  rows.map((row) => ({
    postId: String(row.postId),
    team: String(row.team),
    network: String(row.network),
    kind: String(row.kind),
    day: String(row.day),
    n: Number(row.n),
    value: Number(row.value ?? 0),
  }));

/** Records of one source between two ISO bounds (`from` inclusive; `to` inclusive, or exclusive with `before`), grouped. */
async function grouped(db: Db, source: keyof typeof SOURCES, from: string, to: string, before = false): Promise<Group[]> {
  const { from: tables, value } = SOURCES[source];
  const time = sql.raw(TIME[source]);
  const result = await sql<Row>`
    select s.post_id as "postId", e.team_id as "team", s.network as "network", p.kind as "kind",
           substr(${time}, 1, 10) as "day", count(*) as "n", ${sql.raw(value)} as "value"
    from ${sql.raw(tables)}
    join posts p on p.id = s.post_id
    join employees e on e.id = s.employee_id
    where ${time} >= ${from} and ${time} ${sql.raw(before ? '<' : '<=')} ${to}
    group by s.post_id, e.team_id, s.network, p.kind, substr(${time}, 1, 10)`.execute(db);
  return toGroups(result.rows);
}

const nextDay = (day: string) => new Date(Date.parse(day) + DAY_MS).toISOString().slice(0, 10);

/**
 * Unique human clicks in the window: whole UTC days from the `click_daily` rollup, and the raw
 * clicks of a day the window only partly covers (its first and last), so the counts are exact.
 */
async function clickGroups(db: Db, window: Window): Promise<Group[]> {
  const startsAtMidnight = window.from.endsWith('T00:00:00.000Z');
  const endsAtMidnight = window.to.endsWith('T23:59:59.999Z');
  const firstDay = startsAtMidnight ? window.from.slice(0, 10) : nextDay(window.from.slice(0, 10));
  const lastDay = window.to.slice(0, 10);
  const afterLast = endsAtMidnight ? nextDay(lastDay) : lastDay;
  if (firstDay >= afterLast) return grouped(db, 'clicks', window.from, window.to);

  const whole = await sql<Row>`
    select c.post_id as "postId", c.team_id as "team", c.network as "network", p.kind as "kind",
           c.day as "day", sum(c.unique_clicks) as "n", 0 as "value"
    from click_daily c join posts p on p.id = c.post_id
    where c.day >= ${firstDay} and c.day < ${afterLast}
    group by c.post_id, c.team_id, c.network, p.kind, c.day`.execute(db);
  const head = startsAtMidnight ? [] : await grouped(db, 'clicks', window.from, firstDay, true);
  const tail = endsAtMidnight ? [] : await grouped(db, 'clicks', afterLast, window.to);
  return [...toGroups(whole.rows), ...head, ...tail];
}

type Dimension = (group: Group) => string[];

/**
 * Program results in a window: shares, unique human clicks and conversions, each counted by its
 * own time and attributed to its share's post, network and sharer's team. Participation is
 * employees who shared in the window / all employees.
 */
export async function analyticsSummary(db: Db, window: Window): Promise<AnalyticsSummary> {
  const shares = await grouped(db, 'shares', window.from, window.to);
  const clicks = await clickGroups(db, window);
  const conversions = await grouped(db, 'conversions', window.from, window.to);

  const postIds = [...new Set([...shares, ...clicks, ...conversions].map((g) => g.postId))];
  const topics = new Map<string, string[]>();
  if (postIds.length > 0) {
    for (const row of await db.selectFrom('post_topics').select(['post_id', 'topic_id']).where('post_id', 'in', postIds).execute()) {
      topics.set(row.post_id, [...(topics.get(row.post_id) ?? []), row.topic_id]);
    }
  }

  const breakdown = (dimension: Dimension): Breakdown[] => {
    const rows = new Map<string, Breakdown>();
    const add = (groups: Group[], field: 'shares' | 'clicks' | 'conversions') => {
      for (const group of groups) {
        for (const key of dimension(group)) {
          const row = rows.get(key) ?? { key, shares: 0, clicks: 0, conversions: 0 };
          row[field] += group.n;
          rows.set(key, row);
        }
      }
    };
    add(shares, 'shares');
    add(clicks, 'clicks');
    add(conversions, 'conversions');
    return [...rows.values()].sort((a, b) => b.shares - a.shares || (a.key < b.key ? -1 : 1));
  };

  const active = await db
    .selectFrom('shares')
    .select(sql<string | number>`count(distinct employee_id)`.as('n'))
    .where('created_at', '>=', window.from)
    .where('created_at', '<=', window.to)
    .executeTakeFirstOrThrow();
  const employees = await db.selectFrom('employees').select(sql<string | number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const activeAdvocates = Number(active.n);
  const employeeCount = Number(employees.n);
  const total = (groups: Group[], pick: (g: Group) => number) => groups.reduce((sum, g) => sum + pick(g), 0);
  return {
    from: window.from,
    to: window.to,
    activeAdvocates,
    employees: employeeCount,
    participationRate: employeeCount === 0 ? 0 : activeAdvocates / employeeCount,
    shares: total(shares, (g) => g.n),
    estimatedReach: total(shares, (g) => g.n * (ESTIMATED_REACH[g.network as NetworkId] ?? 0)),
    uniqueClicks: total(clicks, (g) => g.n),
    conversions: total(conversions, (g) => g.n),
    conversionValue: total(conversions, (g) => g.value),
    byTopic: breakdown((g) => topics.get(g.postId) ?? []),
    byNetwork: breakdown((g) => [g.network]),
    byTeam: breakdown((g) => [g.team]),
    byKind: breakdown((g) => [g.kind]),
    byDay: breakdown((g) => [g.day]).sort((a, b) => (a.key < b.key ? -1 : 1)),
  };
}
