// Starts the company API and serves the intranet page on top of it (built into dist/ first by
// `pnpm build`). Prints the URL; Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCompanyApi } from '../dist/company-api/server.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vite = join(dirname(createRequire(join(root, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');

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

async function waitUntilServing(url, child) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The page server exited with code ${child.exitCode}.`);
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((done) => setTimeout(done, 150));
  }
  throw new Error(`The page server did not answer at ${url}.`);
}

/** Starts the company API and the page server; `stop()` ends both. */
export async function startExample({ port = 0, apiPort = 0, stdio = 'inherit' } = {}) {
  const api = await startCompanyApi(apiPort);
  const pagePort = port === 0 ? await freePort() : port;
  const page = spawn(
    process.execPath,
    [vite, 'preview', '--outDir', 'dist/page', '--host', '127.0.0.1', '--port', String(pagePort), '--strictPort', '--logLevel', 'warn'],
    { cwd: root, env: { ...process.env, COMPANY_API_URL: api.url }, stdio: ['ignore', stdio, stdio] },
  );
  const exited = new Promise((done) => page.once('exit', done));
  const stop = async () => {
    if (page.exitCode === null && page.signalCode === null) {
      page.kill('SIGTERM');
      await exited;
    }
    await api.close();
  };
  const url = `http://127.0.0.1:${pagePort}`;
  try {
    await waitUntilServing(url, page);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, api, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const example = await startExample({ port: Number(process.env.PORT ?? 5174) });
  console.log(`Acme intranet on the company API: ${example.url}/  (company API: ${example.api.url}/v2)  Ctrl-C to stop.`);
  const shutdown = () => void example.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
