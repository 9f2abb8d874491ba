// The wrappers under React 18 and React 19 in Chromium: a provider on the demo company and a feed,
// with a share received through `onAdvocacyShare`. The app in test/app is built with Vite once per
// React version (React 18 comes from the `react18`/`react-dom18` aliases).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { appDir, buildApp, launchChromium, serve } from './support/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));
const work = mkdtempSync(join(tmpdir(), 'advocacy-react-'));
let browser;

/** Aliases that make the app see this package's build and, for 18, React 18. */
function aliases(react18) {
  const self = [{ find: /^@advocacy-kit\/react$/, replacement: join(root, 'dist/index.js') }];
  if (!react18) return self;
  const react = packageDir('react18');
  const reactDom = packageDir('react-dom18');
  return [
    ...self,
    { find: /^react$/, replacement: join(react, 'index.js') },
    { find: /^react\/jsx-runtime$/, replacement: join(react, 'jsx-runtime.js') },
    { find: /^react-dom$/, replacement: join(reactDom, 'index.js') },
    { find: /^react-dom\/client$/, replacement: join(reactDom, 'client.js') },
  ];
}

before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

for (const [major, react18] of [
  ['18', true],
  ['19', false],
]) {
  test(`React ${major}: <AdvocacyFeed> renders on the demo company and a share arrives through onAdvocacyShare`, async () => {
    const outDir = join(work, `react-${major}`);
    // Vite is the workspace's (root dev dependency).
    await buildApp({ root: appDir, outDir, alias: aliases(react18) });
    const server = await serve(outDir);
    try {
      const result = await browser.run(server.url, 'window.advocacyTest.share()');
      assert.equal(result.react.split('.')[0], major);
      assert.equal(result.headingLevel, 2, 'a prop reaches the element as a property');
      assert.equal(result.network, 'x');
      assert.match(result.trackingUrl, /^https:\/\/\S+\/r\/\S+$/);
    } finally {
      await server.close();
    }
  });
}
