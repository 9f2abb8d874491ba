import { SPENDING_REASONS } from '@advocacy-kit/core/contract';
import type { Kysely, Selectable } from 'kysely';
import { visibleTo } from '../content/visibility.js';
import type { Dialect } from '../db/database.js';
import { toEmployee } from '../db/rows.js';
import type { Database } from '../db/schema.js';
import { ranking } from '../points/leaderboard.js';
import { messageLocale, type EngagementMessage } from './content.js';

const DAY = 86_400_000;
const POSTS = 5;

/** Gathers what a digest or reminder tells one employee at `now`. */
export async function buildMessage(
  db: Kysely<Database>,
  dialect: Dialect,
  employeeRow: Selectable<Database['employees']>,
  kind: EngagementMessage['kind'],
  week: string,
  now: Date,
): Promise<EngagementMessage> {
  const employee = toEmployee({ ...employeeRow, team_name: null });
  const nowIso = now.toISOString();
  const from = new Date(now.getTime() - 7 * DAY).toISOString();
  const id = employee.id;
  const count = (value: unknown) => Number(value ?? 0);

  const [recent, sharedTopics, points, total, shares, clicks, conversions, lastShare, rank] = await Promise.all([
    db
      .selectFrom('posts')
      .selectAll('posts')
      .where(visibleTo(employee, nowIso))
      .where('posts.publish_at', '>=', from)
      .orderBy('posts.publish_at', 'desc')
      .orderBy('posts.id')
      .limit(20)
      .execute(),
    db
      .selectFrom('shares')
      .innerJoin('post_topics', 'post_topics.post_id', 'shares.post_id')
      .select('post_topics.topic_id')
      .distinct()
      .where('shares.employee_id', '=', id)
      .execute(),
    db
      .selectFrom('points_ledger')
      .select((eb) => eb.fn.sum<number>('delta').as('sum'))
      .where('employee_id', '=', id)
      .where('created_at', '>=', from)
      .where('reason', 'not in', [...SPENDING_REASONS])
      .executeTakeFirst(),
    db
      .selectFrom('points_ledger')
      .select((eb) => eb.fn.sum<number>('delta').as('sum'))
      .where('employee_id', '=', id)
      .where('reason', 'not in', [...SPENDING_REASONS])
      .executeTakeFirst(),
    db
      .selectFrom('shares')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('employee_id', '=', id)
      .where('created_at', '>=', from)
      .executeTakeFirst(),
    db
      .selectFrom('clicks')
      .innerJoin('shares', 'shares.tracking_code', 'clicks.code')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shares.employee_id', '=', id)
      .where('clicks.created_at', '>=', from)
      .executeTakeFirst(),
    db
      .selectFrom('conversions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('employee_id', '=', id)
      .where('created_at', '>=', from)
      .executeTakeFirst(),
    db
      .selectFrom('shares')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .where('employee_id', '=', id)
      .executeTakeFirst(),
    ranking(db, { dialect, from, team: null, limit: 1, employeeId: id }),
  ]);

  // Posts in topics the employee shared before come first, newest first within each group.
  const liked = new Set(sharedTopics.map((row) => row.topic_id));
  const affinity = (topics: string) => (JSON.parse(topics) as string[]).filter((topic) => liked.has(topic)).length;
  const posts = recent
    .map((row, order) => ({ row, order, score: affinity(row.topics) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, POSTS)
    .map(({ row }) => ({ id: row.id, title: row.title, summary: row.summary, url: row.url }));
  const last = lastShare?.at ? Date.parse(String(lastShare.at)) : null;

  return {
    kind,
    locale: messageLocale(employee.locale),
    employee: { id, displayName: employee.displayName, team: employee.team, timeZone: employee.timeZone },
    week,
    posts,
    points: { lastSevenDays: count(points?.sum), total: count(total?.sum) },
    rank: rank.me === null ? null : { rank: rank.me.rank, participants: rank.participants },
    results: { shares: count(shares?.n), clicks: count(clicks?.n), conversions: count(conversions?.n) },
    daysSinceLastShare: last === null ? null : Math.floor((now.getTime() - last) / DAY),
  };
}
