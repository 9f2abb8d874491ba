// The security group alone: the server's test/security/ suite on SQLite and PostgreSQL, then the
// core and elements tests named *.security.test.ts. The README's test command runs them too.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startThrowawayPostgres } from './postgres.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function securityTests(packageDir) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.security.test.ts')) found.push(relative(packageDir, path));
    }
  };
  walk(join(packageDir, 'src'));
  return found.sort();
}

const env = { ...process.env };
let postgres = null;
if (!env.TEST_DATABASE_URL) {
  postgres = await startThrowawayPostgres();
  env.TEST_DATABASE_URL = postgres.url;
}
process.on('exit', () => postgres?.stop());
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const core = join(root, 'packages', 'core');
const elements = join(root, 'packages', 'elements');
const coreNode = securityTests(core).filter((file) => !file.endsWith('.browser.test.ts'));
const elementsBrowser = securityTests(elements);
const runs = [
  ['server', join(root, 'packages', 'server'), [process.execPath, 'scripts/run-tests.mjs', '--security']],
  ['core', core, [process.execPath, '--test', '--import', 'tsx', ...coreNode]],
  ['elements', elements, [join(elements, 'node_modules', '.bin', 'web-test-runner'), ...elementsBrowser]],
];
const files = { core: coreNode, elements: elementsBrowser };

let failed = 0;
let ran = 0;
for (const [name, cwd, [command, ...args]] of runs) {
  if (name in files && files[name].length === 0) {
    console.log(`━━ security (${name}): no *.security.test.ts files`);
    continue;
  }
  ran++;
  console.log(`\n━━ security (${name}) ━━`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env });
  if (result.status !== 0) failed++;
}
console.log(`\nsecurity: ${ran - failed} of ${ran} groups passed`);
process.exit(failed === 0 ? 0 : 1);
