// The packages as a developer installs them: each published package is packed with `pnpm pack`,
// and the tarballs (not the workspace) are checked and installed into throwaway projects.
//
// - Each tarball holds LICENSE and README, no .tsbuildinfo, and the sources its source maps name;
//   elements' also holds the manifest and both editor-data files.
// - publint (warnings are errors) and arethetypeswrong (ESM-only profile: none of the packages
//   ships CommonJS) find nothing.
// - A project importing only `define/advocacy-feed.js` type-checks element properties and typed
//   events on `document` (the elements' own fixture, test/types/feed-only).
// - Core's declarations compile in a Node project without the DOM library and with
//   skipLibCheck false (core's own fixture, test/types/node-only).
// - A React 19 project type-checks the wrappers and the JSX tags (`@advocacy-kit/react/jsx`).
// - A React 18 and a React 19 app render <AdvocacyFeed> on the demo company in Chromium and
//   receive a real share through `onAdvocacyShare` (packages/react/test/app, built with Vite).
//
// The projects are installed in one throwaway pnpm workspace, offline from the pnpm store
// (falling back to --prefer-offline when the store lacks something). Run after `pnpm build`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { appDir, buildApp, launchChromium, serve } from '../../packages/react/test/support/browser.mjs';

const run = promisify(execFile);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const started = Date.now();
const PACKAGES = ['core', 'elements', 'server', 'contract-tests', 'react'];
const bin = (name) => join(repo, 'node_modules/.bin', name);
const tsc = createRequire(join(repo, 'package.json')).resolve('typescript/bin/tsc');
const work = mkdtempSync(join(tmpdir(), 'advocacy-consumers-'));
const packs = join(work, 'packs');
const projects = join(work, 'projects');
// The throwaway projects must not inherit the settings of the pnpm that runs this test.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_)/i.test(key)));

/** The version of `name` installed in the workspace package `from`: the one the pnpm store holds. */
function installedVersion(from, name) {
  return JSON.parse(readFileSync(join(repo, from, 'node_modules', name, 'package.json'), 'utf8')).version;
}

async function exec(file, args, options = {}) {
  try {
    return await run(file, args, { env, maxBuffer: 64 * 1024 * 1024, ...options });
  } catch (error) {
    error.message = `${[file, ...args].join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`;
    throw error;
  }
}

const tarballs = {};
let installed;
let installMode = 'not installed';
let linted;

/** Packs every package, then starts the install and the linters side by side. */
before(async () => {
  mkdirSync(packs);
  for (const name of PACKAGES) {
    const existing = new Set(readdirSync(packs));
    await exec('pnpm', ['pack', '--pack-destination', packs], { cwd: join(repo, 'packages', name) });
    const [file] = readdirSync(packs).filter((entry) => !existing.has(entry));
    assert.ok(file, `pnpm pack wrote no tarball for ${name}`);
    tarballs[name] = join(packs, file);
  }
  installed = install().then((mode) => (installMode = mode));
  linted = lint();
  // Settle both before a test awaits them, so one failing doesn't leave the other unhandled.
  installed.catch(() => {});
  linted.catch(() => {});
});

after(() => {
  rmSync(work, { recursive: true, force: true });
  console.log(`consumers test: ${((Date.now() - started) / 1000).toFixed(1)} s (pnpm install --${installMode})`);
});

/** The files of a tarball, without the leading `package/`. */
async function contents(tarball) {
  const { stdout } = await exec('tar', ['-tzf', tarball]);
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''));
}

async function lint() {
  const results = {};
  for (const name of PACKAGES) {
    await exec(bin('publint'), ['run', tarballs[name], '--strict'], { cwd: work });
    await exec(bin('attw'), [tarballs[name], '--profile', 'esm-only', '--format', 'ascii', '--no-color'], { cwd: work });
    results[name] = 'ok';
  }
  return results;
}

async function install() {
  const kit = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [`@advocacy-kit/${name}`, `file:${file}`]));
  const react = (major) =>
    major === 18
      ? { react: installedVersion('packages/react', 'react18'), 'react-dom': installedVersion('packages/react', 'react-dom18') }
      : { react: installedVersion('packages/react', 'react'), 'react-dom': installedVersion('packages/react', 'react-dom') };
  const project = (name, dependencies, files) => {
    const dir = join(projects, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module', dependencies }, null, 2));
    for (const [target, source] of Object.entries(files)) cpSync(source, join(dir, target), { recursive: true });
  };
  mkdirSync(projects, { recursive: true });
  writeFileSync(join(projects, 'package.json'), JSON.stringify({ name: 'consumers', private: true }));
  writeFileSync(
    join(projects, 'pnpm-workspace.yaml'),
    [
      'packages: ["*"]',
      // The kit's packages depend on one another by version: take them from the tarballs too.
      'overrides:',
      ...Object.entries(kit).map(([name, spec]) => `  "${name}": "${spec}"`),
      '',
    ].join('\n'),
  );
  const elementsTypes = join(repo, 'packages/elements/test/types/feed-only');
  const coreTypes = join(repo, 'packages/core/test/types/node-only');
  project(
    'define-only',
    { '@advocacy-kit/elements': kit['@advocacy-kit/elements'] },
    { 'index.ts': join(elementsTypes, 'index.ts'), 'tsconfig.json': join(elementsTypes, 'tsconfig.json') },
  );
  project(
    'node-only',
    { '@advocacy-kit/core': kit['@advocacy-kit/core'], '@types/node': installedVersion('packages/core', '@types/node') },
    { 'index.ts': join(coreTypes, 'index.ts'), 'tsconfig.json': join(coreTypes, 'tsconfig.json') },
  );
  project(
    'react18',
    { '@advocacy-kit/react': kit['@advocacy-kit/react'], ...react(18) },
    { 'index.html': join(appDir, 'index.html'), 'main.js': join(appDir, 'main.js') },
  );
  project(
    'react19',
    {
      '@advocacy-kit/react': kit['@advocacy-kit/react'],
      '@advocacy-kit/elements': kit['@advocacy-kit/elements'],
      ...react(19),
      '@types/react': installedVersion('packages/react', '@types/react'),
      '@types/react-dom': installedVersion('examples/react-host', '@types/react-dom'),
    },
    {
      'index.html': join(appDir, 'index.html'),
      'main.js': join(appDir, 'main.js'),
      'check.tsx': join(repo, 'tests/consumers/fixtures/react19/check.tsx'),
      'tsconfig.json': join(repo, 'tests/consumers/fixtures/react19/tsconfig.json'),
    },
  );
  const { stdout: store } = await exec('pnpm', ['store', 'path'], { cwd: repo });
  const args = ['install', '--store-dir', store.trim(), '--config.confirm-modules-purge=false'];
  try {
    await exec('pnpm', [...args, '--offline'], { cwd: projects });
    return 'offline';
  } catch {
    await exec('pnpm', [...args, '--prefer-offline'], { cwd: projects });
    return 'prefer-offline';
  }
}

