import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { demoSeed, memoryBackend } from '@advocacy-kit/core/memory';
import { createApp, type AdvocacyApp } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { myStats } from '../src/points/my-stats.js';
import { loadSeed } from '../src/seed.js';
import { forEachDatabase, type TestDatabase } from './support/databases.js';
import { API, json, SECRET, signToken } from './support/harness.js';

// The demo company as both backends load it at the same instant.
const now = new Date();
const seed = demoSeed(now);
const memory = (employeeId: string) => memoryBackend({ seed: demoSeed(now), employeeId, now: () => now });

forEachDatabase('demo seed parity with the memory backend', (open) => {
  let database: TestDatabase;
  let advocacy: AdvocacyApp;

  before(async () => {
    database = await open();
    advocacy = await createApp(
      resolveConfig({
        databaseUrl: database.databaseUrl,
        sqliteFile: database.sqliteFile,
        logLevel: 'silent',
        auth: { jwtSecret: SECRET },
      }),
    );
    await loadSeed(advocacy.services.db, seed, advocacy.services.config.rules, now);
  });
  after(async () => {
    await advocacy.close();
    await database.drop();
  });

  it("every employee's all-time points, shares, clicks and conversions match over GET /me/stats", async () => {
    for (const employee of seed.employees) {
      const token = await signToken(employee.id, { admin: employee.role === 'admin' });
      const served = await json(
        await advocacy.app.request(`${API}/me/stats?period=all`, { headers: { authorization: `Bearer ${token}` } }),
        200,
      );
      const expected = await memory(employee.id).getMyStats('all');
      assert.deepEqual(
        {
          points: served.points,
          shares: served.shares,
          clicks: served.clicks,
          conversions: served.conversions,
          conversionValue: served.conversionValue,
        },
        {
          points: expected.points,
          shares: expected.shares,
          clicks: expected.clicks,
          conversions: expected.conversions,
          conversionValue: expected.conversionValue,
        },
        employee.id,
      );
    }
  });

  it("the rewards catalogue and every employee's points balance match", async () => {
    assert.ok((seed.rewards ?? []).length > 0, 'the demo has rewards to spend points on');
    for (const employee of seed.employees) {
      const token = await signToken(employee.id, { admin: employee.role === 'admin' });
      const get = async (path: string) =>
        json(await advocacy.app.request(`${API}${path}`, { headers: { authorization: `Bearer ${token}` } }), 200);
      const backend = memory(employee.id);
      assert.deepEqual((await get('/rewards')).items, await backend.listRewards!(), `${employee.id} rewards`);
      assert.deepEqual(await get('/me/points/balance'), await backend.getMyPointsBalance!(), `${employee.id} balance`);
    }
  });

  it('every period matches too, series and company rank included', async () => {
    const { db, dialect } = advocacy.services;
    for (const period of ['week', 'month', 'quarter', 'all'] as const) {
      for (const employee of seed.employees) {
        assert.deepEqual(
          await myStats(db, dialect, employee, period, now),
          await memory(employee.id).getMyStats(period),
          `${employee.id} ${period}`,
        );
      }
    }
  });
});

forEachDatabase('program analytics parity with the memory backend', (open) => {
  let database: TestDatabase;
  let advocacy: AdvocacyApp;
  let admin: string;
  const adminId = seed.employees.find((e) => e.role === 'admin')!.id;
  const get = async (path: string) =>
    json(await advocacy.app.request(`${API}${path}`, { headers: { authorization: `Bearer ${admin}` } }), 200);

  before(async () => {
    database = await open();
    advocacy = await createApp(
      resolveConfig({
        databaseUrl: database.databaseUrl,
        sqliteFile: database.sqliteFile,
        logLevel: 'silent',
        auth: { jwtSecret: SECRET },
      }),
    );
    await loadSeed(advocacy.services.db, seed, advocacy.services.config.rules, now);
    admin = await signToken(adminId, { admin: true });
  });
  after(async () => {
    await advocacy.close();
    await database.drop();
  });

  it('every figure, breakdown, series and top list matches for windows cut anywhere (whole weeks, days, hours and minutes)', async () => {
    const DAY = 86_400_000;
    const t = now.getTime();
    const midnight = Date.parse(now.toISOString().slice(0, 10));
    const iso = (ms: number) => new Date(ms).toISOString();
    const windows: [string, string][] = [
      [iso(t - 90 * DAY), iso(t)],
      [iso(t - 30 * DAY), iso(t)],
      [iso(t - 70 * DAY + 1234567), iso(t - 20 * DAY - 7654321)],
      [iso(midnight - 28 * DAY), iso(midnight - 1)],
      [iso(midnight - 13 * DAY - 3 * 3_600_000), iso(midnight - 2 * DAY + 5 * 3_600_000 - 1)],
      [iso(t - 2.5 * DAY), iso(t - 0.25 * DAY)],
      [iso(t - 5 * 3_600_000 - 17_000), iso(t - 3_600_000 + 42_000)],
      ['2020-01-01', '2020-01-31'],
    ];
    const expectedTotal = await memory(adminId).admin.getAnalytics({ from: windows[0]![0], to: windows[0]![1] });
    assert.ok(
      expectedTotal.shares > 50 && expectedTotal.uniqueClicks > 100 && expectedTotal.conversions > 0,
      'the widest window holds the seed',
    );
    assert.ok(expectedTotal.topAdvocates.length > 0 && expectedTotal.topPosts.length > 0);
    for (const [from, to] of windows) {
      const served = await get(`/admin/analytics?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      assert.deepEqual(served, await memory(adminId).admin.getAnalytics({ from, to }), `${from} – ${to}`);
    }
  });

  it("the content list's per-post results and the suggestion queue's names match", async () => {
    const posts = await get('/admin/posts?limit=100');
    const expected = await memory(adminId).admin.listPosts({ limit: 100 });
    const metrics = (items: Array<{ id: string; metrics: unknown }>) => Object.fromEntries(items.map((p) => [p.id, p.metrics]));
    assert.deepEqual(metrics(posts.items), metrics(expected.items));
    assert.ok(posts.items.some((p: { metrics: { clicks: number } }) => p.metrics.clicks > 0));
    const suggestions = await get('/admin/suggestions');
    const names = (items: Array<{ id: string; employeeName: string }>) => Object.fromEntries(items.map((s) => [s.id, s.employeeName]));
    assert.deepEqual(names(suggestions.items), names((await memory(adminId).admin.listSuggestions()).items));
    assert.ok(suggestions.items.every((s: { employeeName: string; employeeId: string }) => s.employeeName !== s.employeeId));
  });
});
