// Builds the self-contained scripts for pages without a bundler (minified ES modules, Lit and
// core included):
//   dist/advocacy-kit.min.js       every component (src/all.ts)
//   dist/advocacy-feed.min.js      provider + feed + share dialog + leaderboard (src/feed-bundle.ts)
//   dist/advocacy-admin.min.js     provider + the program-admin components (src/admin.ts), for
//                                  admin pages only; the employee bundles never carry them.
//   dist/advocacy-kit-demo.min.js  the in-memory demo company, which `<advocacy-provider demo>`
//                                  imports on demand from next to the script, so production
//                                  pages never download it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEMO_FILE = 'advocacy-kit-demo.min.js';

const common = {
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
  // Japanese strings as UTF-8, not \u escapes: half the bytes.
  charset: 'utf8',
  tsconfig: 'tsconfig.json',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

/** Leaves the demo import to the browser, pointing it at the demo script beside the bundle. */
const demoBesideScript = {
  name: 'demo-beside-script',
  setup(build) {
    build.onResolve({ filter: /^@advocacy-kit\/core\/memory$/ }, () => ({ path: `./${DEMO_FILE}`, external: true }));
  },
};

await build({
  ...common,
  entryPoints: { 'advocacy-kit.min': 'src/all.ts', 'advocacy-feed.min': 'src/feed-bundle.ts', 'advocacy-admin.min': 'src/admin.ts' },
  plugins: [demoBesideScript, minifyTemplatesPlugin],
});
await build({ ...common, entryPoints: { [DEMO_FILE.replace(/\.js$/, '')]: '@advocacy-kit/core/memory' } });
