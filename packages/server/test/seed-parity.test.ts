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
    advocacy = await createApp(resolveConfig({ databaseUrl: database.databaseUrl, sqliteFile: database.sqliteFile, logLevel: 'silent', auth: { jwtSecret: SECRET } }));
    await loadSeed(advocacy.services.db, seed, advocacy.services.config.points, now);
  });
  after(async () => {
    await advocacy.close();
    await database.drop();
  });

  it("every employee's all-time points, shares, clicks and conversions match over GET /me/stats", async () => {
    for (const employee of seed.employees) {
      const token = await signToken(employee.id, { admin: employee.role === 'admin' });
      const served = await json(await advocacy.app.request(`${API}/me/stats?period=all`, { headers: { authorization: `Bearer ${token}` } }), 200);
      const expected = await memory(employee.id).getMyStats('all');
      assert.deepEqual(
        { points: served.points, shares: served.shares, clicks: served.clicks, conversions: served.conversions, conversionValue: served.conversionValue },
        { points: expected.points, shares: expected.shares, clicks: expected.clicks, conversions: expected.conversions, conversionValue: expected.conversionValue },
        employee.id,
      );
    }
  });

  it('every period matches too, series and company rank included', async () => {
    const { db, dialect } = advocacy.services;
    for (const period of ['week', 'month', 'quarter', 'all'] as const) {
      for (const employee of seed.employees) {
        assert.deepEqual(await myStats(db, dialect, employee, period, now), await memory(employee.id).getMyStats(period), `${employee.id} ${period}`);
      }
    }
  });
});
