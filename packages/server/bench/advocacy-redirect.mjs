// The real server (built dist — or BENCH_DIST's —, default settings, request log on stdout) on a fresh SQLite file,
// seeded with the links ([code, destination] pairs) of the JSON file named by BENCH_LINKS_FILE
// (bench-links.mjs: each a share of its own). The URL goes to fd 3 as one JSON line;
// on SIGUSR2 one line gives the process's CPU time so far (µs, every thread: the click writer's too)
// and the clicks answered but not yet stored (the spool's depth);
// on SIGTERM the server stops as in production, and one more line gives the clicks stored.
import { mkdtempSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seedLinks } from './bench-links.mjs';

// BENCH_DIST: another build's dist folder (redirect.mjs --against); this package's dist otherwise.
const dist = process.env.BENCH_DIST === undefined ? new URL('../dist/', import.meta.url) : pathToFileURL(`${process.env.BENCH_DIST}/`);
const { createServer, resolveConfig } = await import(new URL('index.js', dist).href);

const links = JSON.parse(readFileSync(process.env.BENCH_LINKS_FILE, 'utf8'));
const dataDir = mkdtempSync(join(tmpdir(), 'advocacy-bench-'));
const config = resolveConfig({
  port: 0,
  host: '127.0.0.1',
  sqliteFile: join(dataDir, 'advocacy.sqlite'),
  auth: { jwtSecret: 'bench-secret-0123456789abcdef0123' },
  trustProxy: true,
  logLevel: process.env.LOG_LEVEL ?? 'info',
});
const server = await createServer(config);
const { db } = server.services;
await seedLinks(db, links);
// The URL goes to fd 3; stdout carries the server's request log (to /dev/null in the bench).
writeSync(3, `${JSON.stringify({ url: server.url })}\n`);
process.on('SIGUSR2', () => {
  const cpu = process.cpuUsage();
  writeSync(3, `${JSON.stringify({ cpuMicros: cpu.user + cpu.system, waiting: server.services.clicks.depth() })}\n`);
});
process.on('SIGTERM', () => {
  server
    .close()
    .then(async (shutdown) => {
      // Every click the server answered must be stored once it has stopped.
      const { default: SQLite } = await import('better-sqlite3');
      const stored = new SQLite(config.sqliteFile, { readonly: true }).prepare('select count(*) as n from clicks').get();
      writeSync(3, `${JSON.stringify({ stored: stored.n, ...shutdown })}\n`);
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    })
    .catch((error) => {
      process.stderr.write(`shutdown failed: ${error.stack}\n`);
      process.exit(1);
    });
});
