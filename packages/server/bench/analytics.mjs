// Program analytics at scale: 100 000 employees, 2 000 000 shares and 10 000 000 unique clicks
// (plus conversions) spread over the last year, then GET /admin/analytics timed through the app
// for a 90-day window, as <advocacy-analytics> asks for it (the window and the one before).
//
//   node bench/analytics.mjs [--scale 0.1] [--runs 30] [--keep DIR]
//
// --keep DIR keeps the loaded data (the SQLite file, or a note that the PostgreSQL database is
// loaded) in DIR and, on a later run with the same scale and database, measures it again
// without loading: a full-scale load takes many minutes.
// SQLite file by default; the PostgreSQL at BENCH_DATABASE_URL (or TEST_DATABASE_URL) instead —
// use a scratch database, its tables are filled. Needs `pnpm build` first. Rows are loaded in
// bulk outside the API (prepared statements in big transactions on SQLite, `unnest` batches on
// PostgreSQL), with the rollup triggers dropped and the rollups then counted in one pass, as a
// bulk import would (`advocacy-server rebuild-rollups`): the point is the read. The triggers'
// cost on live writes shows in bench/redirect.mjs. A benchmark, not a test: it prints.
// The baseline, timed in the same run, is the least any query over the raw rows pays: counting
// the window's clicks on their time index.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { SignJWT } from 'jose';
import { sql } from 'kysely';
import { createApp, createRollupTriggers, dropRollupTriggers, rebuildRollups, resolveConfig } from '../dist/index.js';

const { values: args } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '30' }, keep: { type: 'string' } },
});
const scale = Number(args.scale);
const runs = Number(args.runs);
if (!(scale > 0) || !(runs > 0)) throw new Error('--scale and --runs take positive numbers');

const EMPLOYEES = Math.round(100_000 * scale);
const SHARES = Math.round(2_000_000 * scale);
const CLICKS = Math.round(10_000_000 * scale);
const CONVERSIONS = Math.round(50_000 * scale);
const TEAMS = 100;
const POSTS = 2_000;
const TOPICS = ['product', 'engineering', 'careers', 'industry', 'customers', 'events'];
const NETWORKS = ['linkedin', 'linkedin', 'linkedin', 'x', 'x', 'facebook', 'threads', 'bluesky', 'line', 'hatena'];
const KINDS = ['curated', 'curated', 'curated', 'curated', 'curated', 'curated', 'owned', 'owned', 'owned', 'promotional'];
const DAY = 86_400_000;
const YEAR_S = 365 * 86_400;

const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;
const secret = 'bench-secret-0123456789abcdef0123';
const dataDir = args.keep ?? mkdtempSync(join(tmpdir(), 'advocacy-analytics-'));
mkdirSync(dataDir, { recursive: true });
const sqliteFile = join(dataDir, 'advocacy.sqlite');
const notePath = join(dataDir, 'bench.json');
const note = args.keep && existsSync(notePath) ? JSON.parse(readFileSync(notePath, 'utf8')) : null;
const loaded = note !== null && note.scale === scale && note.databaseUrl === databaseUrl;
const config = resolveConfig({ databaseUrl, sqliteFile, auth: { jwtSecret: secret }, logLevel: 'silent' });
const { app, services, close } = await createApp(config);

// Every row is a function of its index, so clicks and conversions find their share's code,
// time, employee and post without keeping 2M shares in memory.
const now = loaded ? note.now : Date.now();
const iso = (ms) => new Date(ms).toISOString();
const shareAt = (i) => now - ((i * 7919) % YEAR_S) * 1000 - 1;
const shareOf = (j) => Number((BigInt(j) * 2654435761n) % BigInt(SHARES));
// A click or conversion `offset` ms after its share; one that would come after the load time
// falls within the time since the share instead (clamping them all to `now - 1` piled 40 000
// clicks onto one millisecond, which no real traffic does).
const after = (ms, offset) => ms + (ms + offset < now ? offset : offset % Math.max(1, now - ms));

