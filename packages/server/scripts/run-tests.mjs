// Builds and type-checks, then runs the server's tests with Node's test runner. Node 20's
// `--test` finds no .ts files by itself, so they are listed here; pass file names to run only
// some of them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const all = readdirSync(join(root, 'test'))
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => join('test', name));
const files = process.argv.length > 2 ? process.argv.slice(2) : all;

// Build first (the CLI and worker tests run compiled code), then type-check the tests, which
// tsx would run without checking.
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
for (const args of [['-b'], ['-p', 'tsconfig.test.json']]) {
  const step = spawnSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
  if (step.status !== 0) process.exit(step.status ?? 1);
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--import', 'tsx', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
