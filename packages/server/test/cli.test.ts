import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, it, mock } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli.js';
import { openDatabase } from '../src/db/database.js';
import { migrationProvider } from '../src/migrations.js';
import { forEachDatabase, type TestDatabase } from './support/databases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HUMAN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

/** The real command, compiled (scripts/run-tests.mjs builds before testing). */
const BIN = join(root, 'bin', 'advocacy-server.js');

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
}

async function counts(database: { databaseUrl: string | null; sqliteFile: string }) {
  const { db } = openDatabase(database);
  try {
    const tables = ['employees', 'posts', 'shares', 'clicks', 'conversions', 'points_ledger', 'suggestions'] as const;
    const out = {} as Record<(typeof tables)[number], number>;
    for (const table of tables) {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  } finally {
    await db.destroy();
  }
}

forEachDatabase('advocacy-server CLI', (open) => {
  let database: TestDatabase;
  let dataDir: string;
  let env: Record<string, string>;

  before(async () => {
    database = await open();
    dataDir = mkdtempSync(join(tmpdir(), 'advocacy-cli-'));
    env = {
      DATA_DIR: dataDir,
      DATABASE_URL: database.databaseUrl ?? '',
      AUTH_JWT_SECRET: 'cli-test-secret-0123456789abcdef',
      LOG_LEVEL: 'info',
    };
  });
  after(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  });

  const target = () => ({ databaseUrl: database.databaseUrl, sqliteFile: join(dataDir, 'advocacy.sqlite') });

  it('migrate creates the database and applies the migrations once', async () => {
    const first = cli(['migrate'], env);
    assert.equal(first.status, 0, first.stderr);
    const applied = /"applied":(\[[^\]]*\])/.exec(first.stdout);
    assert.ok(applied, first.stdout + first.stderr);
    assert.deepEqual(JSON.parse(applied[1]!), Object.keys(await migrationProvider.getMigrations()).sort());
    if (database.databaseUrl === null) assert.ok(existsSync(join(dataDir, 'advocacy.sqlite')));
    const second = cli(['migrate'], env);
    assert.match(second.stdout, /"applied":\[\]/, second.stdout + second.stderr);
  });

  it('seed loads the demo company with history, and seeding twice duplicates nothing', async () => {
    const first = cli(['seed'], { ...env, DEMO_IMAGES_URL: 'https://intranet.example/demo-images/' });
    assert.equal(first.status, 0, first.stderr);
    const { db } = openDatabase(target());
    const images = await db.selectFrom('posts').select(['id', 'image_url']).where('image_url', 'is not', null).execute();
    await db.destroy();
    assert.ok(images.length > 10, 'the demo posts have pictures');
    for (const { id, image_url } of images) assert.equal(image_url, `https://intranet.example/demo-images/${id}.svg`);
    const once = await counts(target());
    assert.ok(
      once.employees > 0 && once.posts > 0 && once.shares > 0 && once.clicks > 0 && once.conversions > 0 && once.points_ledger > 0,
      JSON.stringify(once),
    );
    const second = cli(['seed'], env);
    assert.equal(second.status, 0, second.stderr);
    assert.deepEqual(await counts(target()), once);
  });

  it('rebuild-rollups counts the analytics rollups again to exactly what the triggers kept', async () => {
    const snapshot = async () => {
      const { db } = openDatabase(target());
      try {
        const rows = [];
        for (const table of ['rollup_network', 'rollup_team', 'rollup_post'] as const) {
          for (const row of await db.selectFrom(table).selectAll().execute())
            rows.push(JSON.stringify({ table, ...row, conversion_value: Number(row.conversion_value) }));
        }
        return rows.sort();
      } finally {
        await db.destroy();
      }
    };
    const kept = await snapshot();
    assert.ok(kept.length > 100, 'the seed filled the rollups');
    const { db } = openDatabase(target());
    await db.deleteFrom('rollup_team').execute();
    await db.updateTable('rollup_post').set({ clicks: 0 }).execute();
    await db.destroy();
    assert.notDeepEqual(await snapshot(), kept);
    const result = cli(['rebuild-rollups'], env);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /"msg":"rollups rebuilt"/);
    assert.deepEqual(await snapshot(), kept);
  });

  it('start serves, and SIGTERM flushes buffered clicks (through the click worker on SQLite) before exiting', async () => {
    const child = spawn(process.execPath, [BIN, 'start'], {
      cwd: root,
      // Demo sign-in signs with its own secret (kept in the database): it refuses AUTH_JWT_SECRET.
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', ADVOCACY_DEMO_AUTH: '1', AUTH_JWT_SECRET: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /"msg":"listening","url":"([^"]+)"/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${output}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const health = await fetch(`${url}/health`);
      assert.equal(health.status, 200);
      const { token } = await (
        await fetch(`${url}/api/v1/auth/demo-token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ employeeId: 'emp-emily' }),
        })
      ).json();
      const feed = await (await fetch(`${url}/api/v1/feed?limit=1`, { headers: { authorization: `Bearer ${token}` } })).json();
      const share = await (
        await fetch(`${url}/api/v1/shares`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'cli-share' },
          body: JSON.stringify({ postId: feed.items[0].id, network: 'linkedin', commentary: '' }),
        })
      ).json();
      const click = await fetch(share.trackingUrl.replace(/^https?:\/\/[^/]+/, url), {
        redirect: 'manual',
        headers: { 'user-agent': HUMAN },
      });
      assert.equal(click.status, 302);
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    const { db } = openDatabase(target());
    try {
      const row = await db
        .selectFrom('clicks')
        .innerJoin('shares', 'shares.id', 'clicks.share_id')
        .select('clicks.code')
        .where('shares.idempotency_key', '=', 'cli-share')
        .execute();
      assert.equal(row.length, 1);
    } finally {
      await db.destroy();
    }
  });
});

it('advocacy-server --version prints the package version', () => {
  const result = spawnSync(process.execPath, [BIN, '--version'], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
});

// Checks made before any database is opened: run once, not per database.
const NO_DATABASE = { AUTH_JWT_SECRET: 'cli-test-secret-0123456789abcdef', DATA_DIR: join(tmpdir(), 'advocacy-cli-never-opened') };

it('rejects an unknown command with the usage', () => {
  const result = cli(['serve'], {});
  assert.equal(result.status, 1);
  assert.match(result.stderr, /Unknown command "serve"/);
});

it('seed refuses a DEMO_IMAGES_URL that is not a plain http(s) URL and exits 1', async () => {
  // Through the real command once, for the exit code and the message on stderr…
  const result = cli(['seed'], { ...NO_DATABASE, DEMO_IMAGES_URL: 'javascript:alert(1)//' });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /DEMO_IMAGES_URL must be an http\(s\) URL/);
  // …and the other refused shapes through the same function in this process (no database is
  // opened before the check, so none is needed).
  const errors = mock.method(console, 'error', () => {});
  try {
    for (const bad of ['/demo-images', 'https://user:pass@intranet.example/demo-images', 'https://intranet.example/x?y=1']) {
      errors.mock.resetCalls();
      assert.equal(await runCli(['seed'], { ...NO_DATABASE, DEMO_IMAGES_URL: bad }), 1, bad);
      assert.match(String(errors.mock.calls[0]?.arguments[0]), /DEMO_IMAGES_URL must be an http\(s\) URL/, bad);
    }
  } finally {
    errors.mock.restore();
  }
  assert.equal(existsSync(NO_DATABASE.DATA_DIR), false, 'no database was created');
});
