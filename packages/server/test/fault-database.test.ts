/**
 * Fault tests: the database goes away under a running server. PostgreSQL (a private cluster,
 * against the built server as a process) is terminated, stopped and frozen; SQLite runs out of
 * space. Each prints what was acknowledged, refused and stored.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createApp, type AdvocacyApp } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/migrations.js';
import { loadSeed } from '../src/seed.js';
import { fixture } from './support/fixture.js';
import { API, SECRET, signToken } from './support/harness.js';
import { startPgCluster, type PgCluster } from './support/pg-cluster.js';
import { startServerProcess, waitUntil, type ServerProcess } from './support/process.js';

const CONNECT_TIMEOUT_MS = 1_000;
const STATEMENT_TIMEOUT_MS = 1_500;
const SHARE = { postId: 'p-1', network: 'linkedin', commentary: 'Worth a read' };
/**
 * Each write is its own employee's first share of the post: one employee's second share of a post
 * to the same network answers with the first, so it would not be a new row to count.
 */
const WRITER = 'emp-fault-';
const writer = (key: string) => signToken(`${WRITER}${key}`);

interface Answer {
  status: number;
  ms: number;
  type: string | undefined;
  retryAfter: string | null;
}

/** What the test saw per Idempotency-Key: acknowledged (2xx) or refused (503) at least once. */
class Ledger {
  readonly acknowledged = new Set<string>();
  readonly refused = new Set<string>();
  note(key: string, answer: Answer): void {
    if (answer.status >= 200 && answer.status < 300) this.acknowledged.add(key);
    else if (answer.status === 503) this.refused.add(key);
    else assert.fail(`share ${key}: unexpected ${answer.status}`);
  }
}

function assertUnavailable(answer: Answer, withinMs: number): void {
  assert.equal(answer.status, 503);
  assert.equal(answer.type, 'https://advocacy-kit.dev/problems/database_unavailable');
  assert.match(answer.retryAfter ?? '', /^\d+$/);
  assert.ok(answer.ms < withinMs, `answered in ${answer.ms} ms, expected under ${withinMs} ms`);
}

const skipPostgres = process.env.ADVOCACY_SKIP_POSTGRES === '1';

