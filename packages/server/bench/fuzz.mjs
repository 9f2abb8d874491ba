// Generated input at full scale: test/security/generated-input.test.ts with many more requests per
// route (FUZZ_RUNS, default 2 000 per operation and database, ≈ 100 000 per database) and a new
// seed each run unless FUZZ_SEED replays one. PostgreSQL from TEST_DATABASE_URL, as for the tests
// (ADVOCACY_SKIP_POSTGRES=1 runs SQLite alone).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.env.FUZZ_RUNS ?? '2000';
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`generated input: FUZZ_RUNS=${runs} FUZZ_SEED=${seed}`);
const started = performance.now();
const result = spawnSync(process.execPath, ['--test', '--import', 'tsx', join('test', 'security', 'generated-input.test.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
console.log(`generated input: ${((performance.now() - started) / 1000).toFixed(1)} s; replay with FUZZ_RUNS=${runs} FUZZ_SEED=${seed}`);
process.exit(result.status ?? 1);
