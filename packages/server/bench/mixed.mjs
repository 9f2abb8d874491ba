// Mixed traffic: the built server on the demo seed plus 1,000 employees with tokens, loaded by wrk
// (Debian's; -t1 -c64) with bench/mixed.lua: 50% redirects (a unique visitor each), 20% feed pages,
// 15% leaderboards (every period and scope), 15% shares (a unique Idempotency-Key), each API
// request as a random employee. Server and wrk run on different cores (taskset) when there are two.
// Answers other than 2xx/3xx are counted and printed: they are not throughput.
//
//   node bench/mixed.mjs [--duration 10] [--db sqlite|postgres|both] [--against <dist folder>]
//                        [--mix 50,20,15,15]
//
// --mix sets the percentages of redirects, feed pages, leaderboards and shares (adding up to
// 100), e.g. `--mix 0,0,0,100` for shares alone, to see what one kind of request costs.
//
// --against runs the same load, in the same run, on another build of the server (a copy of an
// older `dist` inside this package, so it finds the same dependencies) and prints the ratio.
//
// PostgreSQL: a scratch database is created at BENCH_DATABASE_URL (or TEST_DATABASE_URL) and
// dropped afterwards. Needs `pnpm build` first. Prints `bench: ` summary lines.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { scratchDatabase } from './scratch-database.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SECRET = 'bench-secret-0123456789abcdef0123';
const EMPLOYEES = 1000;
const TARGET_RPS = 5000;
const TARGET_P99_MS = 50;

if (process.argv[2] === '--serve') await serve(process.argv[3], process.argv[4]);
else await main();

async function main() {
  if (!existsSync(join(here, '..', 'dist', 'index.js'))) {
    console.error('Build first: pnpm --filter @advocacy-kit/server build');
    process.exit(1);
  }
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      db: { type: 'string', default: 'both' },
      against: { type: 'string' },
      mix: { type: 'string', default: '50,20,15,15' },
    },
  });
  const against = values.against === undefined ? null : resolve(values.against);
  const duration = Number(values.duration);
  const mix = values.mix.split(',').map(Number);
  if (mix.length !== 4 || mix.some((n) => !Number.isInteger(n) || n < 0) || mix.reduce((a, b) => a + b, 0) !== 100) {
    throw new Error('--mix is four whole percentages adding up to 100: redirects, feed, leaderboards, shares');
  }
  const databases = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db];
  if (databases.some((db) => db !== 'sqlite' && db !== 'postgres')) throw new Error('--db is sqlite, postgres or both');
  if (spawnSync('wrk', ['--version']).error !== undefined) {
    console.log('bench: mixed traffic skipped: wrk is not installed (apt-get install wrk)');
    return;
  }
  const pin = availableParallelism() >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  console.log(
    `mixed traffic: wrk -t1 -c64 -d${duration}s, ${mix[0]}% redirects, ${mix[1]}% feed, ${mix[2]}% leaderboards, ${mix[3]}% shares; demo seed + ${EMPLOYEES} employees; ` +
      `${pin ? 'server on core 0, wrk on core 1' : 'not pinned (taskset or a second core missing)'}; load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} on ${availableParallelism()} cores`,
  );
  for (const database of databases) {
    const url = database === 'postgres' ? (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL) : undefined;
    if (database === 'postgres' && url === undefined) {
      console.log('bench: mixed traffic postgres skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
      continue;
    }
    const builds = against === null ? [null] : [against, null];
    const results = [];
    for (const build of builds) {
      const scratch = url === undefined ? null : await scratchDatabase(url, 'advocacy_mixed');
      try {
        results.push(await run(database, scratch?.url ?? null, duration, mix, pin, build));
      } finally {
        await scratch?.drop();
      }
    }
    if (results.length === 2) {
      const [base, now] = results;
      console.log(
        `bench: mixed traffic ${database} against ${relative(process.cwd(), against)}: ${(now.rps / base.rps).toFixed(2)}× the req/s (${Math.round(base.rps)} → ${Math.round(now.rps)}), p99 ${Math.round(base.p99)} → ${Math.round(now.p99)} ms, server CPU per answer ${base.cpu.toFixed(2)} → ${now.cpu.toFixed(2)} ms`,
      );
    }
  }
}

