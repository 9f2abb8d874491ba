// Starts a throwaway PostgreSQL cluster on loopback for the test run, touching no system cluster.
// Used by test.mjs when TEST_DATABASE_URL is not already set.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function findPgBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    for (const version of readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a))) {
      candidates.push(join(debianRoot, version, 'bin'));
    }
  }
  for (const dir of (process.env.PATH ?? '').split(':')) candidates.push(dir);
  return candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts PostgreSQL and returns `{ url, stop }`; throws with a clear message when it can't. */
export async function startThrowawayPostgres() {
  const bin = findPgBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL is needed for the server tests but initdb/pg_ctl were not found. ' +
        'Install it (Debian/Ubuntu: apt-get install postgresql) or set TEST_DATABASE_URL to a PostgreSQL you can create databases in.',
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'advocacy-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (args) => {
    const command = [join(bin, args[0]), ...args.slice(1)];
    if (asRoot) {
      // PostgreSQL refuses to run as root: run its tools as the postgres user.
      execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command.map((a) => `'${a}'`).join(' ')], { stdio: 'pipe' });
    } else {
      execFileSync(command[0], command.slice(1), { stdio: 'pipe' });
    }
  };
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), 0);
  const data = join(dir, 'data');
  run(['initdb', '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  run([
    'pg_ctl',
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(['pg_ctl', '-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
