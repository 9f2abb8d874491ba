// Runs every Node test file (src/**/*.test.ts, except *.browser.test.ts) with node --test and tsx.
// Node 20's --test finds no .ts files by itself and sh does not expand `**`, hence this script.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.test.ts') && !entry.name.endsWith('.browser.test.ts')) files.push(relative(root, path));
  }
};
walk(join(root, 'src'));
files.sort();
const args = process.argv.slice(2);
const result = spawnSync(process.execPath, ['--test', '--import', 'tsx', ...args, ...files], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
