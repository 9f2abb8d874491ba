import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { chromiumPath, headlessArgs } from '../../scripts/chromium.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/**
 * `executeServerCommand('emulate-touch', { enabled })`: the page as on a touch screen, whose
 * primary pointer is coarse (`(pointer: coarse)` matches), through the DevTools protocol. The
 * protocol session stays open for the page: closing it would end the emulation.
 */
const touchSessions = new WeakMap();
const emulateTouch = {
  name: 'emulate-touch',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-touch') return undefined;
    const page = session.browser.getPage(session.id);
    if (!touchSessions.has(page)) touchSessions.set(page, await page.createCDPSession());
    const enabled = Boolean(payload?.enabled);
    await touchSessions.get(page).send('Emulation.setTouchEmulationEnabled', enabled ? { enabled, maxTouchPoints: 5 } : { enabled });
    return true;
  },
};

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig, target: 'es2022' }), emulateTouch],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        args: headlessArgs,
      },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head>
    <script>window.process = { env: { NODE_ENV: 'development' } };</script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
