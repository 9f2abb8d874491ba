/** The built `advocacy-server start` as a child process, for tests where the process boundary matters. */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The real command, compiled (scripts/run-tests.mjs builds before testing). */
export const BIN = join(root, 'bin', 'advocacy-server.js');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** The output so far, without the per-request log lines. */
  log(): string;
  /** Its JSON log lines so far (per-request ones left out). */
  logs(): Array<Record<string, unknown> & { msg: string; level: string }>;
  /** Resolves with the exit code (or the signal that ended it). */
  exited: Promise<number | NodeJS.Signals>;
  /** SIGTERM unless it has ended already; resolves with how it exited. */
  stop(): Promise<number | NodeJS.Signals>;
}

/** Starts `advocacy-server start` (with `nodeArgs` before it) and resolves once it listens. */
export function startServerProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'start'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let partial = '';
  const keep = (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (!line.includes('"msg":"request"')) output += `${line}\n`;
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal!)));
  const log = () => output + partial;
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /"msg":"listening","url":"([^"]+)"/.exec(output);
      if (match === null) return;
      child.stdout!.off('data', onData);
      resolve({
        child,
        url: match[1]!,
        log,
        logs: () =>
          log()
            .split('\n')
            .filter((line) => line.startsWith('{'))
            .map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string; level: string }),
        exited,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`the server exited before listening (${code}):\n${log()}`)));
  });
}

/** Polls `condition` until it holds (or throws after `timeoutMs`, saying what was awaited). */
export async function waitUntil<T>(
  what: string,
  condition: () => Promise<T | null | false> | T | null | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
