/** HAProxy (the Debian package) in front of several server processes, for the multi-instance test. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitUntil } from './process.js';

export interface Balancer {
  url: string;
  child: ChildProcess;
  exited: Promise<number | NodeJS.Signals>;
  stop(): Promise<number | NodeJS.Signals>;
}

/** The haproxy binary on PATH (or in /usr/sbin); throws naming the Debian package when there is none. */
export function haproxyBinary(): string {
  for (const candidate of ['haproxy', '/usr/sbin/haproxy', '/usr/local/sbin/haproxy']) {
    const probe = spawnSync(candidate, ['-v'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  throw new Error('haproxy is not installed: the multi-instance test needs it (Debian/Ubuntu: apt-get install haproxy).');
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts haproxy in the foreground with a round-robin HTTP backend over `backends` (base URLs),
 * health-checked on /health/ready; each answer names the instance that gave it in
 * `X-Instance` (`i0`, `i1`, …). Resolves once every backend is up behind it.
 */
export async function startBalancer(dir: string, backends: string[]): Promise<Balancer> {
  const binary = haproxyBinary();
  const port = await freePort();
  const servers = backends.map((url, index) => {
    const { host } = new URL(url);
    return `  server i${index} ${host} check inter 500ms fall 3 rise 1`;
  });
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(
    config,
    [
      'global',
      '  maxconn 2048',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 30s',
      '  timeout server 30s',
      // A check may take a while on a busy machine (readiness writes to the database); without
      // this the check's timeout is its interval, and a slow answer takes the instance out.
      '  timeout check 5s',
      '  option forwardfor',
      'frontend advocacy',
      `  bind 127.0.0.1:${port}`,
      '  http-response set-header X-Instance %s',
      '  default_backend instances',
      'backend instances',
      '  balance roundrobin',
      '  option httpchk',
      // Node's HTTP server refuses a request without a Host header (HAProxy's default check has none).
      '  http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host localhost',
      '  http-check expect status 200',
      ...servers,
      '',
    ].join('\n'),
  );
  const check = spawnSync(binary, ['-c', '-f', config], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy refused its configuration:\n${check.stdout}${check.stderr}`);
  const child = spawn(binary, ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal!)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  try {
    // Up when every instance has answered through it (round robin: one request each, in turn).
    await waitUntil('haproxy to route to every instance', async () => {
      if (child.exitCode !== null) throw new Error(`haproxy exited (${child.exitCode}):\n${output}`);
      const seen = new Set<string>();
      for (let i = 0; i < backends.length * 2; i++) {
        const response = await fetch(`${url}/health/live`).catch(() => null);
        if (response?.status === 200) seen.add(response.headers.get('x-instance') ?? '');
        await response?.arrayBuffer();
      }
      return seen.size === backends.length;
    });
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}; haproxy said:\n${output}`, { cause: error });
  }
  return { url, child, exited, stop };
}
