// Leaderboard at scale: 100 000 employees in 100 teams, 5 ledger rows each over the last 120 days,
// then the leaderboard and my-stats routes timed through the app (SQLite file by default, or the
// PostgreSQL at DATABASE_URL — use a scratch database). Needs `pnpm build` first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createApp, resolveConfig } from '../dist/index.js';

const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 100_000);
const ROWS_PER_EMPLOYEE = 5;
const secret = 'bench-secret-0123456789abcdef0123';
const dataDir = mkdtempSync(join(tmpdir(), 'advocacy-lb-'));
const config = resolveConfig({
  databaseUrl: process.env.DATABASE_URL ?? null,
  sqliteFile: join(dataDir, 'advocacy.sqlite'),
  auth: { jwtSecret: secret },
  logLevel: 'silent',
});
const { app, services, close } = await createApp(config);
const { db } = services;

const started = performance.now();
const now = Date.now();
const pad = (n) => String(n).padStart(6, '0');
await db
  .insertInto('teams')
  .values(Array.from({ length: 100 }, (_, t) => ({ id: `team-${t}`, name: `Team ${t}` })))
  .execute();
for (let start = 0; start < EMPLOYEES; start += 1000) {
  await db.transaction().execute(async (trx) => {
    const employees = [];
    const ledger = [];
    for (let i = start; i < Math.min(start + 1000, EMPLOYEES); i++) {
      employees.push({
        id: `emp-${pad(i)}`,
        display_name: `Employee ${i}`,
        team_id: `team-${i % 100}`,
        role: 'employee',
        locale: 'en',
        time_zone: 'UTC',
        avatar_url: null,
        policy_accepted_at: null,
        created_at: new Date(now).toISOString(),
      });
      for (let r = 0; r < ROWS_PER_EMPLOYEE; r++) {
        const at = new Date(now - ((i * 7 + r * 13) % 120) * 86_400_000 - r * 1000).toISOString();
        ledger.push({
          id: `pts-${pad(i)}-${r}`,
          employee_id: `emp-${pad(i)}`,
          delta: 2 + ((i * 31 + r * 17) % 50),
          reason: 'adjustment',
          reference: `bench-${i}-${r}`,
          created_at: at,
        });
      }
    }
    for (let k = 0; k < employees.length; k += 500)
      await trx
        .insertInto('employees')
        .values(employees.slice(k, k + 500))
        .execute();
    for (let k = 0; k < ledger.length; k += 500)
      await trx
        .insertInto('points_ledger')
        .values(ledger.slice(k, k + 500))
        .execute();
  });
}
console.log(
  `${services.dialect}: ${EMPLOYEES} employees, ${EMPLOYEES * ROWS_PER_EMPLOYEE} ledger rows loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const token = await new SignJWT({ roles: [] })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject(`emp-${pad(Math.floor(EMPLOYEES / 2))}`)
  .setExpirationTime('1h')
  .sign(new TextEncoder().encode(secret));
for (const path of [
  '/api/v1/leaderboard?period=week&scope=company',
  '/api/v1/leaderboard?period=month&scope=company',
  '/api/v1/leaderboard?period=all&scope=company',
  '/api/v1/leaderboard?period=month&scope=team',
  '/api/v1/me/stats?period=quarter',
]) {
  const times = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    const response = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    await response.json();
    times.push(performance.now() - t);
  }
  times.shift(); // first call warms caches
  times.sort((a, b) => a - b);
  console.log(`${path.padEnd(48)} median ${times[2].toFixed(1)} ms  max ${times[4].toFixed(1)} ms`);
}
await close();
rmSync(dataDir, { recursive: true, force: true });
