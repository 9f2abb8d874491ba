// The one test command: builds every package, type-checks and lints the workspace, then runs every
// package's tests (Node and real-browser), size budgets, the Storybook build and the examples' builds.
// A throwaway PostgreSQL is started for the server and contract tests unless TEST_DATABASE_URL
// is set.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Every workspace package with a `test` script, one at a time in the workspace's order (each is
// timed, so a slow package shows in the summary).
const listed = spawnSync(pnpm[0], [...pnpm.slice(1), 'ls', '-r', '--depth', '-1', '--json'], { encoding: 'utf8', env });
if (listed.status !== 0) {
  console.error(listed.stderr);
  process.exit(1);
}
const packages = JSON.parse(listed.stdout)
  .filter(({ path }) => path !== root)
  .filter(({ path }) => JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).scripts?.test);

const node24 = process.versions.node.split('.')[0] !== '24' && process.platform === 'linux' && ['x64', 'arm64'].includes(process.arch);
if (!node24) console.log(`The Node 24 run is left out: this run is on Node ${process.version} (${process.platform}-${process.arch}).`);

// The server's suites run two files at a time (each has its own database). With the Node 24 run,
// each database is tested once: PostgreSQL on this Node, SQLite (the native addon, what differs
// between Node lines) on Node 24 — both runs together would not fit the suite's time budget.
env.ADVOCACY_TEST_CONCURRENCY ??= '2';
const serverEnv = node24 ? { ADVOCACY_SKIP_SQLITE: '1' } : {};
if (node24) console.log("The server's tests run on PostgreSQL on this Node and on SQLite in the Node 24 run.");

const steps = [
  ['build', ['run', 'build']],
  ['type-check', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ...packages.map(({ name }) => [`test ${name}`, ['--filter', name, 'run', 'test'], name === '@advocacy-kit/server' ? serverEnv : {}]),
  ['consumers test', ['run', 'test:consumers']],
  // Core's Node tests and the server's tests again on Node 24 LTS (the registry's binary), unless
  // this run is on Node 24 already or the registry has no binary for this machine.
  ...(node24 ? [['Node 24 tests', ['--filter', '@advocacy-kit/node-24-tests', 'run', 'test:node-24']]] : []),
  ['storybook build', ['run', 'build-storybook']],
];

const timings = [];
let failed = 0;
for (const [name, args, extraEnv = {}] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = spawnSync(pnpm[0], [...pnpm.slice(1), ...args], { stdio: 'inherit', env: { ...env, ...extraEnv }, cwd: root });
  const seconds = (Date.now() - started) / 1000;
  timings.push([name, seconds, result.status === 0]);
  console.log(`━━ ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${seconds.toFixed(1)} s)`);
  if (result.status !== 0) {
    failed++;
    break;
  }
}
stop();
console.log('\n━━ summary ━━');
for (const [name, seconds, ok] of timings) console.log(`${ok ? 'ok    ' : 'FAILED'} ${seconds.toFixed(1).padStart(7)} s  ${name}`);
const total = timings.reduce((sum, [, seconds]) => sum + seconds, 0);
console.log(
  `steps: ${timings.length - failed} passed, ${failed} failed, ${steps.length - timings.length} not run; ${(total / 60).toFixed(1)} min`,
);
process.exit(failed === 0 ? 0 : 1);
