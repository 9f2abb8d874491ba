// Type-checks and builds, then runs the server's tests with Node's test runner. Node 20 does not expand globs, so the files
// are listed here; pass file names to run only some of them.
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

// tsx strips types without checking them: type-check the tests and sources first, then build,
// because the CLI test runs the real `bin/advocacy-server.js` (compiled, with its click worker).
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
for (const args of [['-p', 'tsconfig.test.json'], ['-b']]) {
  const step = spawnSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
  if (step.status !== 0) process.exit(step.status ?? 1);
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--import', 'tsx', ...files], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
