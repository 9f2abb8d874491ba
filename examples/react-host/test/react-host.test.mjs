// The React host in Chromium: the client passed as a property drives the components, and a
// share comes back to React through the `advocacy-share` event listened to on a ref.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { playwrightLaunchOptions } from '../../../scripts/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vite = join(dirname(createRequire(join(root, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
let preview;
let browser;
let url;

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

before(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  preview = spawn(
    process.execPath,
    [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(url).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || preview.exitCode !== null) throw new Error('vite preview did not start (run `pnpm build` first)');
    await new Promise((done) => setTimeout(done, 150));
  }
  browser = await chromium.launch(playwrightLaunchOptions);
});
after(async () => {
  await browser?.close();
  if (preview && preview.exitCode === null) {
    const exited = new Promise((done) => preview.once('exit', done));
    preview.kill('SIGTERM');
    await exited;
  }
});

test('a share in <advocacy-feed> shows up in React state through the advocacy-share event', async () => {
  const context = await browser.newContext();
  await context.route(/^https:\/\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>external</title>' }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}/`);

  const log = page.getByRole('region', { name: 'Shared this session' });
  await log.getByText('Nothing yet').waitFor();
  const feed = page.getByRole('list', { name: 'Posts to share' });
  const title = await feed.getByRole('heading').first().innerText();
  await page.getByRole('button', { name: `Share “${title}”` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'X', exact: true }).check();
  const popupOpened = context.waitForEvent('page');
  await dialog.getByRole('button', { name: 'Share on X' }).click();
  await (await popupOpened).close();

  const entry = log.getByRole('listitem').first();
  await entry.waitFor();
  assert.match(await entry.innerText(), /^x: https:\/\/\S+\/r\/\S+ \(\+\d+\)$/);
  assert.deepEqual(errors, []);
  await context.close();
});
