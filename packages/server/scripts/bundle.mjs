// Bundles the `advocacy-server` command and its two worker threads, each into one file in
// dist/bundle/, from the compiled dist/. Loading the command as some 240 modules of ours and
// several hundred of its dependencies took about 1.5 s of CPU before it could serve; one file
// takes about a third of that — a faster start for every deploy, restart and scaled-out instance.
//
// The library entry points (dist/index.js and the rest) stay unbundled. better-sqlite3 stays
// outside the bundle: it loads its native addon from its own folder.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

await build({
  // The workers keep their names: the code that starts them looks for ./click-worker.js and
  // ./board-worker.js next to the file it runs from.
  entryPoints: {
    main: join(root, 'dist', 'main.js'),
    'click-worker': join(root, 'dist', 'tracking', 'click-worker.js'),
    'board-worker': join(root, 'dist', 'points', 'board-worker.js'),
  },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // pg asks for pg-native only when told to use it; it is not a dependency.
  external: ['better-sqlite3', 'pg-native'],
  // CommonJS dependencies call require() for Node's own modules; an ES module has none.
  banner: { js: "import { createRequire as __advocacyRequire } from 'node:module'; const require = __advocacyRequire(import.meta.url);" },
  // No source map: it would name files of other packages that the published package does not
  // hold. The bundle is not minified, and each module's code is headed by its path.
  legalComments: 'eof',
  logLevel: 'warning',
});
