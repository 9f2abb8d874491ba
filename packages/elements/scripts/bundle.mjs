// Builds the self-contained scripts for pages without a bundler (minified ES modules, Lit and
// core included):
//   dist/advocacy-kit.min.js       every component (src/all.ts)
//   dist/advocacy-feed.min.js      provider + feed + leaderboard (src/feed-bundle.ts); the share
//                                  dialog, which the feed loads on first need, and the code both
//                                  share are chunks in dist/chunks/, imported relative to the
//                                  script, so the script keeps working from any folder or CDN
//                                  as long as dist/chunks/ sits beside it.
//   dist/advocacy-admin.min.js     provider + the program-admin components (src/admin.ts), for
//                                  admin pages only; the employee bundles never carry them.
//   dist/advocacy-kit-demo.min.js  the in-memory demo company, which `<advocacy-provider demo>`
//                                  imports on demand from next to the script, so production
//                                  pages never download it.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
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

const DIALOG_IMPORT = "=> import('../share-dialog/share-dialog.lazy.js')";

/**
 * For the single-file scripts, which define the share dialog up front anyway: the feed's loader
 * gets the dialog's module statically. (A dynamic import inlined into one file makes esbuild wrap
 * the dialog and everything it imports in lazy initialisers, 1.5 KB brotli for nothing.)
 */
const dialogInline = {
  name: 'share-dialog-inline',
  setup(build) {
    build.onLoad({ filter: /[\\/]feed[\\/]share-dialog-loader\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes(DIALOG_IMPORT)) throw new Error(`${path} no longer contains ${DIALOG_IMPORT}`);
      const contents = `import * as shareDialogBundled from '../share-dialog/share-dialog.lazy.js';\n${source.replace(DIALOG_IMPORT, '=> Promise.resolve(shareDialogBundled)')}`;
      return { contents, loader: 'ts' };
    });
  },
};

await build({
  ...common,
  entryPoints: { 'advocacy-kit.min': 'src/all.ts', 'advocacy-admin.min': 'src/admin.ts' },
  plugins: [demoBesideScript, dialogInline, minifyTemplatesPlugin],
});

const CHUNKS = 'chunks';
// Chunk names carry a hash of their content: clear the last build's, so none ships stale.
await rm(new URL(`../dist/${CHUNKS}`, import.meta.url), { recursive: true, force: true });
const feed = await build({
  ...common,
  entryPoints: { 'advocacy-feed.min': 'src/feed-bundle.ts' },
  splitting: true,
  chunkNames: `${CHUNKS}/advocacy-[name]-[hash].min`,
  metafile: true,
  plugins: [demoBesideScript, minifyTemplatesPlugin],
});
// The demo import is relative to the file that holds it: it must stay in the entry script.
for (const [file, output] of Object.entries(feed.metafile.outputs)) {
  if (file.includes(`/${CHUNKS}/`) && output.imports.some((imported) => imported.path.endsWith(DEMO_FILE))) {
    throw new Error(`${file} imports ./${DEMO_FILE}, which is not beside it`);
  }
}
await build({ ...common, entryPoints: { [DEMO_FILE.replace(/\.js$/, '')]: '@advocacy-kit/core/memory' } });
