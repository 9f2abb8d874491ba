// Starts the reference server (embedded SQLite, demo sign-in) and the built portal behind a
// proxy, as child processes. Used by `start.mjs` (the demo), the end-to-end test and the
// Lighthouse benchmark, so all three run the same thing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PORTAL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(PORTAL_DIR, 'package.json'));
const SERVER_BIN = join(dirname(require.resolve('@advocacy-kit/server/package.json')), 'bin', 'advocacy-server.js');
const VITE_BIN = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');

/** `preferred` when it is free, otherwise any free port (0 asks for any free port). */
export function freePort(preferred = 0) {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', (error) => {
      if (preferred !== 0 && error.code === 'EADDRINUSE') resolvePort(freePort(0));
      else reject(error);
    });
    probe.listen(preferred, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** Builds the portal into `dist/` (the packages it embeds must be built already). */
export function buildPortal({ quiet = false } = {}) {
  const result = spawnSync(process.execPath, [VITE_BIN, 'build', '--logLevel', quiet ? 'warn' : 'info'], {
    cwd: PORTAL_DIR,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The portal build failed (see above).');
}

/**
 * Demo sign-in signs its tokens with a secret the server keeps in the database, so they survive
 * a restart; it refuses a configured AUTH_JWT_SECRET (and NODE_ENV=production), so neither is
 * passed on from the caller's environment.
 */
function serverEnv({ port, dataDir, publicUrl, logLevel }) {
  const { AUTH_JWT_SECRET: _secret, NODE_ENV: _mode, ...inherited } = process.env;
  return {
    ...inherited,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: publicUrl,
    ADVOCACY_DEMO_AUTH: '1',
    LOG_LEVEL: logLevel,
  };
}

function runServerCommand(command, env) {
  const result = spawnSync(process.execPath, [SERVER_BIN, command], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`advocacy-server ${command} failed (see above).`);
}

/**
 * Creates the database and loads the demo company the first time `dataDir` is used; later
 * starts keep what the demo has recorded. The posts' pictures are the portal's own
 * (`public/demo-images/`, drawn by scripts/demo-images.mjs), at the portal's origin (`publicUrl`).
 */
export function prepareDatabase({ dataDir, port, publicUrl, logLevel = 'warn' }) {
  mkdirSync(dataDir, { recursive: true });
  const env = { ...serverEnv({ port, dataDir, publicUrl, logLevel }), DEMO_IMAGES_URL: `${publicUrl}/demo-images` };
  const firstStart = !existsSync(join(dataDir, 'advocacy.sqlite'));
  // `seed` migrates first; `start` migrates an existing database itself.
  if (firstStart) runServerCommand('seed', env);
  return { seeded: firstStart };
}

/** Waits until `url` answers (any status below 500), or the process dies, or time runs out. */
async function waitForHttp(url, child, name, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready.`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 150));
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs / 1000} s.`);
}

/** A child process with a `stop()` that waits for it to exit. */
function managed(child) {
  const exited = new Promise((done) => child.once('exit', done));
  return {
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Starts `advocacy-server start` on `port` and resolves once `/health` answers. */
export async function startServer({ port, dataDir, publicUrl, logLevel = 'warn', stdio = 'inherit' }) {
  const child = spawn(process.execPath, [SERVER_BIN, 'start'], {
    env: serverEnv({ port, dataDir, publicUrl, logLevel }),
    stdio: ['ignore', stdio, stdio],
  });
  const server = managed(child);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/health`, child, 'The advocacy server');
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { ...server, url: `http://127.0.0.1:${port}` };
}

/** Serves the built portal (`dist/`, or `outDir`) on `port`, proxying `/api` and `/r` to `serverUrl`. */
export async function startPortal({ port, serverUrl, stdio = 'inherit', outDir }) {
  const child = spawn(
    process.execPath,
    [
      VITE_BIN,
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--logLevel',
      'warn',
      ...(outDir ? ['--outDir', outDir] : []),
    ],
    { cwd: PORTAL_DIR, env: { ...process.env, ADVOCACY_SERVER_URL: serverUrl }, stdio: ['ignore', stdio, stdio] },
  );
  const portal = managed(child);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/signin.html`, child, 'The portal');
  } catch (error) {
    await portal.stop();
    throw error;
  }
  return { ...portal, url: `http://127.0.0.1:${port}` };
}

/**
 * The whole demo: database ready, server and portal running. Returns their URLs and a `stop()`
 * that ends both.
 */
export async function startStack({
  dataDir,
  serverPort = 0,
  portalPort = 0,
  logLevel = 'warn',
  stdio = 'inherit',
  portalStdio = stdio,
  outDir,
  onProgress = () => {},
}) {
  const [apiPort, webPort] = [await freePort(serverPort), await freePort(portalPort)];
  const publicUrl = `http://127.0.0.1:${webPort}`;
  if (!existsSync(join(dataDir, 'advocacy.sqlite'))) onProgress('Creating the database and loading the demo company (first start)…');
  const { seeded } = prepareDatabase({ dataDir, port: apiPort, publicUrl, logLevel });
  const server = await startServer({ port: apiPort, dataDir, publicUrl, logLevel, stdio });
  let portal;
  try {
    portal = await startPortal({ port: webPort, serverUrl: server.url, stdio: portalStdio, outDir });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    seeded,
    server,
    portal,
    url: portal.url,
    /** Starts the server again on the same port and database (after `server.stop()`). */
    async restartServer() {
      this.server = await startServer({ port: apiPort, dataDir, publicUrl, logLevel, stdio });
      return this.server;
    },
    async stop() {
      await Promise.all([this.portal.stop(), this.server.stop()]);
    },
  };
}
