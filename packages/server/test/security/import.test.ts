import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { openDatabase } from '../../src/db/database.js';
import { importHistory } from '../../src/import/import.js';
import { migrateToLatest } from '../../src/migrations.js';
import { forEachDatabase, type TestDatabase } from '../support/databases.js';
import { API, signToken, startHarness } from '../support/harness.js';

// The import is an operator's command on the server's machine, never a request: nothing over
// HTTP starts one. Its files come from another platform and are not trusted: no field chooses a
// redirect target, a link's scheme or a path, and a runaway line is refused, not buffered.

const at = '2026-11-01T09:00:00Z';

forEachDatabase('security: history import', (open) => {
  let database: TestDatabase;
  let dir: string;
  let opened: ReturnType<typeof openDatabase>;
  const sqliteFile = () => join(dir, 'advocacy.sqlite');
  const files = (name: string, contents: Record<string, string>) => {
    const folder = join(dir, name);
    mkdirSync(folder, { recursive: true });
    for (const [file, text] of Object.entries(contents)) writeFileSync(join(folder, `${file}.ndjson`), text);
    return folder;
  };
  const run = (folder: string) =>
    importHistory({ dir: folder, postgres: opened.dialect === 'postgres' ? opened.db : null, sqliteFile: sqliteFile() });
  const lines = (...values: object[]) => values.map((value) => JSON.stringify(value)).join('\n');

  before(async () => {
    database = await open();
    dir = mkdtempSync(join(tmpdir(), 'advocacy-import-security-'));
    opened = openDatabase({ databaseUrl: database.databaseUrl, sqliteFile: sqliteFile() });
    await migrateToLatest(opened.db);
    if (opened.dialect === 'sqlite') await opened.db.destroy();
  });
  after(async () => {
    if (opened.dialect === 'postgres') await opened.db.destroy();
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('no HTTP route imports: the API has no import operation and an admin posting to one gets 404', async () => {
    const spec = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as { paths: Record<string, unknown> };
    assert.deepEqual(
      Object.keys(spec.paths).filter((path) => /import/i.test(path)),
      [],
    );
    // An app of its own on SQLite: the routes are the same on both databases.
    const h = await startHarness({ ...database, sqliteFile: ':memory:', databaseUrl: null, drop: async () => undefined });
    try {
      const admin = await signToken('emp-ada', { admin: true });
      for (const path of [`${API}/admin/import`, `${API}/import`, '/import']) {
        const response = await h.request('POST', path, { token: admin, body: { dir: '/etc' } });
        assert.equal(response.status, 404, path);
      }
    } finally {
      await h.close();
    }
  });

  it('a share line cannot choose where its link redirects, and a post cannot be a javascript: or file: link', async () => {
    const base = {
      teams: lines({ id: 't', name: 'T' }),
      employees: lines({ id: 'e', displayName: 'E', teamId: 't', createdAt: at }),
      posts: lines({ id: 'p', title: 'P', url: 'https://example.com/p', publishAt: at }),
    };
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>', '//evil.example/x']) {
      await assert.rejects(run(files(`scheme-${url.length}`, { ...base, posts: lines({ id: 'p', title: 'P', url, publishAt: at }) })), {
        message: /^posts\.ndjson:1: "url" must be an absolute http\(s\) URL/,
      });
    }
    const hostile = {
      id: 's',
      employeeId: 'e',
      postId: 'p',
      network: 'x',
      createdAt: at,
      destination: 'https://evil.example/',
      url: 'https://evil.example/',
    };
    await run(files('destination', { ...base, shares: lines(hostile) }));
    const check = opened.dialect === 'postgres' ? opened : openDatabase({ databaseUrl: null, sqliteFile: sqliteFile() });
    try {
      const share = await check.db.selectFrom('shares').select('destination').where('id', '=', 's').executeTakeFirstOrThrow();
      assert.match(share.destination, /^https:\/\/example\.com\/p\?/);
    } finally {
      if (check !== opened) await check.db.destroy();
    }
  });

  it('a tracking code outside the redirect pattern, a control character in an id and a runaway line are refused with their line', async () => {
    const employees = lines({ id: 'e', displayName: 'E', teamId: 't', createdAt: at });
    await assert.rejects(
      run(
        files('code', {
          employees,
          shares: lines({ id: 's2', employeeId: 'e', postId: 'p', network: 'x', trackingCode: '../../etc/passwd', createdAt: at }),
        }),
      ),
      { message: /^shares\.ndjson:1: "trackingCode" must be 16 characters/ },
    );
    await assert.rejects(run(files('control', { teams: lines({ id: 't\n2', name: 'T' }) })), { message: /^teams\.ndjson:1: "id" must be/ });
    const runaway = `${lines({ id: 't3', name: 'T' })}\n{"id":"t4","name":"${'x'.repeat(3 << 20)}"}`;
    await assert.rejects(run(files('runaway', { teams: runaway })), { message: /^teams\.ndjson:2: longer than/ });
  });
});
