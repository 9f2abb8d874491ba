// Assembles dist/: the CMS page and its stylesheet, plus the self-contained Advocacy Kit script
// copied from @advocacy-kit/elements (built first by `pnpm -r run build`).
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const script = join(dirname(require.resolve('@advocacy-kit/elements/package.json')), 'dist', 'advocacy-kit.min.js');
if (!existsSync(script)) {
  console.error(`Missing ${script}: build @advocacy-kit/elements first (pnpm -r run build).`);
  process.exit(1);
}
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
cpSync(join(root, 'src'), dist, { recursive: true });
copyFileSync(script, join(dist, 'advocacy-kit.min.js'));
console.log(`cms-script-tag: assembled ${dist}`);
