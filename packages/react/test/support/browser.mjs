// Builds a small React app with Vite and runs it in Chromium, driven over the DevTools protocol
// (through a pipe, so no driver library is needed). Used by this package's tests and by the
// consumers test, which runs the same app against the packed tarballs.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, headlessArgs } from '../../../../scripts/chromium.mjs';

/** The app both React versions run: a provider on the demo company and a feed whose share is read. */
export const appDir = fileURLToPath(new URL('../app', import.meta.url));

/**
 * Builds the app in `root` into `outDir` with the Vite found at `vitePath` (an import specifier
 * or file URL); `alias` redirects modules (React 18 under its alias name, for instance).
 */
export async function buildApp({ vite = 'vite', root, outDir, alias = [] }) {
  const { build } = await import(vite);
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    resolve: { alias },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** Serves `dir` on a free local port. */
export async function serve(dir) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  // Chromium keeps its connections open; close them too, or `close()` waits for its idle timeout.
  const close = () =>
    new Promise((done) => {
      server.close(done);
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${server.address().port}/`, close };
}

/** Starts headless Chromium with the DevTools protocol on fds 3 and 4. */
export async function launchChromium() {
  // Pages opened over the protocol count as background tabs: keep their timers at full speed.
  const foreground = [
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ];
  const child = spawn(chromiumPath, [...headlessArgs, ...foreground, '--remote-debugging-pipe', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const input = child.stdio[3];
  const output = child.stdio[4];
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  let buffer = '';
  output.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id && pending.has(message.id)) {
        const { resolve, reject } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) reject(new Error(`${message.error.message} ${message.error.data ?? ''}`));
        else resolve(message.result);
      } else {
        for (const listener of listeners) listener(message);
      }
    }
  });
  const exited = new Promise((done) => child.once('exit', done));
  exited.then(() => {
    for (const { reject } of pending.values()) reject(new Error(`Chromium exited: ${stderr.slice(-2000)}`));
    pending.clear();
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });

  return {
    /**
     * Opens `url`, then evaluates `expression` (awaited, with a user gesture so popups are
     * allowed) and resolves with its value. Uncaught page errors reject.
     */
    async run(url, expression, { timeoutMs = 180_000 } = {}) {
      const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
      const errors = [];
      let loaded;
      const load = new Promise((done) => (loaded = done));
      const listener = (message) => {
        if (message.sessionId !== sessionId) return;
        if (message.method === 'Runtime.exceptionThrown') {
          const details = message.params.exceptionDetails;
          errors.push(details.exception?.description ?? details.text);
        }
        if (message.method === 'Page.loadEventFired') loaded();
      };
      listeners.add(listener);
      let timer;
      try {
        await send('Runtime.enable', {}, sessionId);
        await send('Page.enable', {}, sessionId);
        await send('Page.navigate', { url }, sessionId);
        await load;
        const evaluation = send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, userGesture: true }, sessionId);
        const timeout = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms; page errors: ${errors.join('; ')}`)), timeoutMs);
        });
        const result = await Promise.race([evaluation, timeout]);
        if (result.exceptionDetails) {
          throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
        }
        if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
        return result.result.value;
      } finally {
        clearTimeout(timer);
        listeners.delete(listener);
        await send('Target.closeTarget', { targetId }).catch(() => {});
      }
    },
    async close() {
      if (child.exitCode === null) {
        send('Browser.close').catch(() => {});
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
}
