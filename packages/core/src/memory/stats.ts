import type {
  AnalyticsSummary,
  Breakdown,
  Conversion,
  Employee,
  Leaderboard,
  LeaderboardEntry,
  MyStats,
  NetworkId,
  Period,
  PostMetrics,
  Scope,
  Share,
  StatsPoint,
  TopAdvocate,
  TopPost,
} from '../backend/contract.js';
import { estimatedReach, isEarning } from '../rules/index.js';
import { valueByCurrency } from '../admin/conversion-value.js';
import type { ClickRow, MemoryDb } from './db.js';
import { countedMembers } from './pilots.js';

const DAY = 86_400_000;
const PERIOD_DAYS: Record<Period, number> = { week: 7, month: 30, quarter: 90, all: Infinity };

/** Start of a period ending at `now` (week = last 7 days, month = 30, quarter = 90, all = ever). */
export const periodStart = (period: Period, now: Date): number => now.getTime() - PERIOD_DAYS[period] * DAY;

const inWindow = (iso: string, from: number, to: number) => {
  const t = Date.parse(iso);
  return t >= from && t <= to;
};

/** Points per employee in [from, to]. */
function pointsBy(db: MemoryDb, from: number, to: number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of db.ledger) {
    if (isEarning(row.reason) && inWindow(row.createdAt, from, to))
      totals.set(row.employeeId, (totals.get(row.employeeId) ?? 0) + row.delta);
  }
  return totals;
}

/** Ranked rows of everyone with points: most points first, ties in a stable order (by id), equal points share a rank. */
function ranking(db: MemoryDb, period: Period, members: Employee[]): LeaderboardEntry[] {
  const now = db.now();
  const totals = pointsBy(db, periodStart(period, now), now.getTime());
  const rows = members
    .map((e) => ({ e, points: totals.get(e.id) ?? 0 }))
    .filter((r) => r.points > 0)
    .sort((a, b) => b.points - a.points || (a.e.id < b.e.id ? -1 : 1));
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || rows[i - 1]!.points !== r.points) rank = i + 1;
    const { e } = r;
    return {
      rank,
      employeeId: e.id,
      displayName: e.displayName,
      avatarUrl: e.avatarUrl,
      team: e.team,
      teamName: e.teamName,
      points: r.points,
    };
  });
}

export function leaderboard(db: MemoryDb, me: Employee, period: Period, scope: Scope, limit: number): Leaderboard {
  const members = [...db.employees.values()].filter((e) => !db.deactivated.has(e.id) && (scope === 'company' || e.team === me.team));
  const rows = ranking(db, period, members);
  // Anonymous: the true ranks, but only who opted in is listed by name (the caller's own entry stays).
  const { anonymous, top } = db.leaderboardSettings;
  const listed = anonymous ? rows.filter((r) => db.preferences.get(r.employeeId)?.showOnLeaderboard === true).slice(0, top) : rows;
  return {
    period,
    scope,
    entries: listed.slice(0, limit),
    me: rows.find((r) => r.employeeId === me.id) ?? null,
    participants: rows.length,
    anonymous,
  };
}

const dayKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Monday (UTC) of the week that holds `ms`. */
const weekKey = (ms: number) => {
  const d = new Date(ms);
  return dayKey(ms - ((d.getUTCDay() + 6) % 7) * DAY);
};

/**
 * The employee's totals over a period and a zero-filled series that adds up to them: days for
 * week and month, weeks (from Monday, UTC) for quarter and all. The series covers exactly the
 * window the totals count, so its first bucket may be partial (a rolling week starts mid-day)
 * and so is its last (today so far).
 */
export function myStats(db: MemoryDb, me: Employee, period: Period): MyStats {
  const now = db.now();
  const from = periodStart(period, now);
  const to = now.getTime();
  const mine = <T extends { employeeId: string }>(rows: Iterable<T>, at: (row: T) => string) =>
    [...rows].filter((r) => r.employeeId === me.id && inWindow(at(r), from, to));
  const points = mine(db.ledger, (r) => r.createdAt).filter((r) => isEarning(r.reason));
  const shares = mine(db.shares, (r) => r.createdAt);
  const clicks = mine(db.clicks, (r) => r.at);
  const conversions = mine(db.conversions.values(), (r) => r.createdAt);

  const daily = period === 'week' || period === 'month';
  const bucket = daily ? dayKey : weekKey;
  const activity = [...points.map((r) => r.createdAt), ...shares.map((r) => r.createdAt), ...clicks.map((r) => r.at)];
  // All time starts at the employee's first counted activity (or today, without any).
  const first = Number.isFinite(from) ? from : activity.reduce((min, iso) => Math.min(min, Date.parse(iso)), to);
  const series = new Map<string, StatsPoint>();
  for (let t = first; bucket(t) <= bucket(to); t += daily ? DAY : 7 * DAY) {
    series.set(bucket(t), { date: bucket(t), points: 0, shares: 0, clicks: 0 });
  }
  const add = (iso: string, field: 'points' | 'shares' | 'clicks', n: number) => {
    // Every counted row is inside [first, to], so its bucket exists.
    series.get(bucket(Date.parse(iso)))![field] += n;
  };
  points.forEach((r) => add(r.createdAt, 'points', r.delta));
  shares.forEach((r) => add(r.createdAt, 'shares', 1));
  clicks.forEach((r) => add(r.at, 'clicks', 1));

  const total = points.reduce((sum, r) => sum + r.delta, 0);
  const companyRank = ranking(db, period, [...db.employees.values()]).find((r) => r.employeeId === me.id);
  return {
    period,
    points: total,
    shares: shares.length,
    clicks: clicks.length,
    conversions: conversions.length,
    conversionValue: conversions.reduce((sum, c) => sum + c.value, 0),
    rank: companyRank?.rank ?? null,
    series: [...series.values()],
  };
}

