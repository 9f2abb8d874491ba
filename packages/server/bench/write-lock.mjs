// SQLite's write lock under a second writer: the built server's database layer on a file, with a
// worker thread on its own connection committing batches the way the click worker does (the
// write lock held a few ms each time, then let go), while this thread runs short write
// transactions (a share's size) 8 at a time, each 2 ms after the last. Prints the transactions per second and how long the
// event loop stood still (monitorEventLoopDelay): every request of the server waits that long.
//
//   node bench/write-lock.mjs [--duration 5] [--against <dist folder>]
//
// WRITER_OFF=1 leaves the other writer idle: the control (what the machine's load alone stalls).
// The event-loop figures need an idle machine; on a busy one they measure the scheduler.
// --against runs the same load on another build (a copy of an older `dist` inside this package)
// in the same run and prints the ratio. Needs `pnpm build` first. Prints `bench: ` summary lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { duration: { type: 'string', default: '5' }, against: { type: 'string' } } });
const duration = Number(values.duration) * 1000;
const builds = [...(values.against === undefined ? [] : [resolve(values.against)]), join(here, '..', 'dist')];

// The other writer, as the click worker: the build's own database layer on its own connection,
// batches of 300 rows in one transaction, 5 ms apart.
const WRITER = `
const { workerData, parentPort } = require('node:worker_threads');
(async () => {
  const { openDatabase } = await import(workerData.database);
  const { sql } = await import(workerData.kysely);
  const { db } = openDatabase({ databaseUrl: null, sqliteFile: workerData.file });
  await sql\`create table if not exists bench_batches (id integer primary key, body text not null)\`.execute(db);
  let stop = false;
  let batches = 0;
  parentPort.on('message', () => (stop = true));
  while (!stop) {
    if (!workerData.off) await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 300; i += 100) {
        const rows = Array.from({ length: 100 }, () => sql\`(\${'x'.repeat(200)})\`);
        await sql\`insert into bench_batches (body) values \${sql.join(rows)}\`.execute(trx);
      }
    });
    if (!workerData.off) batches++;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await db.destroy();
  parentPort.postMessage(batches);
})();`;

const results = [];
for (const build of builds) results.push(await run(build));
for (const [build, result] of builds.map((b, i) => [b, results[i]])) {
  console.log(
    `bench: write lock ${relative(process.cwd(), build)}: ${Math.round(result.rate)} transactions/s beside ${Math.round(result.batches)} batches/s; ` +
      `event loop stood still p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`,
  );
}
if (results.length === 2) {
  const [base, now] = results;
  console.log(
    `bench: write lock against ${relative(process.cwd(), builds[0])}: ${(now.rate / base.rate).toFixed(2)}× the transactions/s, event-loop stall p99 ${base.p99.toFixed(1)} → ${now.p99.toFixed(1)} ms, max ${base.max.toFixed(1)} → ${now.max.toFixed(1)} ms`,
  );
}

async function run(build) {
  const { openDatabase } = await import(pathToFileURL(join(build, 'db', 'database.js')).href);
  const { migrateToLatest } = await import(pathToFileURL(join(build, 'migrations.js')).href);
  const dir = mkdtempSync(join(tmpdir(), 'advocacy-write-lock-'));
  const file = join(dir, 'advocacy.sqlite');
  const { db } = openDatabase({ databaseUrl: null, sqliteFile: file });
  await migrateToLatest(db);
  const kysely = pathToFileURL(createRequire(join(here, '..', 'package.json')).resolve('kysely')).href;
  const database = pathToFileURL(join(build, 'db', 'database.js')).href;
  const writer = new Worker(WRITER, { eval: true, workerData: { file, database, kysely, off: process.env.WRITER_OFF === '1' } });
  await new Promise((done) => setTimeout(done, 200));
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const start = Date.now();
  let done = 0;
  let next = 0;
  const one = async () => {
    while (Date.now() - start < duration) {
      const key = `bench-${next++}`;
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('meta').values({ key, value: 'a' }).execute();
        await trx.updateTable('meta').set({ value: 'b' }).where('key', '=', key).execute();
        await trx.selectFrom('meta').select('value').where('key', '=', key).execute();
      });
      done++;
      // The next request 2 ms later.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  await Promise.all(Array.from({ length: 8 }, one));
  const seconds = (Date.now() - start) / 1000;
  delay.disable();
  const batches = await new Promise((resolve) => {
    writer.once('message', resolve);
    writer.postMessage('stop');
  });
  await writer.terminate();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
  return { rate: done / seconds, batches: batches / seconds, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 };
}
