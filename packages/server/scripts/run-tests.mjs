// Builds and type-checks, then runs the server's tests with Node's test runner. Node 20's
// `--test` finds no .ts files by itself, so they are listed here; pass file names to run only
// some of them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// test/*.test.ts, then the security group in test/security/ (also run alone by `pnpm test:security`).
const testsIn = (dir) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => join(dir, name));
const all = [...testsIn('test'), ...testsIn(join('test', 'security'))];
const args = process.argv.slice(2);
const files = args[0] === '--security' ? testsIn(join('test', 'security')) : args.length > 0 ? args : all;

// Build first (the CLI and worker tests run compiled code), then type-check the tests, which
// tsx would run without checking.
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
// ADVOCACY_TESTS_TYPE_CHECKED=1 skips the tests' type check when a run just did it (the Node 24 run).
const checks = process.env.ADVOCACY_TESTS_TYPE_CHECKED === '1' ? [['-b']] : [['-b'], ['-p', 'tsconfig.test.json']];
for (const args of checks) {
  const step = spawnSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
  if (step.status !== 0) process.exit(step.status ?? 1);
  // The command the tests start (bin/advocacy-server.js) runs the bundle of what tsc just built.
  if (args[0] === '-b') {
    const bundled = spawnSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
    if (bundled.status !== 0) process.exit(bundled.status ?? 1);
  }
}
// One file at a time by default; ADVOCACY_TEST_CONCURRENCY=2 runs two at once (each suite has its own database).
const concurrency = Number(process.env.ADVOCACY_TEST_CONCURRENCY ?? 1);
const result = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`, '--import', 'tsx', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
