/**
 * Fault tests of the tracking redirect, against the built server as a process: every click
 * answered with a 302 is stored, across `kill -9`, SIGTERM and a full database. Each request is
 * a unique visitor (its own address and browser build), so answered clicks and stored unique
 * clicks can be counted against each other. Small scale; `pnpm bench:faults` runs it at full scale.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDatabase } from '../src/db/database.js';
import { forEachDatabase, type TestDatabase } from './support/databases.js';
import { startServerProcess, type ServerProcess } from './support/process.js';
import { redirectLoad } from './support/redirect-load.js';

// `bench/faults.mjs` sets these larger (FAULT_CLICKS, FAULT_CONCURRENCY, FAULT_LINKS).
/** Redirects answered before the fault strikes. */
const CLICKS = Number(process.env.FAULT_CLICKS ?? 600);
const CONCURRENCY = Number(process.env.FAULT_CONCURRENCY ?? 16);
const LINKS = Number(process.env.FAULT_LINKS ?? 20);
const STOP_WITHIN_MS = 10_000;

type Target = { databaseUrl: string | null; sqliteFile: string };

/** A share per code (with the team, employee and post it needs), straight into the database. */
async function addLinks(target: Target, count: number): Promise<string[]> {
  const { db } = openDatabase(target);
  const tag = randomBytes(4).toString('hex');
  const now = new Date().toISOString();
  try {
    await db
      .insertInto('teams')
      .values({ id: `team-${tag}`, name: 'Faults' })
      .execute();
    await db
      .insertInto('employees')
      .values({
        id: `emp-${tag}`,
        display_name: 'Fault',
        team_id: `team-${tag}`,
        role: 'employee',
        locale: 'en',
        time_zone: 'UTC',
        avatar_url: null,
        policy_accepted_at: null,
        created_at: now,
      })
      .execute();
    await db
      .insertInto('posts')
      .values({
        id: `post-${tag}`,
        kind: 'owned',
        status: 'published',
        title: 'Faults',
        summary: '',
        url: 'https://example.com/article',
        image_url: null,
        source: 'Example',
        locale: 'en',
        suggested_commentary: '{}',
        hashtags: '[]',
        topics: '[]',
        audience_teams: '[]',
        audience_roles: '[]',
        networks: '[]',
        publish_at: now,
        expire_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const codes = Array.from({ length: count }, () => randomBytes(12).toString('base64url'));
    await db
      .insertInto('shares')
      .values(
        codes.map((code, i) => ({
          id: `shr-${tag}-${i}`,
          employee_id: `emp-${tag}`,
          post_id: `post-${tag}`,
          network: 'linkedin',
          commentary: '',
          idempotency_key: `faults-${tag}-${i}`,
          request_hash: 'faults',
          tracking_code: code,
          destination: `https://example.com/article?adv_ref=${code}`,
          points_awarded: 0,
          created_at: now,
        })),
      )
      .execute();
    return codes;
  } finally {
    await db.destroy();
  }
}

/** Unique clicks stored per code. */
async function storedClicks(target: Target, codes: string[]): Promise<Map<string, number>> {
  const { db } = openDatabase(target);
  try {
    const rows = await db
      .selectFrom('clicks')
      .select(['code', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('code', 'in', codes)
      .groupBy('code')
      .execute();
    return new Map(codes.map((code) => [code, Number(rows.find((row) => row.code === code)?.n ?? 0)]));
  } finally {
    await db.destroy();
  }
}

const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

/**
 * Every answered click is stored, per code. A kill can also leave clicks that were recorded but
 * whose 302 never reached the client: at most one per connection.
 */
function assertNoneLost(answered: Map<string, number>, stored: Map<string, number>, inFlight: number) {
  for (const [code, count] of answered) {
    assert.ok(stored.get(code)! >= count, `code ${code}: ${count} answered, ${stored.get(code)} stored`);
  }
  assert.ok(sum(stored) <= sum(answered) + inFlight, `${sum(stored)} stored for ${sum(answered)} answered`);
}

function faultSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let dataDir: string;
  let env: Record<string, string>;
  let target: Target;
  const running: ServerProcess[] = [];
  const start = async () => {
    const server = await startServerProcess(env);
    running.push(server);
    return server;
  };
  /** SIGTERM, and how long it took to exit and with what. */
  const stop = async (server: ServerProcess) => {
    const started = performance.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;
    return { code, ms: Math.round(performance.now() - started) };
  };

  before(async () => {
    database = await open();
    dataDir = mkdtempSync(join(tmpdir(), 'advocacy-faults-'));
    target = { databaseUrl: database.databaseUrl, sqliteFile: join(dataDir, 'advocacy.sqlite') };
    env = {
      DATA_DIR: dataDir,
      DATABASE_URL: database.databaseUrl ?? '',
      AUTH_JWT_SECRET: 'fault-test-secret-0123456789abcdef',
      TRUST_PROXY: '1',
    };
  });
  after(async () => {
    for (const server of running) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await Promise.all(running.map((server) => server.exited));
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  });

  it('kill -9 during redirect load: every answered click is stored after the restart', async () => {
    const server = await start();
    const codes = await addLinks(target, LINKS);
    const load = redirectLoad(server.url, codes, { concurrency: CONCURRENCY, firstVisitor: 1 });
    await load.reach(CLICKS);
    server.child.kill('SIGKILL');
    await server.exited;
    await load.stop();
    const beforeRestart = sum(await storedClicks(target, codes));
    const restarted = await start(); // stores what the spool holds before it listens
    const stored = await storedClicks(target, codes);
    console.log(
      `[${database.name}] kill -9: ${load.sent()} sent, ${load.total()} answered, ${beforeRestart} stored at the kill, ${sum(stored)} after the restart`,
    );
    assertNoneLost(load.answered, stored, CONCURRENCY);
    assert.match(restarted.log(), /"msg":"click spool replayed"/);
    assert.equal((await stop(restarted)).code, 0);
  });

  it(`SIGTERM during redirect load: exits 0 within ${STOP_WITHIN_MS / 1000} s and every answered click is kept`, async () => {
    const server = await start();
    const codes = await addLinks(target, LINKS);
    const load = redirectLoad(server.url, codes, { concurrency: CONCURRENCY, firstVisitor: 1_000_000 });
    await load.reach(CLICKS);
    const stopped = stop(server);
    await load.stop();
    const { code, ms } = await stopped;
    const atExit = await storedClicks(target, codes);
    const left = readdirSync(join(dataDir, 'click-spool')).filter((file) => file.endsWith('.log')).length;
    console.log(
      `[${database.name}] SIGTERM: ${load.total()} answered, stopped in ${ms} ms (exit ${code}), ${sum(atExit)} stored, ${left} spool segments left`,
    );
    assert.equal(code, 0, server.log());
    assert.ok(ms < STOP_WITHIN_MS, `stopped in ${ms} ms`);
    const restarted = await start();
    assertNoneLost(load.answered, await storedClicks(target, codes), CONCURRENCY);
    assert.equal((await stop(restarted)).code, 0);
  });
}

forEachDatabase('fault: clicks', faultSuite);

describe('fault: clicks on a full SQLite database', () => {
  const preload = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'support', 'sqlite-full.mjs')).href;
  let dataDir: string;
  let env: Record<string, string>;
  let target: Target;
  const running: ServerProcess[] = [];

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'advocacy-full-'));
    target = { databaseUrl: null, sqliteFile: join(dataDir, 'advocacy.sqlite') };
    env = {
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: 'fault-test-secret-0123456789abcdef',
      TRUST_PROXY: '1',
      ADVOCACY_TEST_SQLITE_FULL: join(dataDir, 'full'),
    };
  });
  after(async () => {
    for (const server of running) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await Promise.all(running.map((server) => server.exited));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps answered clicks while the database is full, stores them when space returns, and a SIGTERM while full drops none', async () => {
    const start = async () => {
      const server = await startServerProcess(env, ['--import', preload]);
      running.push(server);
      return server;
    };
    const full = (on: boolean) =>
      on ? writeFileSync(env.ADVOCACY_TEST_SQLITE_FULL!, '') : rmSync(env.ADVOCACY_TEST_SQLITE_FULL!, { force: true });
    const server = await start();
    const codes = await addLinks(target, LINKS);

    // Full while answering: the store fails in SQLite's own words, the clicks wait in the spool.
    full(true);
    const first = redirectLoad(server.url, codes, { concurrency: CONCURRENCY, firstVisitor: 2_000_000 });
    await first.reach(CLICKS / 2);
    await first.stop();
    await waitFor(() => server.log().includes('database or disk is full'), 'a failed batch');
    const whileFull = sum(await storedClicks(target, codes));
    // Space returns: the retry stores them all, with nothing else to prompt it.
    full(false);
    await waitFor(async () => sum(await storedClicks(target, codes)) >= first.total(), 'the retry to store the spool');
    const afterRetry = await storedClicks(target, codes);
    assertNoneLost(first.answered, afterRetry, 0);

    // Full again, then SIGTERM: nothing can be stored, everything stays in the spool, exit 0.
    full(true);
    const second = redirectLoad(server.url, codes, { concurrency: CONCURRENCY, firstVisitor: 3_000_000 });
    await second.reach(CLICKS / 2);
    const stopping = (async () => {
      const started = performance.now();
      server.child.kill('SIGTERM');
      const code = await server.exited;
      return { code, ms: Math.round(performance.now() - started) };
    })();
    await second.stop();
    const { code, ms } = await stopping;
    assert.equal(code, 0, server.log());
    assert.ok(ms < STOP_WITHIN_MS, `stopped in ${ms} ms`);
    assert.match(server.log(), /"msg":"stopped".*"left":[1-9]/);
    full(false);
    const restarted = await start();
    const stored = await storedClicks(target, codes);
    const answered = new Map(codes.map((c) => [c, first.answered.get(c)! + second.answered.get(c)!]));
    console.log(
      `[sqlite full] ${first.total()} answered while full (${whileFull} stored then, ${sum(afterRetry)} once space returned); ` +
        `${second.total()} more answered, SIGTERM while full in ${ms} ms; ${sum(stored)} stored after the restart`,
    );
    assertNoneLost(answered, stored, CONCURRENCY);
    restarted.child.kill('SIGTERM');
    assert.equal(await restarted.exited, 0);
    assert.ok(!existsSync(join(dataDir, 'click-spool', 'lock')), 'the spool is let go');
  });
});

/** Polls a state until it holds (a process's database and log have no events to await). */
async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000 + CLICKS * 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