describe('fault: PostgreSQL goes away under the running server [postgres]', { skip: skipPostgres && 'ADVOCACY_SKIP_POSTGRES=1' }, () => {
  let cluster: PgCluster;
  let server: ServerProcess;
  let dataDir: string | undefined;
  const ledger = new Ledger();
  /** A tracking link, and the 302s it answered (each a visitor of its own). */
  let trackingCode: string | undefined;
  let redirected = 0;
  const visit = async () => {
    const n = redirected + 1;
    const response = await fetch(`${server.url}/r/${trackingCode}`, {
      redirect: 'manual',
      headers: { 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.${n}.0 Safari/537.36` },
    });
    await response.arrayBuffer();
    assert.equal(response.status, 302, 'the redirect answers from the link cache whatever the database does');
    redirected = n;
  };

  before(async () => {
    cluster = await startPgCluster();
    await cluster.query('CREATE DATABASE fault');
    const { db } = openDatabase({ databaseUrl: cluster.urlFor('fault'), sqliteFile: ':memory:' });
    await migrateToLatest(db);
    await loadSeed(db, fixture(new Date()), resolveConfig({ auth: { jwtSecret: SECRET } }).rules);
    await db.destroy();
    dataDir = mkdtempSync(join(tmpdir(), 'advocacy-fault-'));
    server = await startServerProcess({
      DATA_DIR: dataDir,
      DATABASE_URL: cluster.urlFor('fault'),
      AUTH_JWT_SECRET: SECRET,
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    });
  });
  after(async () => {
    await server?.stop();
    cluster?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const share = async (key: string): Promise<Answer> => {
    const started = performance.now();
    const response = await fetch(`${server.url}${API}/shares`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await writer(key)}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(SHARE),
    });
    const body = (await response.json()) as { type?: string; trackingCode?: string };
    trackingCode ??= body.trackingCode;
    const answer = {
      status: response.status,
      ms: Math.round(performance.now() - started),
      type: body.type,
      retryAfter: response.headers.get('retry-after'),
    };
    ledger.note(key, answer);
    return answer;
  };
  const health = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`);
    return {
      status: response.status,
      ms: Math.round(performance.now() - started),
      body: (await response.json()) as { checks?: Record<string, { ok: boolean; detail?: string }> },
    };
  };
  const alive = () => assert.equal(server.child.exitCode, null, 'the server process is still running');
  /** Sends each refused key again until it lands. */
  const retryRefused = async () => {
    for (const key of ledger.refused) {
      if (ledger.acknowledged.has(key)) continue;
      await waitUntil(`share ${key} to land`, async () => (await share(key)).status < 300);
    }
  };

  it('survives pg_terminate_backend of all its connections and answers again', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await share(`before-${i}`)).status, 201);
    await visit(); // the link is in the cache from here on
    const terminated = await cluster.terminate('fault');
    assert.ok(terminated > 0, 'the server had connections to end');
    await waitUntil('a share after the termination', async () => (await share('after-terminate')).status < 300);
    alive();
    assert.equal((await health('/health/ready')).status, 200);
    console.log(`# terminated ${terminated} connections; the server stayed up`);
  });

  it('answers 503 database_unavailable with Retry-After while PostgreSQL is stopped, ready 503 and live 200, then recovers', async () => {
    cluster.stop();
    const answers = await Promise.all([0, 1, 2, 3, 4].map((i) => share(`stopped-${i}`)));
    for (const answer of answers) assertUnavailable(answer, CONNECT_TIMEOUT_MS + 1_500);
    for (let i = 0; i < 20; i++) await visit();
    const ready = await health('/health/ready');
    assert.equal(ready.status, 503);
    assert.equal(ready.body.checks?.database?.ok, false);
    assert.equal((await health('/health/live')).status, 200);
    alive();
    cluster.start();
    await waitUntil('ready again', async () => (await health('/health/ready')).status === 200);
    await retryRefused();
    console.log(
      `# stopped: ${answers.length} shares refused in ${Math.max(...answers.map((a) => a.ms))} ms at most, ready 503 in ${ready.ms} ms`,
    );
  });

  it('answers 503 within the timeouts while PostgreSQL is frozen (SIGSTOP), instead of hanging, then recovers', async () => {
    cluster.freeze();
    let answers: Answer[];
    let ready: Awaited<ReturnType<typeof health>>;
    try {
      [answers, ready] = await Promise.all([Promise.all([0, 1, 2].map((i) => share(`frozen-${i}`))), health('/health/ready')]);
      assert.equal((await health('/health/live')).status, 200);
    } finally {
      cluster.thaw();
    }
    // A statement waits at most its timeout plus a second; a ROLLBACK after it as long again.
    for (const answer of answers) assertUnavailable(answer, 2 * (STATEMENT_TIMEOUT_MS + 1_000) + CONNECT_TIMEOUT_MS + 1_000);
    assert.equal(ready.status, 503);
    assert.ok(ready.ms < 3_000, `ready answered in ${ready.ms} ms`);
    alive();
    await waitUntil('ready again', async () => (await health('/health/ready')).status === 200);
    await retryRefused();
    console.log(
      `# frozen: ${answers.length} shares refused in ${Math.max(...answers.map((a) => a.ms))} ms at most, ready 503 in ${ready.ms} ms`,
    );
  });

  it('lost no acknowledged share or answered click, and stored each refused share once after its retry; logged each outage in words', async () => {
    const client = new pg.Client({ connectionString: cluster.urlFor('fault') });
    await client.connect();
    // The clicks answered while PostgreSQL was stopped wait in the spool for the next batch.
    const clicks = await waitUntil(
      `${redirected} clicks stored`,
      async () => {
        const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM clicks WHERE code = $1', [trackingCode]);
        const n = Number(rows[0]!.n);
        return n >= redirected ? n : null;
      },
      60_000,
    );
    assert.equal(clicks, redirected, 'every answered click stored once');
    const { rows } = await client.query<{ key: string; n: string }>(
      "SELECT idempotency_key AS key, count(*) AS n FROM shares WHERE employee_id LIKE 'emp-fault-%' GROUP BY idempotency_key",
    );
    await client.end();
    const stored = new Map(rows.map((row) => [row.key, Number(row.n)]));
    const keys = new Set([...ledger.acknowledged, ...ledger.refused]);
    for (const key of keys) assert.equal(stored.get(key), 1, `share ${key} stored once`);
    const logs = server.logs();
    assert.equal(logs.filter((line) => line.msg === 'unhandled error').length, 0, 'database errors are not 500s');
    const outages = logs.filter((line) => line.level === 'error' && /^.+: postgresql:\/\/.+ — the database is /.test(line.msg));
    const recoveries = logs.filter((line) => line.msg.startsWith('database available again'));
    assert.ok(outages.length >= 3 && outages.length <= 6, outages.map((line) => line.msg).join('\n'));
    assert.ok(recoveries.length >= 3);
    console.log(
      `# postgres: ${redirected} clicks answered (20 while stopped), ${clicks} stored; ${ledger.acknowledged.size} shares acknowledged, ${ledger.refused.size} refused then retried, ${keys.size} keys stored once each (${[...stored.values()].reduce((a, b) => a + b, 0)} rows); ${outages.length} outage lines, e.g. "${outages[0]?.msg}"`,
    );
  });
});

