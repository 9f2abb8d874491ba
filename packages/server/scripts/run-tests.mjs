// Type-checks, then runs the server's tests with Node's test runner. Node 20 does not expand globs, so the files
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

// tsx strips types without checking them: type-check the tests and sources first.
const typecheck = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.test.json'], { cwd: root, stdio: 'inherit' });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--import', 'tsx', ...files], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
