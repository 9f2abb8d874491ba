// `pnpm bench`: every performance benchmark of issue #18, one child process each, at one scale.
// Builds first if a package has not been built, starts a throwaway PostgreSQL unless
// BENCH_DATABASE_URL is set (each benchmark gets its own scratch database on it), streams each
// benchmark's output, and prints every `bench: ` line together at the end with the scale, the
// Node version, the CPUs and the date.
//
//   pnpm bench [-- --scale 0.1] [--only redirect,analytics] [--duration 10]
//
// --scale   data sizes relative to the full scale of the issue (1 = 100k employees, 2M shares,
//           10M clicks, 5M ledger rows); default 0.1, about ten minutes on two cores.
// --only    a comma-separated subset of: redirect, mixed, leaderboard, analytics, bulk-load, lighthouse.
// --duration seconds of load for the throughput benchmarks (redirect, mixed); default 10.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pnpmCommand } from './pnpm-command.mjs';
import { startThrowawayPostgres } from './postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    scale: { type: 'string', default: '0.1' },
    only: { type: 'string' },
    duration: { type: 'string', default: '10' },
  },
});
const scale = String(Number(options.scale));
const duration = String(Number(options.duration));
if (!(Number(scale) > 0) || !(Number(duration) > 0)) throw new Error('--scale and --duration take positive numbers');

/** The benchmarks: where each lives (the first that exists), its arguments, and whether it runs once per database. */
const BENCHMARKS = [
  { name: 'redirect', scripts: ['packages/server/bench/redirect.mjs'], args: ['--duration', duration] },
  { name: 'mixed', scripts: ['packages/server/bench/mixed.mjs'], perDatabase: true, args: (db) => ['--duration', duration, '--db', db] },
  {
    name: 'leaderboard',
    scripts: ['packages/server/bench/leaderboard.mjs'],
    perDatabase: true,
    args: (db) => ['--scale', scale, '--db', db],
  },
  { name: 'analytics', scripts: ['packages/server/bench/analytics.mjs'], perDatabase: true, args: ['--scale', scale] },
  // Times both databases itself.
  { name: 'bulk-load', scripts: ['packages/server/bench/bulk-load.mjs'], args: ['--scale', scale] },
  { name: 'lighthouse', scripts: ['examples/intranet-portal/bench/lighthouse.mjs', 'bench/lighthouse.mjs'], args: [] },
];
const only = options.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !BENCHMARKS.some((b) => b.name === name)) ?? [];
if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}: choose from ${BENCHMARKS.map((b) => b.name).join(', ')}`);
const chosen = BENCHMARKS.filter((b) => only === undefined || only.includes(b.name));

const started = new Date();
const loadBefore = loadavg()[0];

// Build once if any package has not been built yet.
const built = ['packages/core/dist', 'packages/elements/dist', 'packages/server/dist/index.js'].every((path) =>
  existsSync(join(root, path)),
);
if (!built) {
  console.log('━━ build (a package has not been built yet)');
  const pnpm = pnpmCommand();
  const result = spawnSync(pnpm[0], [...pnpm.slice(1), 'run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

let postgres = null;
let adminUrl = process.env.BENCH_DATABASE_URL || null;
if (adminUrl === null) {
  postgres = await startThrowawayPostgres();
  adminUrl = postgres.url;
  console.log(`PostgreSQL for the benchmarks: ${adminUrl}`);
}
process.on('exit', () => postgres?.stop());
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

async function adminQuery(statement) {
  // pg is the server's dependency.
  const pg = createRequire(join(root, 'packages/server/package.json'))('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Runs one benchmark process, streaming its output line by line; the `bench: ` lines it printed and its exit code. */
function run(label, script, args, env) {
  return new Promise((resolveRun) => {
    const lines = [];
    const child = spawn(process.execPath, [script, ...args], {
      cwd: dirname(script),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const relay = (stream, out) => {
      let rest = '';
      stream.on('data', (chunk) => {
        const parts = (rest + chunk.toString()).split('\n');
        rest = parts.pop();
        for (const line of parts) {
          out.write(`[${label}] ${line}\n`);
          if (line.startsWith('bench: ')) lines.push(line);
        }
      });
      stream.on('end', () => {
        if (rest !== '') {
          out.write(`[${label}] ${rest}\n`);
          if (rest.startsWith('bench: ')) lines.push(rest);
        }
      });
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('error', (error) => resolveRun({ lines, code: `could not start (${error.message})` }));
    child.on('close', (code, signal) => resolveRun({ lines, code: code ?? signal }));
  });
}

const summary = [];
for (const benchmark of chosen) {
  const script = benchmark.scripts.map((path) => join(root, path)).find((path) => existsSync(path));
  if (script === undefined) {
    summary.push(`${benchmark.name}: not found (${benchmark.scripts.join(' or ')})`);
    console.log(`\n━━ ${benchmark.name}: not found`);
    continue;
  }
  for (const db of benchmark.perDatabase ? ['sqlite', 'postgres'] : [null]) {
    const label = db === null ? benchmark.name : `${benchmark.name} ${db}`;
    const args = typeof benchmark.args === 'function' ? benchmark.args(db) : benchmark.args;
    // SQLite runs see no PostgreSQL; PostgreSQL runs get a scratch database of their own.
    let scratch = null;
    const env = { ...process.env };
    for (const name of ['BENCH_DATABASE_URL', 'DATABASE_URL', 'TEST_DATABASE_URL']) delete env[name];
    if (db === 'postgres') {
      scratch = `advocacy_bench_${benchmark.name.replace('-', '_')}_${randomBytes(4).toString('hex')}`;
      await adminQuery(`create database ${scratch}`);
      const url = new URL(adminUrl);
      url.pathname = `/${scratch}`;
      Object.assign(env, { DATABASE_URL: url.toString(), BENCH_DATABASE_URL: adminUrl, TEST_DATABASE_URL: adminUrl });
    } else if (db === null) {
      Object.assign(env, { BENCH_DATABASE_URL: adminUrl, TEST_DATABASE_URL: adminUrl });
    }
    console.log(`\n━━ ${label}: node ${join(...script.slice(root.length + 1).split('/'))} ${args.join(' ')}`);
    const since = performance.now();
    const { lines, code } = await run(label, script, args, env);
    const seconds = ((performance.now() - since) / 1000).toFixed(0);
    if (scratch !== null) await adminQuery(`drop database if exists ${scratch} with (force)`).catch(() => undefined);
    summary.push(...lines);
    if (code !== 0) summary.push(`${label}: exited with ${code} after ${seconds} s`);
    else if (lines.length === 0) summary.push(`${label}: printed no bench line (${seconds} s)`);
    console.log(`━━ ${label}: ${code === 0 ? 'done' : `exited with ${code}`} in ${seconds} s`);
  }
}

console.log(`\n━━ pnpm bench — scale ${scale}, duration ${duration} s`);
console.log(
  `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), load average ${loadBefore.toFixed(1)} before and ${loadavg()[0].toFixed(1)} after; ` +
    `started ${started.toISOString()}, finished ${new Date().toISOString()}`,
);
for (const line of summary) console.log(line);