async function run(database, databaseUrl, duration, mix, pin, build) {
  const server = await start(databaseUrl, pin, build);
  let result;
  let cpuMs;
  try {
    const cpuBefore = cpuTime(server.pid);
    const wrk = spawnSync(
      pin ? 'taskset' : 'wrk',
      [
        ...(pin ? ['-c', '1', 'wrk'] : []),
        '-t1',
        '-c64',
        `-d${duration}s`,
        '--timeout',
        '10s',
        '-s',
        join(here, 'mixed.lua'),
        server.url,
        '--',
        server.data,
        mix.join(','),
      ],
      { encoding: 'utf8' },
    );
    const line = wrk.stdout.split('\n').find((l) => l.startsWith('MIXED '));
    if (line === undefined) throw new Error(`wrk printed no result: ${wrk.stdout}${wrk.stderr}`);
    result = JSON.parse(line.slice('MIXED '.length));
    cpuMs = cpuTime(server.pid) - cpuBefore;
  } finally {
    await server.stop();
  }
  const seconds = result.durationUs / 1e6;
  const statuses = Object.entries(result.statuses).sort(([a], [b]) => Number(a) - Number(b));
  const failed = statuses.filter(([status]) => Number(status) >= 400).reduce((sum, [, n]) => sum + n, 0);
  const good = result.requests - failed - result.socketErrors;
  const rps = good / seconds;
  const p99 = result.p99Us / 1000;
  console.log(
    `${database.padEnd(8)} ${result.requests} answers in ${seconds.toFixed(1)} s: ${statuses.map(([s, n]) => `${n}×${s}`).join(', ')}; ` +
      `${result.socketErrors} socket errors; p50 ${(result.p50Us / 1000).toFixed(1)} ms, p90 ${(result.p90Us / 1000).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(result.maxUs / 1000).toFixed(0)} ms; ` +
      `server CPU ${(cpuMs / result.requests).toFixed(2)} ms per answer (PostgreSQL's own excluded)`,
  );
  const met = rps >= TARGET_RPS && p99 <= TARGET_P99_MS && failed === 0;
  const name = build === null ? database : `${database} (${relative(process.cwd(), build)})`;
  console.log(
    `bench: mixed traffic ${name} ${Math.round(rps)} req/s (target ≥ ${TARGET_RPS}), p99 ${Math.round(p99)} ms (target ≤ ${TARGET_P99_MS} ms)` +
      `${failed > 0 ? `, ${failed} error answers not counted` : ''}: ${met ? 'met' : 'missed'}`,
  );
  return { rps, p99, cpu: cpuMs / result.requests };
}

