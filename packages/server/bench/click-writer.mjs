// Click writer benchmark: the cost of storing clicks, apart from the HTTP server. A fresh SQLite
// file seeded as bench/advocacy-redirect.mjs seeds it (1,000 links over 100 employees, 100 posts,
// 3 networks); the click store the worker thread runs (its connection and settings) is given
// batches of unique human clicks on spread codes, as the redirect benchmark's load makes them,
// after a warm-up of 10,000; each batch as full as the build allows (its clickFlush.maxBatch,
// unless --batch): the writer under a backlog. Prints the CPU time per stored click (this process: nothing else runs
// in it; less moved by other load on the machine than wall time) and the bytes the process wrote
// per click in 4 KB pages (WAL frames, checkpoints, temporary files: /proc/self/io).
//
//   node bench/click-writer.mjs [--clicks 100000] [--batch <n>] [--rounds 2] [--against <dist>]
//
// --against: another build's dist folder (inside this package, so it finds the same
// dependencies), run alternately with this one. --child <dist> --statements runs one build once
// and prints each statement's CPU time per click to stderr (the timing itself adds to the total).
// BENCH_WRITER_SQL: statements (';'-separated) run on the writer's connection first, to try a
// setting or a layout. Needs `pnpm build` first. Linux only (/proc/self/io).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { seedLinks } from './bench-links.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    clicks: { type: 'string' },
    batch: { type: 'string' },
    against: { type: 'string' },
    rounds: { type: 'string' },
    child: { type: 'string' },
    statements: { type: 'boolean' },
  },
});
const CLICKS = Number(args.clicks ?? 100_000);
/** Clicks per batch; by default each build's own bound (clickFlush.maxBatch): under a backlog every batch is that full. */
let BATCH = args.batch === undefined ? null : Number(args.batch);

if (args.child === undefined) {
  // Parent: runs each build in a process of its own, alternately.
  const builds = [['this build', join(here, '..', 'dist')]];
  if (args.against !== undefined) builds.push(['against', resolve(args.against)]);
  const rounds = Number(args.rounds ?? 2);
  const results = new Map(builds.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, dist] of builds) {
      const run = spawnSync(
        process.execPath,
        [
          fileURLToPath(import.meta.url),
          '--child',
          dist,
          '--clicks',
          String(CLICKS),
          ...(BATCH === null ? [] : ['--batch', String(BATCH)]),
        ],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const result = JSON.parse(run.stdout.trim().split('\n').pop());
      results.get(name).push(result);
      console.log(
        `${name.padEnd(11)} ${result.cpuPerClick.toFixed(1).padStart(6)} µs CPU/click  ${result.wallPerClick.toFixed(1).padStart(6)} µs wall/click  ` +
          `${result.pagesPerClick.toFixed(2)} pages written/click  (${result.stored} stored of ${result.clicks}, ${result.batch} per batch)`,
      );
    }
  }
  const mean = (list) => list.reduce((sum, r) => sum + r.cpuPerClick, 0) / list.length;
  const line = [...results].map(([name, list]) => `${name} ${mean(list).toFixed(1)} µs`).join(', ');
  console.log(`bench: click writer CPU per stored click (mean of ${rounds} runs): ${line}`);
  process.exit(0);
}

const dist = pathToFileURL(`${resolve(args.child)}/`).href;
const { createServer, resolveConfig } = await import(`${dist}index.js`);
const { openDatabase } = await import(`${dist}db/database.js`);
const { databaseClickStore, tuneWriterConnection } = await import(`${dist}tracking/click-store.js`);
const { sql } = await import('kysely');

const dataDir = mkdtempSync(join(tmpdir(), 'advocacy-click-writer-'));
const sqliteFile = join(dataDir, 'advocacy.sqlite');
const config = resolveConfig({
  port: 0,
  host: '127.0.0.1',
  sqliteFile,
  auth: { jwtSecret: 'bench-secret-0123456789abcdef0123' },
  logLevel: 'error',
});
BATCH ??= config.clickFlush.maxBatch;
const server = await createServer(config);
const { db: mainDb } = server.services;
const codes = Array.from({ length: 1_000 }, () => randomBytes(12).toString('base64url'));
await seedLinks(
  mainDb,
  codes.map((code) => [code, 'https://example.com/']),
);
const schedule = await server.services.pointRules.schedule();
const salt = server.services.clickSalt;
await server.close();

