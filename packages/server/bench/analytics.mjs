// Program analytics at scale: 100 000 employees, 2 000 000 shares, 10 000 000 unique clicks and
// 50 000 conversions over the last year (bench/history.mjs), loaded through
// `advocacy-server import`, then GET /admin/analytics timed through the app for every window
// <advocacy-analytics> offers — 7, 30 and 90 days and 12 months, each with the period before it
// that the report compares against — each request the first after a burst of new shares and
// clicks written through the API and the tracking redirect, so no figure can come from before
// the burst.
//
//   node bench/analytics.mjs [--scale 1] [--runs 20] [--keep DIR]
//
// --keep DIR keeps the loaded data (the SQLite file, or a note naming the PostgreSQL database) in
// DIR and, on a later run with the same scale, measures it again without loading: a full-scale
// load takes minutes. SQLite file by default; with BENCH_DATABASE_URL a scratch PostgreSQL
// database is created on that server (kept with --keep, dropped otherwise). Needs `pnpm build`.
// A benchmark, not a test: it prints. The baseline, timed in the same run, is the least any
// query over the raw rows pays: counting the window's clicks on their time index.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SignJWT } from 'jose';
import { sql } from 'kysely';
import { createApp, resolveConfig } from '../dist/index.js';
import { describe, sizes, writeHistory } from './history.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '20' }, keep: { type: 'string' } },
});
const scale = Number(args.scale);
const runs = Number(args.runs);
if (!(scale > 0) || !(runs > 0)) throw new Error('--scale and --runs take positive numbers');
const DAY = 86_400_000;
const TARGET_MS = 200;
const BURST_SHARES = 20;
const BURST_CLICKS = 100;

const adminUrl = process.env.BENCH_DATABASE_URL || null;
const secret = 'bench-secret-0123456789abcdef0123';
const dataDir = args.keep ?? mkdtempSync(join(tmpdir(), 'advocacy-analytics-'));
mkdirSync(dataDir, { recursive: true });
const sqliteFile = join(dataDir, 'advocacy.sqlite');
const notePath = join(dataDir, 'bench.json');
const note = args.keep && existsSync(notePath) ? JSON.parse(readFileSync(notePath, 'utf8')) : null;
const database = adminUrl === null ? 'sqlite' : 'postgres';
const loaded = note !== null && note.scale === scale && note.database === database && (note.adminUrl ?? null) === adminUrl;
if (note !== null && !loaded) throw new Error(`${dataDir} holds another benchmark's data: use another --keep directory`);

async function admin(statement) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// The scratch PostgreSQL database: the one kept, or a new one.
let databaseUrl = null;
let scratch = null;
if (database === 'postgres') {
  scratch = loaded ? note.scratch : `advocacy_bench_analytics_${randomBytes(4).toString('hex')}`;
  if (!loaded) await admin(`create database ${scratch}`);
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  databaseUrl = url.toString();
}

const now = loaded ? note.now : Date.now();
const counts = describe(scale);
if (loaded) {
  console.log(`${database}, scale ${scale}: ${counts} kept from ${new Date(now).toISOString()}`);
} else {
  const files = join(dataDir, 'files');
  let started = performance.now();
  await writeHistory(files, scale, now);
  console.log(`import files written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'bin', 'advocacy-server.js'), 'import', files], {
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '', DATA_DIR: dataDir, AUTH_JWT_SECRET: secret, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  rmSync(files, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`the import failed (exit ${result.status})`);
  console.log(`${database}, scale ${scale}: ${counts} imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (args.keep) writeFileSync(notePath, JSON.stringify({ scale, database, adminUrl, scratch, now }));
}

const config = resolveConfig({
  databaseUrl,
  sqliteFile,
  auth: { jwtSecret: secret },
  logLevel: 'silent',
  // The bursts come from one address in a few seconds: no rate limit may drop them.
  rateLimits: {
    redirect: { burst: 1e9, perSecond: 1e9 },
    writes: { burst: 1e9, perSecond: 1e9 },
    conversions: { burst: 1e9, perSecond: 1e9 },
  },
});
const { app, services, close } = await createApp(config);
const sign = (subject, roles) =>
  new SignJWT({ roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));
const adminToken = await sign('bench-admin', ['admin']);
const { employees, posts } = sizes(scale);

/**
 * New shares (to `xing`, which the history never uses, so each is a first share) and human
 * clicks on them and on older links, through the API and the redirect; then the click buffer is
 * flushed, as it is within its interval on a live server.
 */
let burstNumber = 0;
async function burst() {
  const codes = [];
  for (let i = 0; i < BURST_SHARES; i++) {
    const n = burstNumber * BURST_SHARES + i;
    const employee = `emp-${(n * 7919) % employees}`;
    const response = await app.request('/api/v1/shares', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await sign(employee, [])}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-${now}-${n}`,
      },
      body: JSON.stringify({ postId: `post-${n % posts}`, network: 'xing', commentary: 'Worth a read' }),
    });
    if (response.status !== 201 && response.status !== 200) throw new Error(`share: ${response.status} ${await response.text()}`);
    codes.push((await response.json()).trackingCode);
  }
  for (let i = 0; i < BURST_CLICKS; i++) {
    const code = codes[i % codes.length];
    const response = await app.request(`/r/${code}`, {
      headers: { 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36 bench/${burstNumber}-${i}` },
    });
    if (response.status !== 302) throw new Error(`click: ${response.status}`);
  }
  await services.clicks.flush();
  burstNumber++;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value) => `${value.toFixed(1).padStart(7)} ms`;