/** Program analytics over [from, to]; a date-only `to` includes that whole day. */
export function analytics(db: MemoryDb, fromIso: string, toIso: string): AnalyticsSummary {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso) + (/^\d{4}-\d{2}-\d{2}$/.test(toIso) ? DAY - 1 : 0);
  const shares = db.shares.filter((s) => inWindow(s.createdAt, from, to));
  const clicks = db.clicks.filter((c) => inWindow(c.at, from, to));
  const conversions = [...db.conversions.values()].filter((c) => inWindow(c.createdAt, from, to));
  const shareByCode = new Map(db.shares.map((s) => [s.trackingCode, s]));

  type Keys = (s: { postId: string; employeeId: string; network: NetworkId; at: string }) => string[];
  const breakdown = (keys: Keys): Breakdown[] => {
    const rows = new Map<string, Breakdown>();
    const bump = (k: string, field: 'shares' | 'clicks' | 'conversions') => {
      const row = rows.get(k) ?? { key: k, shares: 0, clicks: 0, conversions: 0 };
      row[field]++;
      rows.set(k, row);
    };
    shares.forEach((s) => keys({ ...s, at: s.createdAt }).forEach((k) => bump(k, 'shares')));
    clicks.forEach((c) => keys(c).forEach((k) => bump(k, 'clicks')));
    conversions.forEach((c) => {
      const s = shareByCode.get(c.code);
      if (s) keys({ ...s, at: c.createdAt }).forEach((k) => bump(k, 'conversions'));
    });
    return [...rows.values()].sort((a, b) => b.shares - a.shares || (a.key < b.key ? -1 : 1));
  };
  const post = (id: string) => db.posts.get(id);
  // Participation and the per-employee figures count members who take part now (pilots.ts).
  const members = new Set(countedMembers(db).map((e) => e.id));
  const active = new Set(shares.map((s) => s.employeeId).filter((id) => members.has(id)));
  const employees = members.size;
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    activeAdvocates: active.size,
    employees,
    participationRate: employees === 0 ? 0 : active.size / employees,
    shares: shares.length,
    estimatedReach: estimatedReach(
      db.rules.reach,
      count(shares, (s) => s.network),
    ),
    uniqueClicks: clicks.length,
    conversions: conversions.length,
    conversionValue: conversions.reduce((sum, c) => sum + c.value, 0),
    conversionValueByCurrency: valueByCurrency(conversions),
    byTopic: breakdown((s) => post(s.postId)?.topics ?? []),
    byNetwork: breakdown((s) => [s.network]),
    byTeam: breakdown((s) => [db.employees.get(s.employeeId)?.team ?? 'unknown']),
    byKind: breakdown((s) => [post(s.postId)?.kind ?? 'unknown']),
    byDay: breakdown((s) => [s.at.slice(0, 10)]).sort((a, b) => (a.key < b.key ? -1 : 1)),
    topAdvocates: topAdvocates(
      db,
      shares.filter((s) => members.has(s.employeeId)),
      clicks,
    ),
    topPosts: topPosts(db, shares, clicks, conversions),
  };
}

const TOP = 10;
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function count<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Up to 10 employees by shares in the window, then employee id, with their links' clicks. */
function topAdvocates(db: MemoryDb, shares: Share[], clicks: ClickRow[]): TopAdvocate[] {
  const clicksBy = count(clicks, (c) => c.employeeId);
  return [...count(shares, (s) => s.employeeId)]
    .sort(([a, x], [b, y]) => y - x || byKey(a, b))
    .slice(0, TOP)
    .map(([employeeId, n]) => {
      const employee = db.employees.get(employeeId);
      return {
        employeeId,
        displayName: employee?.displayName ?? employeeId,
        team: employee?.team ?? null,
        shares: n,
        clicks: clicksBy.get(employeeId) ?? 0,
      };
    });
}

/** Up to 10 posts by unique clicks in the window, then shares, then post id. */
function topPosts(db: MemoryDb, shares: Share[], clicks: ClickRow[], conversions: Conversion[]): TopPost[] {
  const sharesBy = count(shares, (s) => s.postId);
  const clicksBy = count(clicks, (c) => c.postId);
  const conversionsBy = count(conversions, (c) => c.postId);
  const ids = [...new Set([...sharesBy.keys(), ...clicksBy.keys(), ...conversionsBy.keys()])].filter((id) => db.posts.has(id));
  const n = (counts: Map<string, number>, id: string) => counts.get(id) ?? 0;
  return ids
    .sort((a, b) => n(clicksBy, b) - n(clicksBy, a) || n(sharesBy, b) - n(sharesBy, a) || byKey(a, b))
    .slice(0, TOP)
    .map((postId) => {
      const post = db.posts.get(postId)!;
      return {
        postId,
        title: post.title,
        kind: post.kind,
        shares: n(sharesBy, postId),
        clicks: n(clicksBy, postId),
        conversions: n(conversionsBy, postId),
      };
    });
}

/** A post's results since it was created. */
export function postMetrics(db: MemoryDb, postId: string): PostMetrics {
  const conversions = [...db.conversions.values()].filter((c) => c.postId === postId);
  return {
    shares: db.shares.filter((s) => s.postId === postId).length,
    clicks: db.clicks.filter((c) => c.postId === postId).length,
    conversions: conversions.length,
    conversionValue: conversions.reduce((sum, c) => sum + c.value, 0),
  };
}