/** Time per statement (by its SQL's start), when --statements is given: what each costs per click. */
const timed = new Map();
if (args.statements) {
  const { default: SQLite } = await import('better-sqlite3');
  const prepare = SQLite.prototype.prepare;
  SQLite.prototype.prepare = function (source) {
    const statement = prepare.call(this, source);
    const name = source.replace(/\s+/g, ' ').slice(0, 70);
    for (const method of ['run', 'all', 'get', 'iterate']) {
      const original = statement[method];
      statement[method] = function (...params) {
        const started = process.cpuUsage();
        try {
          return original.apply(this, params);
        } finally {
          const used = process.cpuUsage(started);
          const entry = timed.get(name) ?? { calls: 0, micros: 0 };
          entry.calls++;
          entry.micros += used.user + used.system;
          timed.set(name, entry);
        }
      };
    }
    return statement;
  };
}
// The worker's connection, as src/tracking/click-worker.ts opens it (a build from before
// tuneWriterConnection set these two in the worker itself).
const { db } = openDatabase({ databaseUrl: null, sqliteFile });
if (tuneWriterConnection === undefined) {
  await sql`pragma cache_size = -65536`.execute(db);
  await sql`pragma wal_autocheckpoint = 10000`.execute(db);
} else await tuneWriterConnection(db, 'sqlite');
// Experiments: extra SQL run on the writer's connection first (BENCH_WRITER_SQL, ';'-separated).
for (const statement of (process.env.BENCH_WRITER_SQL ?? '').split(';').filter((s) => s.trim() !== '')) {
  await sql.raw(statement).execute(db);
}
const store = databaseClickStore(db, salt, () => schedule);

const HUMAN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const clickAt = (visitor) => {
  const i = visitor % codes.length;
  return {
    code: codes[i],
    shareId: `share-${i}`,
    employeeId: `emp-${i % 100}`,
    postId: `post-${Math.floor(i / 3) % 100}`,
    sharerNetwork: null,
    ip: `10.${visitor >> 16}.${(visitor >> 8) & 255}.${visitor & 255}`,
    userAgent: HUMAN,
    at: new Date().toISOString(),
  };
};
/** Bytes this process has written (WAL frames and checkpoints alike). */
const written = () => Number(/^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))[1]);

// Warm-up (JIT, cache, statements): as the redirect benchmark's 2 s warm-up.
let visitor = 0;
for (let n = 0; n < 10_000; n += BATCH) await store(Array.from({ length: BATCH }, () => clickAt(visitor++)));
// Each batch is built before the clock runs: the redirect thread makes them, not the writer.
const batches = [];
for (let n = 0; n < CLICKS; n += BATCH) batches.push(Array.from({ length: Math.min(BATCH, CLICKS - n) }, () => clickAt(visitor++)));
await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
const { default: SQLite } = await import('better-sqlite3');
timed.clear();
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
const written0 = written();
let stored = 0;
for (const batch of batches) {
  stored += await store(batch);
}
const cpu = process.cpuUsage(cpu0);
const wall = performance.now() - wall0;
const pages = (written() - written0) / 4096;
await db.destroy();
const check = new SQLite(sqliteFile, { readonly: true });
const total = check.prepare('select count(*) as n from clicks').get().n;
check.close();
rmSync(dataDir, { recursive: true, force: true });
for (const [name, { calls, micros }] of [...timed].sort((a, b) => b[1].micros - a[1].micros)) {
  console.error(`${(micros / CLICKS).toFixed(2).padStart(7)} µs/click  ${String(calls).padStart(7)} calls  ${name}`);
}
console.log(
  JSON.stringify({
    clicks: CLICKS,
    batch: BATCH,
    stored,
    total,
    cpuPerClick: (cpu.user + cpu.system) / CLICKS,
    wallPerClick: (wall * 1000) / CLICKS,
    pagesPerClick: pages / CLICKS,
  }),
);