describe('fault: SQLite out of space [sqlite]', () => {
  let dir: string;
  let advocacy: AdvocacyApp;
  let trackingCode: string | undefined;
  const lines: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> = [];
  const log = (level: string) => (msg: string, fields?: Record<string, unknown>) => lines.push({ level, msg, ...(fields && { fields }) });
  const ledger = new Ledger();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'advocacy-full-'));
    const config = resolveConfig({
      sqliteFile: join(dir, 'advocacy.sqlite'),
      auth: { jwtSecret: SECRET },
      clickFlush: { maxBatch: 1000, intervalMs: 60_000 },
      engagement: { tickMs: 0 },
      webhooks: { dispatchIntervalMs: 0 },
    });
    advocacy = await createApp(config, { logger: { debug: () => {}, info: log('info'), warn: log('warn'), error: log('error') } });
    await loadSeed(advocacy.services.db, fixture(new Date()), config.rules);
  });
  after(async () => {
    await advocacy?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const file = () => advocacy.services.config.sqliteFile;
  const pragma = async (text: string) =>
    Number(Object.values((await sql.raw(`PRAGMA ${text}`).execute(advocacy.services.db)).rows[0] as object)[0]);
  const share = async (key: string): Promise<Answer & { detail: string }> => {
    const response = await advocacy.app.request(`${API}/shares`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await writer(key)}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(SHARE),
    });
    const body = (await response.json()) as { type?: string; detail?: string; trackingCode?: string };
    trackingCode ??= body.trackingCode;
    const answer = {
      status: response.status,
      ms: 0,
      type: body.type,
      retryAfter: response.headers.get('retry-after'),
      detail: body.detail ?? '',
    };
    ledger.note(key, answer);
    return answer;
  };
  /** Unique clicks stored for the link (the fixture may have some already). */
  const clicksOnTheLink = async () =>
    Number(
      (
        await advocacy.services.db
          .selectFrom('clicks')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('code', '=', trackingCode!)
          .executeTakeFirstOrThrow()
      ).n,
    );
  let clicksBefore = 0;
  const ready = async () => {
    const response = await advocacy.app.request('/health/ready');
    return { status: response.status, body: (await response.json()) as { checks: Record<string, { ok: boolean; detail?: string }> } };
  };

  it('refuses writes with 503 and words, fails /health/ready naming the file, and logs the real cause, not "cannot rollback"', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await share(`room-${i}`)).status, 201);
    // A click answered before the disk fills, written after.
    clicksBefore = await clicksOnTheLink();
    // Fill the file: no page may be added and none is free.
    await pragma(`max_page_count = ${await pragma('page_count')}`);
    let full: (Answer & { detail: string }) | null = null;
    for (let i = 0; i < 500 && full === null; i++) {
      const answer = await share(`filling-${i}`);
      if (answer.status === 503) full = answer;
    }
    assert.ok(full, 'a write met the full disk');
    assertUnavailable(full, 1_000);
    assert.match(full.detail, /no space left/);
    assert.equal(full.retryAfter, '30');

    // Readiness fails: the file has no page left (naming it), or a write just met the full disk.
    const notReady = await ready();
    assert.equal(notReady.status, 503);
    assert.equal(notReady.body.checks.database!.ok, false);
    assert.match(notReady.body.checks.database!.detail!, /database or disk is full/);
    assert.equal((await advocacy.app.request('/health/live')).status, 200);

    // A click is still redirected. A small batch may fit in a page the fill left free (whether one
    // is left depends on the page layout): it is then stored at once, else it waits in the spool.
    const click = await advocacy.app.request(`/r/${trackingCode!}`, {
      headers: {
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
        'x-forwarded-for': '198.51.100.7',
      },
    });
    assert.equal(click.status, 302);
    await advocacy.flush();

    const said = lines.map((line) => `${line.msg} ${JSON.stringify(line.fields ?? {})}`).join('\n');
    assert.ok(said.includes(`database or disk is full: ${file()}`), said);
    assert.ok(!said.includes('cannot rollback'), said);
    assert.equal(lines.filter((line) => line.msg === 'unhandled error').length, 0, said);
    assert.equal(lines.filter((line) => line.msg.includes('the database is out of space')).length, 1, 'logged once');
  });

  it('stores what it acknowledged, and every refused write once, when space returns', async () => {
    await pragma('max_page_count = 1073741823');
    for (const key of ledger.refused) assert.ok((await share(key)).status < 300, key);
    await advocacy.flush();
    assert.equal((await ready()).status, 200);
    const { db } = advocacy.services;
    const rows = await db.selectFrom('shares').select(['idempotency_key']).where('employee_id', 'like', `${WRITER}%`).execute();
    const stored = new Map<string, number>();
    for (const { idempotency_key: key } of rows) stored.set(key, (stored.get(key) ?? 0) + 1);
    for (const key of new Set([...ledger.acknowledged, ...ledger.refused])) assert.equal(stored.get(key), 1, key);
    const clicks = (await clicksOnTheLink()) - clicksBefore;
    assert.equal(clicks, 1, 'the click answered while full was stored once, by the time space returned');
    console.log(
      `# sqlite full: ${ledger.acknowledged.size} shares acknowledged, ${ledger.refused.size} refused then retried, ${rows.length} stored; 1 click answered while full, ${clicks} stored`,
    );
  });
});