/** CPU time (user + system, ms) the process has used so far, all its threads, from /proc. */
function cpuTime(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Starts `--serve` in a child process (on core 0 when pinning) and waits for its ready line. */
function start(databaseUrl, pin, build) {
  // BENCH_NODE_ARGS: flags for the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const args = [...nodeArgs, fileURLToPath(import.meta.url), '--serve', databaseUrl ?? 'sqlite', build ?? join(here, '..', 'dist')];
  const child = spawn(pin ? 'taskset' : process.execPath, pin ? ['-c', '0', process.execPath, ...args] : args, {
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{"url"'));
      if (line === undefined) return;
      child.stdio[3].off('data', onData);
      child.off('exit', onExit);
      const ready = JSON.parse(line);
      resolve({
        ...ready,
        pid: ready.pid,
        stop: () =>
          new Promise((done) => {
            child.on('exit', done);
            child.kill('SIGTERM');
          }),
      });
    };
    const onExit = (status) => reject(new Error(`the bench server exited with ${status}`));
    child.stdio[3].on('data', onData);
    child.on('exit', onExit);
  });
}

/** The child: the server on a fresh database with the seed, its data file for wrk, the URL on fd 3. */
async function serve(database, build) {
  const { SignJWT } = await import('jose');
  const { demoSeed } = await import('@advocacy-kit/core/memory');
  const { createServer, loadSeed, resolveConfig } = await import(pathToFileURL(join(build, 'index.js')).href);
  const dataDir = mkdtempSync(join(tmpdir(), 'advocacy-mixed-'));
  const config = resolveConfig({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database === 'sqlite' ? null : database,
    sqliteFile: join(dataDir, 'advocacy.sqlite'),
    auth: { jwtSecret: SECRET },
    trustProxy: true,
    logLevel: process.env.LOG_LEVEL ?? 'info',
  });
  const server = await createServer(config);
  const { db } = server.services;
  const now = new Date();
  await loadSeed(db, demoSeed(now), config.rules, now);

  // 1,000 more employees across the seed's teams, each having accepted the current policy.
  const teams = (await db.selectFrom('teams').select(['id', 'name']).orderBy('id').execute()).map((t) => t);
  const policy = await db.selectFrom('policy_versions').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
  const iso = now.toISOString();
  const people = Array.from({ length: EMPLOYEES }, (_, i) => {
    const team = teams[i % teams.length];
    return {
      id: `mixed-${String(i).padStart(4, '0')}`,
      display_name: `Employee ${i}`,
      team_id: team.id,
      team_name: team.name,
    };
  });
  for (let k = 0; k < people.length; k += 200) {
    await db
      .insertInto('employees')
      .values(
        people.slice(k, k + 200).map((p) => ({
          id: p.id,
          display_name: p.display_name,
          team_id: p.team_id,
          role: 'employee',
          locale: 'en',
          time_zone: 'UTC',
          avatar_url: null,
          policy_accepted_at: iso,
          policy_version_accepted: policy?.version ?? null,
          created_at: iso,
          last_active_at: iso,
          updated_at: iso,
        })),
      )
      .execute();
  }
  const key = new TextEncoder().encode(SECRET);
  const tokens = await Promise.all(
    people.map((p) =>
      new SignJWT({ name: p.display_name, team: p.team_id, roles: [] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(p.id)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key),
    ),
  );
  // Posts everyone sees, each with the networks it may go to; the seed's tracking codes.
  const posts = (
    await db
      .selectFrom('posts')
      .select(['id', 'networks', 'audience_teams', 'audience_roles', 'publish_at', 'expire_at', 'status'])
      .execute()
  ).filter(
    (p) =>
      p.status === 'published' &&
      p.publish_at <= iso &&
      (p.expire_at === null || p.expire_at > iso) &&
      p.audience_teams === '[]' &&
      p.audience_roles === '[]',
  );
  const lines = [];
  for (const post of posts) {
    const allowed = JSON.parse(post.networks);
    for (const network of allowed.length > 0 ? allowed : ['linkedin', 'x', 'facebook', 'email']) lines.push(`post ${post.id} ${network}`);
  }
  const codes = await db.selectFrom('shares').select('tracking_code').execute();
  for (const { tracking_code } of codes) lines.push(`code ${tracking_code}`);
  for (const token of tokens) lines.push(`token ${token}`);
  const data = join(dataDir, 'mixed.data');
  writeFileSync(data, `${lines.join('\n')}\n`);
  process.stderr.write(
    `${database === 'sqlite' ? 'sqlite' : 'postgres'}: ${posts.length} posts, ${codes.length} tracking codes, ${tokens.length} employees with tokens\n`,
  );

  // BENCH_PROFILE=<file>: a CPU profile of the server under load only (not of the seeding).
  const profile = process.env.BENCH_PROFILE ? await startProfile() : null;
  writeSync(3, `${JSON.stringify({ url: server.url, data, pid: process.pid })}\n`);
  process.on('SIGTERM', async () => {
    if (profile !== null) writeFileSync(process.env.BENCH_PROFILE, JSON.stringify(await profile()));
    server
      .close()
      .then(() => {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      })
      .catch((error) => {
        process.stderr.write(`shutdown failed: ${error.stack}\n`);
        process.exit(1);
      });
  });
}

async function startProfile() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => (await session.post('Profiler.stop')).profile;
}
