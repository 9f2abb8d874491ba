import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The real command, compiled (scripts/run-tests.mjs builds before testing). */
export const BIN = join(root, 'bin', 'advocacy-server.js');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** The log lines other than per-request ones. */
  log(): string;
  /** Resolves with the exit code (or the signal that ended it). */
  exited: Promise<number | NodeJS.Signals>;
}

/** Starts `advocacy-server start` (with `nodeArgs` before it) and resolves once it listens. */
export function startServerProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'start'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let partial = '';
  const keep = (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (!line.includes('"msg":"request"')) log += `${line}\n`;
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal!)));
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /"msg":"listening","url":"([^"]+)"/.exec(log);
      if (match === null) return;
      child.stdout!.off('data', onData);
      resolve({ child, url: match[1]!, log: () => log + partial, exited });
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`the server exited before listening (${code}):\n${log}${partial}`)));
  });
}

/** Visitor `n`: an address and a browser build of its own, so each request is a unique human click. */
export const visitor = (n: number) => ({
  ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.${n}.0 Safari/537.36`,
});

export interface RedirectLoad {
  /** 302s received, per tracking code. */
  answered: Map<string, number>;
  total(): number;
  /** Requests sent (answered or not). */
  sent(): number;
  /** Resolves once `count` redirects have been answered. */
  reach(count: number): Promise<void>;
  /** Stops sending; resolves when every request in flight has settled. */
  stop(): Promise<void>;
}

/**
 * Redirect load from this process: `concurrency` keep-alive connections, each sending the next
 * visitor (X-Forwarded-For and User-Agent; the server runs with TRUST_PROXY=1) to the next code,
 * until stopped or the server stops answering.
 */
export function redirectLoad(url: string, codes: string[], options: { concurrency: number; firstVisitor?: number }): RedirectLoad {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const answered = new Map<string, number>(codes.map((code) => [code, 0]));
  let next = options.firstVisitor ?? 1;
  let sent = 0;
  let total = 0;
  let stopped = false;
  const waiting: { count: number; resolve: () => void }[] = [];
  const one = (n: number) =>
    new Promise<boolean>((resolve) => {
      const code = codes[n % codes.length]!;
      const { ip, userAgent } = visitor(n);
      const req = request(`${url}/r/${code}`, { agent, headers: { 'user-agent': userAgent, 'x-forwarded-for': ip } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 302) {
            answered.set(code, answered.get(code)! + 1);
            total++;
            for (const wait of waiting.filter((w) => total >= w.count)) {
              waiting.splice(waiting.indexOf(wait), 1);
              wait.resolve();
            }
          }
          resolve(res.statusCode === 302);
        });
        res.on('error', () => resolve(false));
      });
      req.on('error', () => resolve(false));
      req.end();
    });
  const loop = async () => {
    while (!stopped) {
      sent++;
      if (!(await one(next++))) break;
    }
  };
  const loops = Promise.all(Array.from({ length: options.concurrency }, loop));
  return {
    answered,
    total: () => total,
    sent: () => sent,
    reach: (count) =>
      total >= count
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiting.push({ count, resolve });
            // Every connection gave up: the count will not be reached.
            void loops.then(() => reject(new Error(`the load stopped after ${total} redirects, before ${count}`)));
          }),
    async stop() {
      stopped = true;
      await loops;
      agent.destroy();
    },
  };
}
