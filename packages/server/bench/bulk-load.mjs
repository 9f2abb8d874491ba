// Bulk load at scale: writes the full-scale history as import files (bench/history.mjs: 100 000
// employees, 2 000 000 shares, 10 000 000 clicks, 50 000 conversions at --scale 1), then times
// `advocacy-server import <dir>` — the documented import path (docs/importing.md) — into a fresh
// SQLite file and a fresh PostgreSQL database, and prints one `bench:` line per database.
//
//   node bench/bulk-load.mjs [--scale 1] [--db sqlite,postgres]
//
// PostgreSQL: a scratch database is created (and dropped) on the server at BENCH_DATABASE_URL
// (or TEST_DATABASE_URL); without either, SQLite only. Needs `pnpm build` first.
// Target (issue #18): ≤ 5 minutes at scale 1 on each database; at another scale the target is
// pro rata. The baseline, timed in the same run, is the least any import pays: reading and
// parsing every line of the files.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { describe, writeHistory } from './history.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, db: { type: 'string', default: 'sqlite,postgres' } },
});
const scale = Number(args.scale);
if (!(scale > 0)) throw new Error('--scale takes a positive number');
const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
const databases = args.db.split(',').filter((name) => name === 'sqlite' || (name === 'postgres' && adminUrl !== null));
const TARGET_S = 300 * scale;

const seconds = (since) => (performance.now() - since) / 1000;
const duration = (s) => (s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${s.toFixed(1)}s`);

const work = mkdtempSync(join(tmpdir(), 'advocacy-bulk-'));
const files = join(work, 'files');
try {
  console.log(
    `bulk load at scale ${scale} (${describe(scale)}); ${cpus().length} CPUs, load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`,
  );
  let started = performance.now();
  await writeHistory(files, scale, Date.now());
  console.log(`import files written in ${duration(seconds(started))}`);

  // Baseline: every line read and parsed, nothing written.
  started = performance.now();
  let lines = 0;
  for (const name of ['teams', 'topics', 'employees', 'posts', 'shares', 'clicks', 'conversions']) {
    let rest = '';
    for await (const chunk of createReadStream(join(files, `${name}.ndjson`), { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop();
      for (const part of parts) {
        if (part === '') continue;
        JSON.parse(part);
        lines++;
      }
    }
  }
  const baseline = seconds(started);
  console.log(`baseline: ${lines} lines read and parsed in ${duration(baseline)}`);

  for (const database of databases) {
    let databaseUrl = '';
    let scratch = null;
    if (database === 'postgres') {
      scratch = `advocacy_bench_load_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${scratch}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${scratch}`;
      databaseUrl = url.toString();
    }
    const dataDir = join(work, `data-${database}`);
    try {
      started = performance.now();
      const code = await new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [join(root, 'bin', 'advocacy-server.js'), 'import', files], {
          env: {
            ...process.env,
            DATABASE_URL: databaseUrl,
            DATA_DIR: dataDir,
            AUTH_JWT_SECRET: 'bench-secret-0123456789abcdef0123',
            LOG_LEVEL: 'info',
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        child.stdout.on('data', (chunk) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `  ${database}: `)));
        child.on('error', reject);
        child.on('exit', resolve);
      });
      const took = seconds(started);
      if (code !== 0) {
        console.log(`bench: bulk load ${database} ${describe(scale)}: FAILED (exit ${code}) (scale ${scale})`);
        continue;
      }
      const target = scale === 1 ? 'target ≤ 5 min' : `scale ${scale}; target ≤ 5 min at scale 1, ≤ ${duration(TARGET_S)} pro rata`;
      console.log(
        `bench: bulk load ${database} ${describe(scale)} in ${duration(took)} (×${(took / baseline).toFixed(1)} the parse-only baseline; ${target}): ${took <= TARGET_S ? 'met' : 'missed'}`,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      if (scratch !== null) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${scratch} with (force)`);
        await admin.end();
      }
    }
  }
  if (!databases.includes('postgres')) console.log('bulk load postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
} finally {
  rmSync(work, { recursive: true, force: true });
}
