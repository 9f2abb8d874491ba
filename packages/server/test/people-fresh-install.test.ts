import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createApp, type AdvocacyApp } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { forEachDatabase, type TestDatabase } from './support/databases.js';
import { API, SECRET, json, signToken } from './support/harness.js';

// A production install has no seed: its first admin signs in and builds the program from the admin screen.
forEachDatabase('people: a fresh install creates its first topic and team', (open) => {
  let database: TestDatabase;
  let app: AdvocacyApp;
  before(async () => {
    database = await open();
    app = await createApp(
      resolveConfig({
        databaseUrl: database.databaseUrl,
        sqliteFile: database.sqliteFile,
        logLevel: 'silent',
        auth: { jwtSecret: SECRET },
      }),
    );
  });
  after(async () => {
    await app.close();
    await database.drop();
  });

  const request = async (method: string, path: string, token: string, body?: unknown) =>
    app.app.request(`${API}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('starts with no topics, then the admin adds the first topic and team and employees see them', async () => {
    const admin = await signToken('first-admin', { admin: true, claims: { name: 'First Admin', email: 'admin@example.com' } });
    const employee = await signToken('first-employee', { claims: { name: 'First Employee' } });
    assert.deepEqual((await json(await request('GET', '/topics', employee), 200)).items, []);
    assert.deepEqual((await json(await request('GET', '/admin/topics', admin), 200)).items, []);

    const topic = await json(await request('POST', '/admin/topics', admin, { names: { en: 'Company news', ja: '社内ニュース' } }), 201);
    assert.equal(topic.position, 0);
    const team = await json(await request('POST', '/admin/teams', admin, { id: 'sales', names: { en: 'Sales', ja: '営業' } }), 201);
    assert.equal(team.name, 'Sales');

    assert.deepEqual(
      (await json(await request('GET', '/topics', employee), 200)).items.map((t: { id: string }) => t.id),
      [topic.id],
    );
    const moved = await json(await request('PATCH', '/admin/employees/first-employee', admin, { team: 'sales' }), 200);
    assert.equal(moved.teamName, 'Sales');
    assert.equal((await json(await request('GET', '/me', employee), 200)).team, 'sales', 'no team claim: the admin’s choice stands');
  });
});
