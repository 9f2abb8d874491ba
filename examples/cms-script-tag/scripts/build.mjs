// Assembles dist/: the CMS page and its stylesheet, plus the self-contained Advocacy Kit script
// copied from @advocacy-kit/elements (built first by `pnpm -r run build`), and beside it the
// demo company that `<advocacy-provider demo>` loads on demand (a real site leaves that file out).
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const elementsDist = join(dirname(require.resolve('@advocacy-kit/elements/package.json')), 'dist');
const scripts = ['advocacy-kit.min.js', 'advocacy-kit-demo.min.js'];
for (const script of scripts) {
  if (!existsSync(join(elementsDist, script))) {
    console.error(`Missing ${join(elementsDist, script)}: build @advocacy-kit/elements first (pnpm -r run build).`);
    process.exit(1);
  }
}
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
cpSync(join(root, 'src'), dist, { recursive: true });
for (const script of scripts) copyFileSync(join(elementsDist, script), join(dist, script));
console.log(`cms-script-tag: assembled ${dist}`);
