/**
 * A private PostgreSQL cluster a fault test may stop, freeze and terminate without touching the
 * one the other suites share: started with the repository's scripts/postgres.mjs, controlled
 * with pg_ctl and signals.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';

interface Throwaway {
  url: string;
  stop(): void;
}

export interface PgCluster {
  /** Admin URL (database `postgres`). */
  url: string;
  /** A URL for `database` in this cluster. */
  urlFor(database: string): string;
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** Ends every session connected to `database`; resolves with how many. */
  terminate(database: string): Promise<number>;
  /** `pg_ctl stop -m fast`: connections are refused until `start()`. */
  stop(): void;
  start(): void;
  /** SIGSTOP the postmaster and every backend: connections hang instead of failing. */
  freeze(): void;
  thaw(): void;
  destroy(): void;
}

const script = new URL('../../../../scripts/postgres.mjs', import.meta.url).href;

export async function startPgCluster(): Promise<PgCluster> {
  const { startThrowawayPostgres } = (await import(script)) as { startThrowawayPostgres(): Promise<Throwaway> };
  const throwaway = await startThrowawayPostgres();
  const url = new URL(throwaway.url);
  const admin = async (text: string, values?: unknown[]) => {
    const client = new pg.Client({ connectionString: throwaway.url });
    await client.connect();
    try {
      return await client.query(text, values);
    } finally {
      await client.end();
    }
  };
  const dataDir = String((await admin('SHOW data_directory')).rows[0].data_directory);
  const socketDir = dirname(dataDir);
  const bin = dirname(readFileSync(join(dataDir, 'postmaster.opts'), 'utf8').split(' ')[0]!.replace(/^"|"$/g, ''));
  const pgCtl = (...args: string[]) => {
    const command = [join(bin, 'pg_ctl'), '-D', dataDir, '-w', ...args];
    if (process.getuid?.() === 0) {
      execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command.map((a) => `'${a}'`).join(' ')], { stdio: 'pipe' });
    } else {
      execFileSync(command[0]!, command.slice(1), { stdio: 'pipe' });
    }
  };
  let frozen: number[] = [];
  const thaw = () => {
    for (const pid of frozen.reverse()) process.kill(pid, 'SIGCONT');
    frozen = [];
  };
  const processes = (): number[] => {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          // The parent pid is the 4th field, after the command name in parentheses.
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [postmaster, ...children];
  };
  return {
    url: throwaway.url,
    urlFor(database) {
      const out = new URL(throwaway.url);
      out.pathname = `/${database}`;
      return out.toString();
    },
    query: admin,
    async terminate(database) {
      const { rows } = await admin(
        'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      return rows.filter((row) => row.ended === true).length;
    },
    stop: () => pgCtl('-m', 'fast', 'stop'),
    start: () =>
      pgCtl(
        '-l',
        join(socketDir, 'log'),
        '-o',
        `-p ${url.port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
        'start',
      ),
    freeze() {
      frozen = processes();
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    },
    thaw,
    destroy() {
      thaw();
      try {
        throwaway.stop();
      } catch {
        // Already stopped by the test: the folder is removed all the same.
      }
    },
  };
}
