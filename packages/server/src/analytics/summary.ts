import type { AnalyticsSummary, Breakdown, NetworkId } from '@advocacy-kit/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { ESTIMATED_REACH } from './reach.js';
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

/** FROM clauses that reach the share behind each kind of record (constant SQL, no input). */
const SOURCES = {
  shares: { from: 'shares x join shares s on s.id = x.id', value: '0' },
  clicks: { from: 'clicks x join shares s on s.id = x.share_id', value: '0' },
  conversions: { from: 'conversions x join shares s on s.id = x.share_id', value: 'sum(x.value)' },
} as const;

async function grouped(db: Db, source: keyof typeof SOURCES, window: Window): Promise<Group[]> {
  const { from, value } = SOURCES[source];
  const result = await sql<Record<keyof Group, string | number | null>>`
    select s.post_id as "postId", e.team_id as "team", s.network as "network", p.kind as "kind",
           substr(x.created_at, 1, 10) as "day", count(*) as "n", ${sql.raw(value)} as "value"
    from ${sql.raw(from)}
    join posts p on p.id = s.post_id
    join employees e on e.id = s.employee_id
    where x.created_at >= ${window.from} and x.created_at <= ${window.to}
    group by s.post_id, e.team_id, s.network, p.kind, substr(x.created_at, 1, 10)`.execute(db);
  return result.rows.map((row) => ({
    postId: String(row.postId),
    team: String(row.team),
    network: String(row.network),
    kind: String(row.kind),
    day: String(row.day),
    n: Number(row.n),
    value: Number(row.value ?? 0),
  }));
}

type Dimension = (group: Group) => string[];

/**
 * Program results in a window: shares, unique human clicks and conversions, each counted by its
 * own time and attributed to its share's post, network and sharer's team. Participation is
 * employees who shared in the window / all employees.
 */
export async function analyticsSummary(db: Db, window: Window): Promise<AnalyticsSummary> {
  const shares = await grouped(db, 'shares', window);
  const clicks = await grouped(db, 'clicks', window);
  const conversions = await grouped(db, 'conversions', window);

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
