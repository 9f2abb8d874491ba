import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { DAY_MS } from '../src/points/periods.js';
import { databaseClickStore, type RawClick } from '../src/tracking/click-store.js';
import { rebuildRollupsWithin } from '../src/analytics/rollups.js';
import { fixedSchedule } from '../src/point-rules/schedule.js';
import { sequence } from './support/sequence.js';
import { forEachDatabase } from './support/databases.js';

import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

const HOUR = 3_600_000;
const HUMAN = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

interface ClickBreakdowns {
  uniqueClicks: number;
  byTopic: Record<string, number>;
  byNetwork: Record<string, number>;
  byTeam: Record<string, number>;
  byKind: Record<string, number>;
  byDay: Record<string, number>;
}

const clicksOf = (rows: { key: string; clicks: number }[]) =>
  Object.fromEntries(rows.filter((row) => row.clicks > 0).map((row) => [row.key, row.clicks]));

forEachDatabase('analytics rollups', (open) => {
  let h: Harness;
  let admin: string;
  const now = Date.now();
  /** An hour four days ago, at 10:00 UTC. */
  const busyHour = Date.parse(new Date(now - 4 * DAY_MS).toISOString().slice(0, 10)) + 10 * HOUR;

  /** The summary's click figures recomputed from the raw click rows. */
  const rawClicks = async (from: string, to: string): Promise<ClickBreakdowns> => {
    const { rows } = await sql<{ post: string; team: string; network: string; kind: string; day: string }>`
      select s.post_id as "post", e.team_id as "team", s.network as "network", p.kind as "kind", substr(c.created_at, 1, 10) as "day"
      from clicks c join shares s on s.id = c.share_id join posts p on p.id = s.post_id join employees e on e.id = s.employee_id
      where c.created_at >= ${from} and c.created_at <= ${to}`.execute(h.advocacy.services.db);
    const topics = await h.advocacy.services.db.selectFrom('post_topics').select(['post_id', 'topic_id']).execute();
    const result: ClickBreakdowns = { uniqueClicks: rows.length, byTopic: {}, byNetwork: {}, byTeam: {}, byKind: {}, byDay: {} };
    const bump = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
    for (const row of rows) {
      for (const topic of topics.filter((t) => t.post_id === row.post)) bump(result.byTopic, topic.topic_id);
      bump(result.byNetwork, row.network);
      bump(result.byTeam, row.team);
      bump(result.byKind, row.kind);
      bump(result.byDay, row.day);
    }
    return result;
  };

  const summaryClicks = async (from: string, to: string): Promise<ClickBreakdowns> => {
    const summary = await json(await h.request('GET', `${API}/admin/analytics?from=${from}&to=${to}`, { token: admin }), 200);
    for (const breakdown of ['byTopic', 'byNetwork', 'byTeam', 'byKind', 'byDay'] as const) {
      for (const row of summary[breakdown] as { key: string; shares: number; clicks: number; conversions: number }[]) {
        assert.ok(row.shares > 0 || row.clicks > 0 || row.conversions > 0, `${breakdown} lists ${row.key} with nothing in ${from} – ${to}`);
      }
    }
    return {
      uniqueClicks: summary.uniqueClicks,
      byTopic: clicksOf(summary.byTopic),
      byNetwork: clicksOf(summary.byNetwork),
      byTeam: clicksOf(summary.byTeam),
      byKind: clicksOf(summary.byKind),
      byDay: clicksOf(summary.byDay),
    };
  };

  before(async () => {
    h = await startHarness(await open());
    admin = await signToken('emp-admin', { admin: true });
    const { db } = h.advocacy.services;
    // Shares across teams, posts (topics, kinds) and networks, besides the fixture's own.
    const sharers: [string, string, string][] = [
      ['emp-ann', 'p-1', 'linkedin'],
      ['emp-ann', 'p-2', 'x'],
      ['emp-bob', 'p-2', 'linkedin'],
      ['emp-bob', 'p-3', 'facebook'],
    ];
    for (const [index, [employee, postId, network]] of sharers.entries()) {
      const token = await signToken(employee);
      await json(
        await h.request('POST', `${API}/shares`, {
          token,
          headers: { 'idempotency-key': `rollup-${index}` },
          body: { postId, network, commentary: '' },
        }),
        201,
      );
    }
    const shares = await db.selectFrom('shares').select(['id', 'tracking_code', 'employee_id', 'post_id']).execute();

    // Clicks over the last 70 days (at least one whole month) through the click flush's store,
    // from a small pool of visitors so that the same visitor clicks the same link on the same day again.
    const store = databaseClickStore(db, 'rollup-test-salt', () => fixedSchedule(h.config.rules));
    const random = sequence(7);
    const batch: RawClick[] = [];
    /** A human click on `share` from `ip` at `at` (ms). */
    const click = (share: (typeof shares)[number], ip: string, at: number): RawClick => ({
      code: share.tracking_code,
      shareId: share.id,
      employeeId: share.employee_id,
      postId: share.post_id,
      sharerNetwork: null,
      ip,
      userAgent: HUMAN,
      at: new Date(at).toISOString(),
    });
    for (let i = 0; i < 600; i++) {
      const share = shares[Math.floor(random() * shares.length)]!;
      batch.push(click(share, `198.51.100.${Math.floor(random() * 12)}`, now - Math.floor(random() * 70 * DAY_MS)));
    }
    // And 80 more inside one hour, `busyHour`, whose windows are cut at minutes below.
    for (let i = 0; i < 80; i++) {
      batch.push(click(shares[i % shares.length]!, `198.51.100.${100 + i}`, busyHour + i * 45_000 + Math.floor(random() * 45_000)));
    }
    const first = await store(batch);
    assert.ok(first > 0 && first < batch.length, `some of the ${batch.length} clicks are repeats (${first} unique)`);
    assert.equal(await store(batch), 0, 'the same clicks again are no new unique clicks');

    // And through the redirect: one visitor twice, and a crawler that is never counted.
    const code = shares[0]!.tracking_code;
    for (const userAgent of [HUMAN, HUMAN, BOT, BOT]) {
      await h.request('GET', `/r/${code}`, { headers: { 'user-agent': userAgent, 'x-forwarded-for': '203.0.113.50' } });
    }
    await h.advocacy.flush();
  });
  after(() => h.close());

  it('holds exactly the unique click rows, whatever was written twice, at every level of every dimension', async () => {
    const { db } = h.advocacy.services;
    const raw = await sql<{ n: string | number }>`select count(*) as n from clicks c join shares s on s.id = c.share_id`.execute(db);
    assert.ok(Number(raw.rows[0]!.n) > 100);
    for (const table of ['rollup_network', 'rollup_team', 'rollup_post'] as const) {
      const levels = await db
        .selectFrom(table)
        .select(['level', sql<string | number>`sum(clicks)`.as('n')])
        .groupBy('level')
        .execute();
      assert.ok(levels.length >= 2, `${table} has several levels`);
      for (const level of levels) assert.equal(Number(level.n), Number(raw.rows[0]!.n), `${table} level ${level.level}`);
    }
  });

  const iso = (ms: number) => new Date(ms).toISOString();
  /** The first instant of the UTC month `back` months before the current one. */
  const monthStart = (back: number) => {
    const at = new Date(now);
    return Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - back, 1);
  };

  it('gives the same click figures as the raw clicks for windows cut anywhere in a day', async () => {
    const midnight = Date.parse(iso(now).slice(0, 10));
    const windows: [string, string][] = [
      [iso(now - 69 * DAY_MS), iso(now)],
      [iso(monthStart(1)), iso(monthStart(0) - 1)],
      [iso(monthStart(2)), iso(now)],
      [iso(now - 65.5 * DAY_MS), iso(monthStart(0) + 0.6 * HOUR)],
      [iso(monthStart(1) - 3 * DAY_MS - 2.5 * HOUR), iso(monthStart(0) + 9 * DAY_MS + 0.5 * HOUR)],
      [iso(now - 30 * DAY_MS), iso(now)],
      [iso(now - 9.3 * DAY_MS), iso(now - 2.6 * DAY_MS)],
      [iso(midnight - 10 * DAY_MS), iso(midnight - 3 * DAY_MS - 1)],
      [iso(midnight - 5 * DAY_MS), iso(now)],
      [iso(now - 7.5 * DAY_MS), iso(midnight - 2 * DAY_MS - 1)],
      [iso(midnight - 4 * DAY_MS + 3_600_000), iso(midnight - 4 * DAY_MS + 7_200_000)],
      [iso(now - 1.2 * DAY_MS), iso(now - 0.1 * DAY_MS)],
      [iso(now - 19.9 * DAY_MS), iso(now - 0.7 * DAY_MS)],
      [iso(now - 2 * HOUR), iso(now - HOUR)],
      [iso(now - 0.3 * HOUR), iso(now - 0.1 * HOUR)],
    ];
    for (const [from, to] of windows) {
      const expected = await rawClicks(from, to);
      assert.ok(from !== windows[0]![0] || expected.uniqueClicks > 200, 'the widest window holds the test clicks');
      assert.deepEqual(await summaryClicks(from, to), expected, `${from} – ${to}`);
    }
  });

  it('counts a window cut inside an hour from the records, or as the hour less the records outside the window, alike', async () => {
    const minute = 60_000;
    const windows: [number, number][] = [
      [busyHour + 5 * minute, busyHour + 50 * minute], // one hour: the hour less its two ends
      [busyHour + 10 * minute, busyHour + 20 * minute], // one hour: the records
      [busyHour - 2 * DAY_MS, busyHour + 40 * minute], // ends in the hour: the hour less its last 20 minutes
      [busyHour + 15 * minute, busyHour + 2 * DAY_MS], // starts in the hour: the hour less its first 15 minutes
      [busyHour + 45 * minute, now], // starts in the hour: its last 15 minutes' records
      [busyHour, busyHour + HOUR - 1], // the whole hour, to the millisecond
      [busyHour - 20 * minute, busyHour + 45 * minute], // no whole hour: the hour before's last records, then the busy hour less its end
      [busyHour + 10 * minute, busyHour + HOUR + 40 * minute], // no whole hour: the busy hour less its start, then the next hour's records
    ];
    for (const [from, to] of windows) {
      const expected = await rawClicks(iso(from), iso(to));
      assert.ok(to - from > HOUR || expected.uniqueClicks > 5, `the busy hour's clicks are in ${iso(from)} – ${iso(to)}`);
      assert.deepEqual(await summaryClicks(iso(from), iso(to)), expected, `${iso(from)} – ${iso(to)}`);
    }
  });

  it('reads a window again without months where they add up to less than the days (an instance of the release before wrote meanwhile)', async () => {
    const { db } = h.advocacy.services;
    const month = iso(monthStart(1)).slice(0, 7);
    const windows: [string, string][] = [
      [iso(monthStart(1)), iso(monthStart(0) - 1)],
      [iso(now - 69 * DAY_MS), iso(now)],
    ];
    const expected = await Promise.all(windows.map(([from, to]) => rawClicks(from, to)));
    // What a writer that knows no months leaves: clicks in the days, weeks and hours, not in the month.
    const rows = await db
      .selectFrom('rollup_post')
      .select(['post_id', 'clicks'])
      .where('level', '=', 'm')
      .where('bucket', '=', month)
      .execute();
    const lost = rows.find((row) => Number(row.clicks) > 1)!;
    assert.ok(lost !== undefined, `the test clicks reach month ${month}`);
    await db
      .updateTable('rollup_post')
      .set({ clicks: sql`clicks - 1` })
      .where('level', '=', 'm')
      .where('bucket', '=', month)
      .where('post_id', '=', lost.post_id)
      .execute();
    await db
      .updateTable('rollup_team')
      .set({ clicks: sql`clicks - 1` })
      .where('level', '=', 'm')
      .where('bucket', '=', month)
      .where('clicks', '>', 0)
      .execute();
    try {
      for (const [index, [from, to]] of windows.entries()) {
        assert.deepEqual(await summaryClicks(from, to), expected[index], `${from} – ${to}`);
      }
    } finally {
      await h.advocacy.services.db.transaction().execute((trx) => rebuildRollupsWithin(trx));
    }
  });
});
