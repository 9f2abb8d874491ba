// Browser tests (*.browser.test.ts) in Debian's Chromium, TypeScript compiled by esbuild.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumPath, headlessArgs } from '../../scripts/chromium.mjs';

export default {
  files: ['src/**/*.browser.test.ts'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        args: headlessArgs,
      },
    }),
  ],
  // nanostores reads process.env.NODE_ENV without a guard.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script>window.process = { env: { NODE_ENV: 'development' } };</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
