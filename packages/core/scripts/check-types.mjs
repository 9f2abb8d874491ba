// Type-checks the BUILT declarations (dist/*.d.ts) as a Node service would see them: the fixture
// in test/types/node-only has no DOM library and `skipLibCheck: false`, and imports every entry
// point through the package's exports. Run after `pnpm build`; part of `pnpm test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../dist/index.d.ts', import.meta.url))) {
  console.error('check-types: dist/ is missing; run `pnpm build` first.');
  process.exit(1);
}
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'test/types/node-only'], { cwd: root, stdio: 'inherit' });
if (result.status === 0) console.log('check-types: core declarations compile in a Node project without the DOM library');
process.exit(result.status ?? 1);
