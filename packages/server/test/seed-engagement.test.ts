import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { demoSeed, memoryBackend } from '@advocacy-kit/core/memory';
import { createApp, type AdvocacyApp } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { gamificationDb } from '../src/gamification/tables.js';
import { loadSeed } from '../src/seed.js';
import { forEachDatabase, type TestDatabase } from './support/databases.js';
import { API, SECRET, json, signToken } from './support/harness.js';

forEachDatabase('demo seed: badges and a running contest', (open) => {
  let database: TestDatabase;
  let advocacy: AdvocacyApp;
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const seed = demoSeed(now);

  before(async () => {
    database = await open();
    advocacy = await createApp(
      resolveConfig({
        databaseUrl: database.databaseUrl,
        sqliteFile: database.sqliteFile,
        logLevel: 'silent',
        auth: { jwtSecret: SECRET },
        webhooks: { dispatchIntervalMs: 0 },
        engagement: { tickMs: 0 },
      }),
    );
    await loadSeed(advocacy.services.db, seed, advocacy.services.config.rules, now);
    await loadSeed(advocacy.services.db, seed, advocacy.services.config.rules, now);
  });
  after(async () => {
    await advocacy.close();
    await database.drop();
  });

  const get = async (path: string, employeeId: string) =>
    json(await advocacy.app.request(`${API}${path}`, { headers: { authorization: `Bearer ${await signToken(employeeId)}` } }), 200);

  it('the running contest is listed with the same standings as the memory backend, once', async () => {
    const contests = await gamificationDb(advocacy.services.db).selectFrom('contests').select('id').execute();
    assert.deepEqual(
      contests.map((c) => c.id),
      seed.contests!.map((c) => c.id),
    );
    const employee = 'emp-haruka';
    const server = (await get('/contests', employee)).items;
    const memory = await memoryBackend({ seed, now: () => now, employeeId: employee }).listContests!();
    assert.equal(server.length, 1);
    assert.equal(server[0].status, 'active');
    assert.deepEqual(
      server[0].entries.map((e: { employeeId: string; points: number; rank: number }) => [e.employeeId, e.points, e.rank]),
      memory[0]!.entries.map((e) => [e.employeeId, e.points, e.rank]),
    );
  });

  it('badges earned by the seeded history are stored once, as the memory backend derives them', async () => {
    const employee = 'emp-haruka';
    const stored = await gamificationDb(advocacy.services.db)
      .selectFrom('employee_badges')
      .selectAll()
      .where('employee_id', '=', employee)
      .execute();
    const memory = (await memoryBackend({ seed, now: () => now, employeeId: employee }).listMyBadges!()).filter(
      (b) => b.awardedAt !== null,
    );
    assert.deepEqual(stored.map((row) => row.badge_id).sort(), memory.map((b) => b.id).sort());
    assert.ok(stored.length > 0);
    const listed = (await get('/me/badges', employee)).items.filter((b: { awardedAt: string | null }) => b.awardedAt !== null);
    assert.equal(listed.length, stored.length);
  });
});
