// Leaderboard at scale: every period × scope timed through the app on SQLite and PostgreSQL.
//
//   node bench/leaderboard.mjs [--scale 1] [--db sqlite|postgres|both] [--requests 100]
//
// Scale 1 is 100,000 employees in 100 teams and 5,000,000 ledger rows (50 each over the last
// 120 days); 0.1 is a tenth of both. The rows are generated inside the database (one INSERT …
// SELECT per table), not sent through the API. Each period × scope is asked `--requests` times,
// each time as another employee (so their own exact points are read each time); the first
// request of each period reads its board (points/boards.ts) and is reported apart, as is the
// time a board takes to read, which happens once per LEADERBOARD_STALENESS_MS under traffic.
// PostgreSQL: a scratch database at BENCH_DATABASE_URL (or TEST_DATABASE_URL), dropped after.
// On a busy machine the wall-clock percentiles mostly measure waiting for a core: the CPU time this
// process spent per request (the database's own time excluded on PostgreSQL) is printed beside them.
// Needs `pnpm build` first. Prints `bench: ` summary lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { createApp, resolveConfig } from '../dist/index.js';
import { scratchDatabase } from './scratch-database.mjs';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: process.env.BENCH_SCALE ?? '1' },
    db: { type: 'string', default: 'both' },
    requests: { type: 'string', default: '100' },
  },
});
const scale = Number(values.scale);
const EMPLOYEES = Math.max(100, Math.round(100_000 * scale));
const ROWS_PER_EMPLOYEE = 50;
const TEAMS = 100;
const REQUESTS = Number(values.requests);
const TARGET_MS = 20;
const secret = 'bench-secret-0123456789abcdef0123';
const PERIODS = ['week', 'month', 'quarter', 'all'];
const SCOPES = ['company', 'team'];
const pad = (n) => String(n).padStart(6, '0');