/** Table columns with their PostgreSQL types (for `unnest`). */
const TABLES = {
  teams: { id: 'text', name: 'text' },
  topics: { id: 'text', names: 'text' },
  employees: {
    id: 'text',
    display_name: 'text',
    team_id: 'text',
    role: 'text',
    locale: 'text',
    time_zone: 'text',
    avatar_url: 'text',
    policy_accepted_at: 'text',
    created_at: 'text',
  },
  posts: {
    id: 'text',
    kind: 'text',
    status: 'text',
    title: 'text',
    summary: 'text',
    url: 'text',
    image_url: 'text',
    source: 'text',
    locale: 'text',
    suggested_commentary: 'text',
    hashtags: 'text',
    topics: 'text',
    audience_teams: 'text',
    audience_roles: 'text',
    networks: 'text',
    publish_at: 'text',
    expire_at: 'text',
    created_at: 'text',
    updated_at: 'text',
  },
  post_topics: { post_id: 'text', topic_id: 'text' },
  shares: {
    id: 'text',
    employee_id: 'text',
    post_id: 'text',
    network: 'text',
    commentary: 'text',
    idempotency_key: 'text',
    request_hash: 'text',
    tracking_code: 'text',
    destination: 'text',
    points_awarded: 'integer',
    created_at: 'text',
  },
  clicks: { code: 'text', day: 'text', visitor_hash: 'text', share_id: 'text', created_at: 'text' },
  conversions: {
    id: 'text',
    code: 'text',
    share_id: 'text',
    post_id: 'text',
    employee_id: 'text',
    type: 'text',
    value: 'double precision',
    currency: 'text',
    external_id: 'text',
    source: 'text',
    request_hash: 'text',
    created_at: 'text',
  },
};

function* range(count, row) {
  for (let i = 0; i < count; i++) yield row(i);
}

const rows = {
  teams: () => range(TEAMS, (t) => [`team-${t}`, `Team ${t}`]),
  topics: () => range(TOPICS.length, (t) => [TOPICS[t], JSON.stringify({ en: TOPICS[t] })]),
  employees: () =>
    range(EMPLOYEES, (i) => [`emp-${i}`, `Employee ${i}`, `team-${i % TEAMS}`, 'employee', 'en', 'UTC', null, null, iso(now - 400 * DAY)]),
  posts: () =>
    range(POSTS, (p) => {
      const at = iso(now - 400 * DAY + p * 3600_000);
      return [
        `post-${p}`,
        KINDS[p % KINDS.length],
        'published',
        `Post ${p}`,
        '',
        `https://example.com/${p}`,
        null,
        'Example',
        'en',
        '{}',
        '[]',
        JSON.stringify([TOPICS[p % TOPICS.length]]),
        '[]',
        '[]',
        '[]',
        at,
        null,
        at,
        at,
      ];
    }),
  post_topics: () => range(POSTS, (p) => [`post-${p}`, TOPICS[p % TOPICS.length]]),
  shares: () =>
    range(SHARES, (i) => [
      `s${i}`,
      `emp-${i % EMPLOYEES}`,
      `post-${i % POSTS}`,
      NETWORKS[i % NETWORKS.length],
      '',
      `k${i}`,
      'h',
      `c${i}`,
      `https://example.com/${i % POSTS}`,
      10,
      iso(shareAt(i)),
    ]),
  clicks: () =>
    range(CLICKS, (j) => {
      const share = shareOf(j);
      const at = after(shareAt(share), (j % 72) * 3600_000);
      return [`c${share}`, iso(at).slice(0, 10), `v${j}`, `s${share}`, iso(at)];
    }),
  conversions: () =>
    range(CONVERSIONS, (k) => {
      const share = (k * 40) % SHARES;
      return [
        `conv-${k}`,
        `c${share}`,
        `s${share}`,
        `post-${share % POSTS}`,
        `emp-${share % EMPLOYEES}`,
        'lead',
        100,
        null,
        `ext-${k}`,
        'default',
        'h',
        iso(after(shareAt(share), DAY)),
      ];
    }),
};

