// The real server (built dist) on a fresh SQLite file, seeded with one share and its tracking link.
import { mkdtempSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, resolveConfig } from '../dist/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'advocacy-bench-'));
const config = resolveConfig({
  port: 0,
  host: '127.0.0.1',
  sqliteFile: join(dataDir, 'advocacy.sqlite'),
  auth: { jwtSecret: 'bench-secret-0123456789abcdef0123' },
  trustProxy: true,
  logLevel: process.env.LOG_LEVEL ?? 'info',
});
const server = await createServer(config);
const { db } = server.services;
const now = new Date().toISOString();
await db.insertInto('teams').values({ id: 'team', name: 'Team' }).execute();
await db
  .insertInto('employees')
  .values({
    id: 'emp',
    display_name: 'Bench',
    team_id: 'team',
    role: 'employee',
    locale: 'en',
    time_zone: 'UTC',
    avatar_url: null,
    policy_accepted_at: null,
    created_at: now,
  })
  .execute();
const post = {
  id: 'post',
  kind: 'owned',
  status: 'published',
  title: 'Bench',
  summary: '',
  url: 'https://example.com/article',
  image_url: null,
  source: 'Example',
  locale: 'en',
  suggested_commentary: '{}',
  hashtags: '[]',
  topics: '[]',
  audience_teams: '[]',
  audience_roles: '[]',
  networks: '[]',
  publish_at: now,
  expire_at: null,
  created_at: now,
  updated_at: now,
};
await db.insertInto('posts').values(post).execute();
const code = process.env.BENCH_CODE;
await db
  .insertInto('shares')
  .values({
    id: 'share',
    employee_id: 'emp',
    post_id: 'post',
    network: 'linkedin',
    commentary: '',
    idempotency_key: 'bench',
    request_hash: 'bench',
    tracking_code: code,
    destination: process.env.BENCH_DESTINATION,
    points_awarded: 0,
    created_at: now,
  })
  .execute();
// The URL goes to fd 3; stdout carries the server's request logs (to /dev/null in the bench).
writeSync(3, `${JSON.stringify({ url: server.url })}\n`);
process.on('SIGTERM', () => {
  server
    .close()
    .then(async () => {
      // Every click the server answered must be stored once it has stopped.
      const { default: SQLite } = await import('better-sqlite3');
      const stored = new SQLite(config.sqliteFile, { readonly: true }).prepare('select count(*) as n from clicks').get();
      process.stderr.write(`advocacy  unique clicks stored after shutdown: ${stored.n}\n`);
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    })
    .catch((error) => {
      process.stderr.write(`shutdown failed: ${error.stack}\n`);
      process.exit(1);
    });
});