describe('fault: the SQLite folder cannot be created', () => {
  it('refuses to start with the path in the message', async () => {
    const config = resolveConfig({ sqliteFile: '/dev/null/advocacy/advocacy.sqlite', auth: { jwtSecret: SECRET }, logLevel: 'silent' });
    await assert.rejects(
      createApp(config),
      /Cannot open the SQLite database \/dev\/null\/advocacy\/advocacy\.sqlite: .*Check that \/dev\/null\/advocacy exists/,
    );
  });
});

describe('fault: a transaction SQLite ended by itself', () => {
  it('fails with its own error, not "cannot rollback - no transaction is active"', async () => {
    const { db } = openDatabase({ databaseUrl: null, sqliteFile: ':memory:' });
    try {
      // SQLite ends the transaction itself on SQLITE_FULL at commit, SQLITE_IOERR, SQLITE_NOMEM…; a ROLLBACK stands in for that.
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await sql`ROLLBACK`.execute(trx);
          throw new Error('database or disk is full');
        }),
        /^Error: database or disk is full$/,
      );
      // The connection is usable afterwards.
      assert.equal(
        await db.transaction().execute(async (trx) => (await sql<{ one: number }>`SELECT 1 AS one`.execute(trx)).rows[0]!.one),
        1,
      );
    } finally {
      await db.destroy();
    }
  });
});