async function loadSqlite() {
  const sqlite = new SQLite(sqliteFile);
  sqlite.pragma('synchronous = OFF');
  for (const [table, columns] of Object.entries(TABLES)) {
    const names = Object.keys(columns);
    const insert = sqlite.prepare(`insert into ${table} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`);
    const batch = sqlite.transaction((items) => {
      for (const item of items) insert.run(item);
    });
    let items = [];
    for (const row of rows[table]()) {
      items.push(row);
      if (items.length === 100_000) batch(items.splice(0));
    }
    batch(items);
  }
  sqlite.close();
}

async function loadPostgres() {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    for (const [table, columns] of Object.entries(TABLES)) {
      const names = Object.keys(columns);
      const types = Object.values(columns);
      const text = `insert into ${table} (${names.join(', ')}) select * from unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})`;
      let batch = names.map(() => []);
      let size = 0;
      const flush = async () => {
        if (size > 0) await pool.query(text, batch);
        batch = names.map(() => []);
        size = 0;
      };
      for (const row of rows[table]()) {
        row.forEach((value, i) => batch[i].push(value));
        if (++size === 20_000) await flush();
      }
      await flush();
    }
    await pool.query('analyze');
  } finally {
    await pool.end();
  }
}

const counts = `${EMPLOYEES} employees, ${SHARES} shares, ${CLICKS} clicks, ${CONVERSIONS} conversions`;
if (loaded) {
  console.log(`${services.dialect}, scale ${scale}: ${counts} kept from ${new Date(now).toISOString()}`);
} else {
  if (note !== null) throw new Error(`${dataDir} holds another benchmark's data: use another --keep directory`);
  const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
  const loadStarted = performance.now();
  await dropRollupTriggers(services.db);
  await (services.dialect === 'sqlite' ? loadSqlite() : loadPostgres());
  const rebuildStarted = performance.now();
  await rebuildRollups(services.db);
  await createRollupTriggers(services.db);
  if (services.dialect === 'postgres') await sql`analyze`.execute(services.db);
  console.log(
    `${services.dialect}, scale ${scale}: ${counts} loaded in ${seconds(loadStarted)} s (rollups rebuilt in ${seconds(rebuildStarted)} s)`,
  );
  if (args.keep) writeFileSync(notePath, JSON.stringify({ scale, databaseUrl, now }));
}

const token = await new SignJWT({ roles: ['admin'] })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject('bench-admin')
  .setExpirationTime('2h')
  .sign(new TextEncoder().encode(secret));

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** p50 and p99 of `runs` calls after two warm-up calls; returns the last result too. */
async function measure(call) {
  const times = [];
  let result;
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    result = await call();
    if (i >= 2) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), result };
}

const ms = (value) => `${value.toFixed(1).padStart(8)} ms`;

async function time(label, fromMs, toMs) {
  const path = `/api/v1/admin/analytics?from=${iso(fromMs)}&to=${iso(toMs)}`;
  const endpoint = await measure(async () => {
    const response = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  });
  const baseline = await measure(() =>
    sql`select count(*) as n from clicks where created_at >= ${iso(fromMs)} and created_at <= ${iso(toMs)}`.execute(services.db),
  );
  const body = endpoint.result;
  console.log(
    `${label.padEnd(32)} p50 ${ms(endpoint.p50)}  p99 ${ms(endpoint.p99)}  | baseline p50 ${ms(baseline.p50)} (×${(endpoint.p50 / baseline.p50).toFixed(1)})  | ${runs} runs; ${body.shares} shares, ${body.uniqueClicks} clicks in window`,
  );
}

const from = now - 90 * DAY;
await time('90-day window', from, now);
await time('the 90 days before (comparison)', from - 90 * DAY, from - 1);
await time('7-day window', now - 7 * DAY, now);
await close();
if (!args.keep) rmSync(dataDir, { recursive: true, force: true });
