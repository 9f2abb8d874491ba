// `pnpm demo`: builds the packages the demo portal embeds, then runs the portal's start script
// (reference server on SQLite + the portal) in this process group, so Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpmCommand } from './pnpm-command.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const portal = '@advocacy-kit/example-intranet-portal';
const pnpm = pnpmCommand();

console.log('Building the packages the demo needs…');
const build = spawnSync(pnpm[0], [...pnpm.slice(1), '--filter', `${portal}^...`, 'run', 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.error('The build failed; see the messages above.');
  process.exit(build.status ?? 1);
}

const start = spawn(process.execPath, [join(root, 'examples', 'intranet-portal', 'scripts', 'start.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the whole process group; wait for the start script to stop its children.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => start.kill(signal));
start.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