test('each tarball holds LICENSE and README, no .tsbuildinfo, and the sources its source maps name', async () => {
  for (const name of PACKAGES) {
    const files = new Set(await contents(tarballs[name]));
    assert.ok(files.has('LICENSE'), `${name}: no LICENSE`);
    assert.ok(files.has('README.md'), `${name}: no README.md`);
    const buildInfo = [...files].filter((file) => file.endsWith('.tsbuildinfo'));
    assert.deepEqual(buildInfo, [], `${name}: ships ${buildInfo.join(', ')}`);
    const unpacked = join(work, 'unpacked', name);
    mkdirSync(unpacked, { recursive: true });
    await exec('tar', ['-xzf', tarballs[name], '-C', unpacked]);
    const missing = [];
    for (const map of [...files].filter((file) => file.endsWith('.map'))) {
      const { sources = [] } = JSON.parse(readFileSync(join(unpacked, 'package', map), 'utf8'));
      for (const source of sources) {
        const path = relative(join(unpacked, 'package'), resolve(dirname(join(unpacked, 'package', map)), source));
        if (!files.has(path)) missing.push(`${map} → ${path}`);
      }
    }
    assert.deepEqual(missing.slice(0, 5), [], `${name}: ${missing.length} source-map sources are not in the tarball`);
  }
});

test("elements' tarball holds the manifest and both editor-data files, and package.json points at them", async () => {
  const files = new Set(await contents(tarballs.elements));
  for (const file of ['custom-elements.json', 'vscode.html-custom-data.json', 'web-types.json']) {
    assert.ok(files.has(file), `elements: no ${file}`);
  }
  const pkg = JSON.parse(readFileSync(join(work, 'unpacked/elements/package/package.json'), 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.equal(pkg['web-types'], './web-types.json');
  for (const field of ['jsdelivr', 'unpkg'])
    assert.ok(files.has(pkg[field].replace(/^\.\//, '')), `${field}: ${pkg[field]} is not in the tarball`);
  const manifest = JSON.parse(readFileSync(join(work, 'unpacked/elements/package/custom-elements.json'), 'utf8'));
  const definitions = manifest.modules.flatMap((module) =>
    (module.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition'),
  );
  assert.ok(definitions.length > 0, 'no custom-element-definition exports');
  for (const module of manifest.modules) assert.ok(files.has(module.path), `manifest module ${module.path} is not in the tarball`);
});

test('publint and arethetypeswrong report no errors', async () => {
  assert.deepEqual(await linted, Object.fromEntries(PACKAGES.map((name) => [name, 'ok'])));
});

test('a project importing only define/advocacy-feed.js type-checks properties and typed events on document', async () => {
  await installed;
  await exec(process.execPath, [tsc, '-p', join(projects, 'define-only')]);
});

test("core's declarations compile in a Node project without the DOM library (skipLibCheck false)", async () => {
  await installed;
  await exec(process.execPath, [tsc, '-p', join(projects, 'node-only')]);
});

test('a React 19 project type-checks the wrappers and the JSX tags', async () => {
  await installed;
  await exec(process.execPath, [tsc, '-p', join(projects, 'react19')]);
});

test('React 18 and React 19 apps render the feed with the wrappers in Chromium and receive advocacy-share', async () => {
  await installed;
  const browser = await launchChromium();
  try {
    for (const major of ['18', '19']) {
      const root = join(projects, `react${major}`);
      const outDir = join(root, 'dist');
      await buildApp({ root, outDir });
      assert.ok(existsSync(join(outDir, 'index.html')));
      const server = await serve(outDir);
      try {
        const result = await browser.run(server.url, 'window.advocacyTest.share()');
        assert.equal(result.react.split('.')[0], major);
        assert.equal(result.headingLevel, 2);
        assert.equal(result.network, 'x');
        assert.match(result.trackingUrl, /^https:\/\/\S+\/r\/\S+$/);
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
});
