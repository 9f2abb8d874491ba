// Lighthouse 12 on the demo portal's home page, signed in, with the feed: builds the packages and
// the portal, starts the reference server (fresh seeded SQLite) and the portal, signs in as a
// seeded employee, then audits the page in the same tab and prints the scores.
//
//   node bench/lighthouse.mjs [--desktop] [--employee emp-kenji]
//
// Targets: performance ≥ 95, accessibility 100. Needs Chromium (CHROME_PATH, default
// /usr/bin/chromium). The full report goes to bench/results/lighthouse-<form factor>.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromiumPath, headlessArgs } from '../scripts/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const portalDir = join(root, 'examples', 'intranet-portal');
const { values: options } = parseArgs({
  options: { desktop: { type: 'boolean', default: false }, employee: { type: 'string', default: 'emp-kenji' } },
});

// Lighthouse is the portal's dev dependency; puppeteer-core and chrome-launcher come with it.
const fromPortal = createRequire(join(portalDir, 'package.json'));
const lighthousePath = fromPortal.resolve('lighthouse');
const fromLighthouse = createRequire(lighthousePath);
const { default: lighthouse, desktopConfig } = await import(pathToFileURL(lighthousePath).href);
const chromeLauncher = await import(pathToFileURL(fromLighthouse.resolve('chrome-launcher')).href);
const { default: puppeteer } = await import(pathToFileURL(fromLighthouse.resolve('puppeteer-core')).href);
const { buildPortal, startStack } = await import(pathToFileURL(join(portalDir, 'scripts', 'stack.mjs')).href);

const execPath = process.env.npm_execpath;
const pnpm = !execPath ? ['pnpm'] : /\.[cm]?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
console.log('Building the packages and the portal…');
const build = spawnSync(pnpm[0], [...pnpm.slice(1), '--filter', '@advocacy-kit/example-intranet-portal^...', 'run', 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) throw new Error('The package build failed.');
buildPortal({ quiet: true });

const dataDir = mkdtempSync(join(tmpdir(), 'advocacy-lighthouse-'));
const stack = await startStack({ dataDir, portalStdio: 'ignore' });
let chrome;
let browser;
try {
  chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: headlessArgs,
  });
  browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  const page = await browser.newPage();

  // Sign in through the demo sign-in page; the token lives in this tab's sessionStorage, so
  // Lighthouse audits the home page in this same tab and must not reset storage.
  await page.goto(`${stack.url}/signin.html`);
  await page.waitForSelector('#signin-employee:not([disabled])');
  await page.select('#signin-language', 'ja');
  await page.select('#signin-employee', options.employee);
  await Promise.all([page.waitForNavigation(), page.click('#signin-form button[type="submit"]')]);

  const result = await lighthouse(
    `${stack.url}/`,
    { disableStorageReset: true, logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
    options.desktop ? desktopConfig : undefined,
    page,
  );
  const lhr = result.lhr;
  const formFactor = options.desktop ? 'desktop' : 'mobile';
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', `lighthouse-${formFactor}.json`), JSON.stringify(lhr, null, 2));

  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id) => lhr.audits[id]?.displayValue ?? 'n/a';
  console.log(`\nLighthouse ${lhr.lighthouseVersion} — ${lhr.finalDisplayedUrl} (${formFactor}, signed in as ${options.employee})`);
  console.log(`  performance    ${score('performance')}   (target ≥ 95)`);
  console.log(`  accessibility  ${score('accessibility')}   (target 100)`);
  console.log(
    `  FCP ${metric('first-contentful-paint')} · LCP ${metric('largest-contentful-paint')} · TBT ${metric('total-blocking-time')} · CLS ${metric('cumulative-layout-shift')} · SI ${metric('speed-index')}`,
  );
  // What Lighthouse flags: failed accessibility audits and performance audits below 0.9.
  const flagged = Object.values(lhr.categories).flatMap((category) =>
    category.auditRefs
      .map((ref) => lhr.audits[ref.id])
      .filter((audit) => audit.score !== null && audit.score < (category.id === 'accessibility' ? 1 : 0.9))
      .filter((audit) => audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual')
      .map((audit) => `  [${category.id}] ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`),
  );
  console.log(flagged.length > 0 ? `\nFlagged:\n${flagged.join('\n')}` : '\nNothing flagged.');
} finally {
  await browser?.disconnect();
  await chrome?.kill();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