for (const database of values.db === 'both' ? ['sqlite', 'postgres'] : [values.db]) {
  const url = database === 'postgres' ? (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL) : undefined;
  if (database === 'postgres' && url === undefined) {
    console.log('bench: leaderboard postgres skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
    continue;
  }
  const scratch = url === undefined ? null : await scratchDatabase(url, 'advocacy_lb');
  try {
    await run(database, scratch?.url ?? null);
  } finally {
    await scratch?.drop();
  }
}

async function run(database, databaseUrl) {
  const dataDir = mkdtempSync(join(tmpdir(), 'advocacy-lb-'));
  const config = resolveConfig({
    databaseUrl,
    sqliteFile: join(dataDir, 'advocacy.sqlite'),
    auth: { jwtSecret: secret },
    logLevel: 'silent',
    // Generating millions of rows in one statement takes longer than an API statement may.
    databaseTimeouts: { connectMs: 5_000, statementMs: 0 },
  });
  const { app, services, close } = await createApp(config);
  try {
    const started = performance.now();
    await load(services, database);
    const loadSeconds = (performance.now() - started) / 1000;
    console.log(
      `${database}: ${EMPLOYEES} employees, ${EMPLOYEES * ROWS_PER_EMPLOYEE} ledger rows loaded in ${loadSeconds.toFixed(1)} s (scale ${scale})`,
    );

    const key = new TextEncoder().encode(secret);
    const token = (i) =>
      new SignJWT({ roles: [] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(`emp-${pad(i)}`)
        .setExpirationTime('1h')
        .sign(key);
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, k) => token(Math.floor(((k + 0.5) * EMPLOYEES) / 50))));
    const ask = async (path, k) => {
      const t = performance.now();
      const response = await app.request(path, { headers: { authorization: `Bearer ${tokens[k % tokens.length]}` } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.json();
      return performance.now() - t;
    };

    let worst = 0;
    for (const period of PERIODS) {
      for (const scope of SCOPES) {
        const path = `/api/v1/leaderboard?period=${period}&scope=${scope}&limit=10`;
        const first = await ask(path, 0);
        const times = [];
        const cpu = process.cpuUsage();
        for (let i = 1; i <= REQUESTS; i++) times.push(await ask(path, i));
        const { user, system } = process.cpuUsage(cpu);
        times.sort((a, b) => a - b);
        const p = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
        worst = Math.max(worst, p(0.99));
        console.log(
          `${database} ${`${period} × ${scope}`.padEnd(18)} p50 ${p(0.5).toFixed(1).padStart(6)} ms  p99 ${p(0.99).toFixed(1).padStart(6)} ms  first ${first.toFixed(0).padStart(5)} ms  cpu ${((user + system) / REQUESTS / 1000).toFixed(2)} ms/request`,
        );
      }
    }
    // What a board costs to read (once per staleness window per period and instance): the ledger
    // aggregated per request, as before the boards, costs about this on every request.
    const exact = await createApp({ ...config, leaderboardStalenessMs: 0 });
    try {
      const reads = [];
      for (const period of PERIODS) {
        const t = performance.now();
        const response = await exact.app.request(`/api/v1/leaderboard?period=${period}&scope=company`, {
          headers: { authorization: `Bearer ${tokens[0]}` },
        });
        await response.json();
        reads.push(`${period} ${(performance.now() - t).toFixed(0)} ms`);
      }
      console.log(`${database} board read per period (LEADERBOARD_STALENESS_MS=0 pays this on every request): ${reads.join(', ')}`);
    } finally {
      await exact.close();
    }
    console.log(
      `bench: leaderboard ${database} worst p99 ${worst.toFixed(1)} ms over ${PERIODS.length * SCOPES.length} period×scope at ${EMPLOYEES} employees, ${EMPLOYEES * ROWS_PER_EMPLOYEE} ledger rows (target ≤ ${TARGET_MS} ms): ${worst <= TARGET_MS ? 'met' : 'missed'}`,
    );
  } finally {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Teams, employees and the ledger, generated by the database itself. */
async function load({ db, dialect }, database) {
  const { sql } = await import('kysely');
  const now = Date.now();
  await db
    .insertInto('teams')
    .values(Array.from({ length: TEAMS }, (_, t) => ({ id: `team-${t}`, name: `Team ${t}` })))
    .execute();
  const iso = new Date(now).toISOString();
  if (database === 'sqlite') {
    await sql`with recursive n(i) as (select 0 union all select i + 1 from n where i < ${EMPLOYEES - 1})
      insert into employees (id, display_name, team_id, role, locale, time_zone, avatar_url, policy_accepted_at, created_at, updated_at)
      select 'emp-' || substr('000000' || i, -6), 'Employee ' || i, 'team-' || (i % ${TEAMS}), 'employee', 'en', 'UTC', null, null, ${iso}, ${iso} from n`.execute(
      db,
    );
    await sql`with recursive r(j) as (select 0 union all select j + 1 from r where j < ${ROWS_PER_EMPLOYEE - 1}),
      n(i) as (select 0 union all select i + 1 from n where i < ${EMPLOYEES - 1})
      insert into points_ledger (id, employee_id, delta, reason, reference, created_at)
      select 'pts-' || i || '-' || j, 'emp-' || substr('000000' || i, -6), 2 + ((i * 31 + j * 17) % 50), 'click', 'bench-' || i || '-' || j,
        strftime('%Y-%m-%dT%H:%M:%fZ', ${iso}, '-' || (((i * 7 + j * 13) % 120) * 86400 + j) || ' seconds')
      from n, r`.execute(db);
    await sql`analyze`.execute(db);
  } else {
    await sql`insert into employees (id, display_name, team_id, role, locale, time_zone, avatar_url, policy_accepted_at, created_at, updated_at)
      select 'emp-' || lpad(i::text, 6, '0'), 'Employee ' || i, 'team-' || (i % ${TEAMS}), 'employee', 'en', 'UTC', null, null, ${iso}, ${iso}
      from generate_series(0, ${EMPLOYEES - 1}) i`.execute(db);
    await sql`insert into points_ledger (id, employee_id, delta, reason, reference, created_at)
      select 'pts-' || i || '-' || j, 'emp-' || lpad(i::text, 6, '0'), 2 + ((i * 31 + j * 17) % 50), 'click', 'bench-' || i || '-' || j,
        to_char((${iso}::timestamptz - make_interval(secs => ((i * 7 + j * 13) % 120) * 86400 + j)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      from generate_series(0, ${EMPLOYEES - 1}) i, generate_series(0, ${ROWS_PER_EMPLOYEE - 1}) j`.execute(db);
    await sql`analyze`.execute(db);
  }
  void dialect;
}
