// Redirect benchmark: the real server (SQLite, one tracking link) against a bare node:http server
// redirecting from a Map, measured in the same run with autocannon on loopback: 64 connections,
// 10 s each, a human user agent and a different visitor address (X-Forwarded-For) per request,
// so every request is a unique human click that the server records. Needs `pnpm build` first.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, '..', 'dist', 'index.js'))) {
  console.error('Build first: pnpm --filter @advocacy-kit/server build');
  process.exit(1);
}

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 64;
const HUMAN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const code = randomBytes(12).toString('base64url');
const destination = `https://example.com/article?utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=post&utm_content=share&adv_ref=${code}`;

function start(script) {
  const child = spawn(process.execPath, [join(here, script)], {
    env: { ...process.env, BENCH_CODE: code, BENCH_DESTINATION: destination },
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
  });
  const ready = child.stdio[3];
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        ready.off('data', onData);
        resolve({ child, url: JSON.parse(line).url });
      }
    };
    ready.on('data', onData);
    child.on('exit', (status) => reject(new Error(`${script} exited with ${status}`)));
  });
}

async function load(name, url) {
  let visitor = 0;
  const result = await autocannon({
    url: `${url}/r/${code}`,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { 'user-agent': HUMAN },
    requests: [
      {
        setupRequest(request) {
          visitor = (visitor + 1) % 16_777_216;
          request.headers = { ...request.headers, 'x-forwarded-for': `10.${visitor >> 16}.${(visitor >> 8) & 255}.${visitor & 255}` };
          return request;
        },
      },
    ],
  });
  const redirects = result['3xx'];
  const others = result.non2xx - redirects;
  console.log(
    `${name.padEnd(10)} ${result.requests.average.toFixed(0).padStart(7)} req/s  p50 ${String(result.latency.p50).padStart(3)} ms  p99 ${String(result.latency.p99).padStart(3)} ms  (${redirects} redirects, ${others} other responses, ${result.errors} errors)`,
  );
  return result;
}

const stop = (child) =>
  new Promise((resolve) => {
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });

console.log(`redirect benchmark: ${CONNECTIONS} connections, ${DURATION} s each, loopback, Node ${process.version}`);
const bare = await start('bare-redirect.mjs');
const bareResult = await load('bare', bare.url);
await stop(bare.child);
const server = await start('advocacy-redirect.mjs');
const serverResult = await load('advocacy', server.url);
await stop(server.child);

const ratio = serverResult.requests.average / bareResult.requests.average;
console.log(`ratio      ${(ratio * 100).toFixed(1)}% of bare (target ≥ 60%); advocacy p99 ${serverResult.latency.p99} ms (target ≤ 10 ms)`);