/** A small tmpfs for a real full disk; null where mounting is not allowed (not root, a container without the capability). */
function smallDisk(megabytes: number): { path: string; release(): void } | null {
  const path = mkdtempSync(join(tmpdir(), 'advocacy-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', path], { stdio: 'pipe' });
  } catch {
    rmSync(path, { recursive: true, force: true });
    return null;
  }
  return {
    path,
    release() {
      execFileSync('umount', [path], { stdio: 'pipe' });
      rmSync(path, { recursive: true, force: true });
    },
  };
}

describe('fault: SQLite on a disk that fills up (tmpfs)', () => {
  const disk = smallDisk(32);
  let advocacy: AdvocacyApp;
  const lines: string[] = [];
  const log = (msg: string, fields?: Record<string, unknown>) => lines.push(`${msg} ${JSON.stringify(fields ?? {})}`);

  before(async () => {
    if (disk === null) return;
    const config = resolveConfig({
      sqliteFile: join(disk.path, 'data', 'advocacy.sqlite'),
      auth: { jwtSecret: SECRET },
      engagement: { tickMs: 0 },
      webhooks: { dispatchIntervalMs: 0 },
    });
    advocacy = await createApp(config, { logger: { debug: () => {}, info: log, warn: log, error: log } });
    await loadSeed(advocacy.services.db, fixture(new Date()), config.rules);
  });
  after(async () => {
    await advocacy?.close();
    disk?.release();
  });

  it(
    'answers 503 in words, fails readiness, and keeps every acknowledged share once space returns',
    { skip: disk === null && 'cannot mount a tmpfs here' },
    async () => {
      const share = async (key: string) =>
        advocacy.app.request(`${API}/shares`, {
          method: 'POST',
          headers: { authorization: `Bearer ${await writer(key)}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ ...SHARE, commentary: 'x'.repeat(2000) }),
        });
      const acknowledged: string[] = [];
      const refused: string[] = [];
      for (let i = 0; i < 5; i++) {
        assert.equal((await share(`before-${i}`)).status, 201);
        acknowledged.push(`before-${i}`);
      }
      const filler = join(disk!.path, 'filler');
      // Take every free byte: writes past the end of the file fail from here on.
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'pipe' });
      } catch {
        // "No space left on device" is the point.
      }
      for (let i = 0; i < 2_000 && refused.length === 0; i++) {
        const response = await share(`disk-${i}`);
        if (response.status < 300) acknowledged.push(`disk-${i}`);
        else {
          const text = await response.text();
          assert.equal(response.status, 503, text);
          assert.equal((JSON.parse(text) as { type: string }).type, 'https://advocacy-kit.dev/problems/database_unavailable');
          refused.push(`disk-${i}`);
        }
      }
      assert.equal(refused.length, 1, 'a write met the full disk');
      assert.equal((await advocacy.app.request('/health/ready')).status, 503);
      const said = lines.join('\n');
      assert.ok(said.includes(`database or disk is full: ${advocacy.services.config.sqliteFile}`), said);
      assert.ok(!said.includes('cannot rollback'), said);

      rmSync(filler);
      for (const key of refused) assert.ok((await share(key)).status < 300, key);
      assert.equal((await advocacy.app.request('/health/ready')).status, 200);
      const rows = await advocacy.services.db
        .selectFrom('shares')
        .select('idempotency_key')
        .where('employee_id', 'like', `${WRITER}%`)
        .execute();
      const stored = rows.map((row) => row.idempotency_key).filter((key) => /^(before|disk)-/.test(key));
      assert.deepEqual(stored.sort(), [...acknowledged, ...refused].sort());
      console.log(
        `# sqlite on a full tmpfs: ${acknowledged.length} shares acknowledged, ${refused.length} refused then retried, ${stored.length} stored`,
      );
    },
  );
});
