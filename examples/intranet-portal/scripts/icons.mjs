// Renders the app icon (public/icons/icon.svg) to the PNG sizes the web app manifest lists, with
// the Chromium the tests use: no image library needed. Run after changing the SVG:
//   node scripts/icons.mjs
// The icon fills the whole square (safe for "maskable": the cloud sits inside the middle 80 %).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { playwrightLaunchOptions } from '../../../scripts/chromium.mjs';
import { PORTAL_DIR } from './stack.mjs';

const SIZES = [180, 192, 512];
const svg = readFileSync(join(PORTAL_DIR, 'public', 'icons', 'icon.svg'), 'utf8');
const browser = await chromium.launch(playwrightLaunchOptions);
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<!doctype html><style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    const path = join(PORTAL_DIR, 'public', 'icons', `icon-${size}.png`);
    await page.screenshot({ path, omitBackground: false });
    await page.close();
    console.log(`wrote ${path}`);
  }
} finally {
  await browser.close();
}
