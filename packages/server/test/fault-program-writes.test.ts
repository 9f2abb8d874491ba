/**
 * Program writes are acknowledged only once they are committed: the real server process is
 * killed with SIGKILL right after its last answer, and after a restart every answered write is
 * there, with the audit entry its transaction recorded.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { resolveConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/migrations.js';
import { loadSeed } from '../src/seed.js';
import { forEachDatabase, type TestDatabase } from './support/databases.js';
import { fixture } from './support/fixture.js';
import { API, SECRET, signToken } from './support/harness.js';
import { startServerProcess, type ServerProcess } from './support/process.js';

forEachDatabase('fault: kill -9 right after program writes are answered', (open) => {
  let database: TestDatabase;
  let dataDir: string;
  let env: Record<string, string>;
  const running: ServerProcess[] = [];
  const start = async () => {
    const server = await startServerProcess(env);
    running.push(server);
    return server;
  };

  before(async () => {
    database = await open();
    dataDir = mkdtempSync(join(tmpdir(), 'advocacy-program-fault-'));
    const { db } = openDatabase({ databaseUrl: database.databaseUrl, sqliteFile: join(dataDir, 'advocacy.sqlite') });
    await migrateToLatest(db);
    await loadSeed(db, fixture(new Date()), resolveConfig({ auth: { jwtSecret: SECRET } }).rules);
    await db.destroy();
    env = { DATA_DIR: dataDir, DATABASE_URL: database.databaseUrl ?? '', AUTH_JWT_SECRET: SECRET };
  });
  after(async () => {
    for (const server of running) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await Promise.all(running.map((server) => server.exited));
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  });

  it('every answered admin and employee write, and its audit entry, is there after the restart', async () => {
    const server = await start();
    const admin = await signToken('emp-ada', { admin: true });
    const employee = await signToken('emp-ann');
    const call = async (
      token: string,
      method: string,
      path: string,
      body?: unknown,
      status = 200,
      headers: Record<string, string> = {},
    ) => {
      const response = await fetch(`${server.url}${API}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      assert.equal(response.status, status, `${method} ${path}: ${text}`);
      return text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
    };

    const topic = await call(admin, 'POST', '/admin/topics', { names: { en: 'Kept', ja: '保持' } }, 201);
    await call(admin, 'PUT', '/admin/policy/draft', { texts: { en: 'Be kind.' } });
    const published = await call(admin, 'POST', '/admin/policy/draft/publish');
    await call(admin, 'POST', '/admin/points/adjustments', { employeeId: 'emp-ann', delta: 300, reason: 'A talk' }, 201);
    const rules = await call(admin, 'POST', '/admin/points/rules', { rules: { points: { share: 12 } }, note: 'Kept' }, 201);
    await call(admin, 'PATCH', '/admin/delivery/settings', {
      smtpHost: 'smtp.example.com',
      fromAddress: 'advocacy@example.com',
      smtpPassword: 'kept-secret',
    });
    await call(employee, 'PUT', '/me/preferences', { locale: 'ja', timeZone: 'Asia/Tokyo' });
    const reward = await call(admin, 'POST', '/admin/rewards', { name: { en: 'Mug' }, cost: 100, stock: 1 }, 201);
    // The last answer: the employee's request, which holds points and takes the only item.
    const key = { 'idempotency-key': 'fault-mug-1' };
    const request = await call(employee, 'POST', `/rewards/${reward!.id}/requests`, undefined, 201, key);
    server.child.kill('SIGKILL');
    assert.equal(await server.exited, 'SIGKILL');

    const restarted = await start();
    const get = async (token: string, path: string) => {
      const response = await fetch(`${restarted.url}${API}${path}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200, `GET ${path}`);
      return (await response.json()) as Record<string, unknown> & { items: Array<Record<string, unknown>> };
    };
    assert.ok(
      (await get(admin, '/admin/topics')).items.some((item) => item.id === topic!.id),
      'the topic',
    );
    const versions = (await get(admin, '/admin/policy/versions')).items;
    assert.ok(
      versions.some((v) => v.version === published!.version && v.status === 'published'),
      'the published policy version',
    );
    const mine = (await get(employee, '/me/reward-requests')).items;
    assert.deepEqual(
      mine.map((r) => [r.id, r.status]),
      [[request!.id, 'pending']],
      'the reward request',
    );
    const rewards = (await get(admin, '/admin/rewards')).items;
    assert.equal(rewards.find((r) => r.id === reward!.id)?.stock, 0, 'the item it took');
    const points = (await get(employee, '/me/points')).items;
    assert.ok(
      points.some((row) => row.reason === 'manual' && row.delta === 300),
      'the adjustment',
    );
    assert.ok(
      points.some((row) => row.reason === 'reward_hold' && row.delta === -100),
      'the hold',
    );
    assert.ok(
      (await get(admin, '/admin/points/rules')).items.some((version) => version.id === rules!.id),
      'the point-rules version',
    );
    const delivery = await get(admin, '/admin/delivery/settings');
    assert.deepEqual([delivery.smtpHost, delivery.smtpPasswordSet], ['smtp.example.com', true], 'the delivery settings');
    const preferences = await get(employee, '/me/preferences');
    assert.deepEqual([preferences.locale, preferences.timeZone], ['ja', 'Asia/Tokyo'], 'the preferences');
    // The retry the employee's browser sends after losing the answer: the same request, nothing more held.
    const retried = await fetch(`${restarted.url}${API}/rewards/${reward!.id}/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${employee}`, ...key },
    });
    assert.equal(retried.status, 200, 'the retry answers with the first request');
    assert.equal(((await retried.json()) as { id: string }).id, request!.id);
    const audit = (await get(admin, '/admin/audit?limit=100')).items.map((entry) => entry.action);
    for (const action of ['topic.create', 'policy.publish', 'points.adjust', 'reward.create', 'points_rules.create', 'settings.update']) {
      assert.ok(audit.includes(action), `audit entry ${action} in ${audit.join(', ')}`);
    }
    await restarted.stop();
  });
});
