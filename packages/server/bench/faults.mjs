// The click fault tests (test/fault-clicks.test.ts) at full scale: 12,000 redirects answered over
// 64 connections to 1,000 links before each fault (kill -9, SIGTERM, a full SQLite database),
// on SQLite and, when TEST_DATABASE_URL is set, PostgreSQL. Prints the counts; exits non-zero
// if an answered click was lost. Builds first (through scripts/run-tests.mjs).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!process.env.TEST_DATABASE_URL && process.env.ADVOCACY_SKIP_POSTGRES === undefined) {
  console.log('TEST_DATABASE_URL is not set: SQLite only.');
  process.env.ADVOCACY_SKIP_POSTGRES = '1';
}
const result = spawnSync(process.execPath, [join(root, 'scripts', 'run-tests.mjs'), join('test', 'fault-clicks.test.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    FAULT_CLICKS: '12000',
    FAULT_CONCURRENCY: '64',
    FAULT_LINKS: '1000',
    ...process.env,
  },
});
process.exit(result.status ?? 1);
