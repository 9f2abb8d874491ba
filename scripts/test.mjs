// The one test command: builds every package, type-checks and lints the workspace, then runs every
// package's tests (Node and real-browser), size budgets, the Storybook build and the examples' builds.
// A throwaway PostgreSQL is started for the server and contract tests unless TEST_DATABASE_URL
// is set.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pnpmCommand } from './pnpm-command.mjs';
import { startThrowawayPostgres } from './postgres.mjs';

function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path) => path && existsSync(path));
}

const chrome = findChromium();
if (!chrome) {
  console.error(
    'A Chromium browser is needed for the browser tests. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH.',
  );
  process.exit(1);
}

const env = { ...process.env, CHROME_PATH: chrome };
let postgres = null;
if (!env.TEST_DATABASE_URL) {
  postgres = await startThrowawayPostgres();
  env.TEST_DATABASE_URL = postgres.url;
  console.log(`PostgreSQL for tests: ${postgres.url}`);
}
const stop = () => postgres?.stop();
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const pnpm = pnpmCommand();

const steps = [
  ['build', ['run', 'build']],
  ['type-check', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['package tests', ['-r', '--workspace-concurrency=1', '--if-present', 'run', 'test']],
  ['consumers test', ['run', 'test:consumers']],
  ['storybook build', ['run', 'build-storybook']],
];

let passed = 0;
let failed = 0;
for (const [name, args] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = spawnSync(pnpm[0], [...pnpm.slice(1), ...args], { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    passed++;
    console.log(`━━ ${name}: ok (${seconds} s)`);
  } else {
    failed++;
    console.log(`━━ ${name}: FAILED (${seconds} s)`);
    break;
  }
}
stop();
console.log(`\nsteps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