/** p50 and p99 of `runs` requests, each the first after a burst; the window is computed at request time (a preset ends now). */
async function measure(window) {
  const times = [];
  let body;
  for (let i = 0; i < runs; i++) {
    await burst();
    const { from, to } = window(Date.now());
    const path = `/api/v1/admin/analytics?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
    const started = performance.now();
    const response = await app.request(path, { headers: { authorization: `Bearer ${adminToken}` } });
    body = await response.json();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  }
  const first = times[0];
  times.sort((a, b) => a - b);
  // The same without this window's first request (for the very first window: the first after the server started).
  const rest = times.filter((t, i) => i !== times.indexOf(first));
  return { p50: percentile(times, 50), p99: percentile(times, 99), first, p99Rest: rest.length > 0 ? percentile(rest, 99) : first, body };
}

async function baseline(from, to) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await sql`select count(*) as n from clicks where created_at >= ${new Date(from).toISOString()} and created_at <= ${new Date(to).toISOString()}`.execute(
      services.db,
    );
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 50);
}

// The presets of <advocacy-analytics> (core's ANALYTICS_PRESETS) and analyticsWindows()'s previous period.
const PRESETS = [
  ['7 days', 7],
  ['30 days', 30],
  ['90 days', 90],
  ['12 months', 365],
];
const results = [];
for (const [label, days] of PRESETS) {
  const length = days * DAY;
  const current = await measure((t) => ({ from: t - length, to: t }));
  const previous = await measure((t) => ({ from: t - 2 * length, to: t - length - 1 }));
  const base = await baseline(Date.now() - length, Date.now());
  for (const [name, result] of [
    [label, current],
    [`${label} before`, previous],
  ]) {
    results.push({ name, p99: result.p99, first: result.first, p99Rest: result.p99Rest });
    console.log(
      `${name.padEnd(18)} p50 ${ms(result.p50)}  p99 ${ms(result.p99)}  | ${result.body.shares} shares, ${result.body.uniqueClicks} clicks in window` +
        (name === label ? `  | baseline (count the window's clicks) p50 ${ms(base)}, ×${(current.p50 / base).toFixed(1)}` : ''),
    );
  }
}
const worst = results.reduce((a, b) => (b.p99 > a.p99 ? b : a));
console.log(
  `bench: analytics ${database} worst p99 ${worst.p99.toFixed(0)} ms (${worst.name}) over windows 7d/30d/90d/12mo and the period before each, ` +
    `each request the first after a burst of ${BURST_SHARES} shares and ${BURST_CLICKS} clicks (scale ${scale}: ${counts}; ${runs} runs per window; target ≤ ${TARGET_MS} ms at scale 1): ` +
    `${worst.p99 <= TARGET_MS ? 'met' : 'missed'}`,
);
// The server's very first request reads a cold database (its pages not yet in SQLite's or
// PostgreSQL's cache): shown apart, beside the worst p99 of every other request. Not a target.
const [start, ...others] = results;
const warm = [{ name: start.name, p99: start.p99Rest }, ...others].reduce((a, b) => (b.p99 > a.p99 ? b : a));
console.log(
  `analytics ${database}: the first request after the server started took ${start.first.toFixed(0)} ms (${start.name}); ` +
    `without it the worst p99 is ${warm.p99.toFixed(0)} ms (${warm.name})`,
);
await close();
if (!args.keep) {
  rmSync(dataDir, { recursive: true, force: true });
  if (scratch !== null) await admin(`drop database if exists ${scratch} with (force)`);
}
