/**
 * The one Chromium every browser test and benchmark launches: Debian's (or CHROME_PATH), with
 * the flags that let it run as root in a sandbox and keep it off the network it can't reach.
 */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** For launchers that do not add a headless flag themselves (web-test-runner, chrome-launcher). */
export const headlessArgs = ['--headless=new', ...chromiumArgs];

/** `chromium.launch()` options for playwright-core. */
export const playwrightLaunchOptions = { executablePath: chromiumPath, args: chromiumArgs };
