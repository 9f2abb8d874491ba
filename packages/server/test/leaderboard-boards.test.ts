import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
// The board worker runs compiled code: scripts/run-tests.mjs builds before testing.
import { createApp, resolveConfig, type AdvocacyApp } from '../dist/index.js';
import { BOARD_WORKER_AVAILABLE } from '../dist/points/board-read.js';
import { award } from '../dist/points/ledger.js';
import { ranking } from '../dist/points/leaderboard.js';
import { periodStart } from '../dist/points/periods.js';

const SECRET = 'test-secret-with-enough-entropy-0123456789';
const DAY = 86_400_000;

describe('leaderboards from boards (SQLite file, board worker)', () => {
  let dir: string;
  let advocacy: AdvocacyApp;
  const token = (sub: string) =>
    new SignJWT({ roles: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
  const board = async (sub: string, period: string, scope: string, limit = 100) => {
    const response = await advocacy.app.request(`/api/v1/leaderboard?period=${period}&scope=${scope}&limit=${limit}`, {
      headers: { authorization: `Bearer ${await token(sub)}` },
    });
    assert.equal(response.status, 200);
    return response.json();
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'advocacy-boards-'));
    // A staleness no test reaches: what shows must show because it is exact, not because the board expired.
    advocacy = await createApp(
      resolveConfig({
        sqliteFile: join(dir, 'advocacy.sqlite'),
        auth: { jwtSecret: SECRET },
        logLevel: 'silent',
        leaderboardStalenessMs: 3_600_000,
      }),
    );
    const { db } = advocacy.services;
    const now = Date.now();
    await db
      .insertInto('teams')
      .values([
        { id: 'red', name: 'Red' },
        { id: 'blue', name: 'Blue' },
      ])
      .execute();
    const iso = new Date(now).toISOString();
    await db
      .insertInto('employees')
      .values(
        ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({
          id,
          display_name: id.toUpperCase(),
          team_id: i % 2 === 0 ? 'red' : 'blue',
          role: 'employee',
          locale: 'en',
          time_zone: 'UTC',
          avatar_url: null,
          policy_accepted_at: null,
          created_at: iso,
          updated_at: iso,
        })),
      )
      .execute();
    // Points at several ages (so each period differs), ties included; f earns nothing.
    const rows: Array<[string, number, number]> = [
      ['a', 30, 1],
      ['a', 5, 40],
      ['b', 20, 2],
      ['b', 15, 100],
      ['c', 20, 3],
      ['d', 7, 20],
      ['d', 50, 200],
      ['e', 35, 60],
    ];
    for (const [index, [employee, delta, daysAgo]] of rows.entries()) {
      await award(db, {
        employeeId: employee,
        delta,
        reason: 'adjustment',
        reference: `r${index}`,
        at: new Date(now - daysAgo * DAY).toISOString(),
      });
    }
  });
  after(async () => {
    await advocacy.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const exact = async (sub: string, period: 'week' | 'month' | 'quarter' | 'all', team: string | null) => {
    const { db, dialect } = advocacy.services;
    return ranking(db, { dialect, from: periodStart(period, new Date()), team, limit: 100, employeeId: sub });
  };
  const teamOf: Record<string, string> = { a: 'red', b: 'blue', c: 'red', d: 'blue', e: 'red', f: 'blue' };

  it('answers every period and scope as the ledger aggregated on that request would', async () => {
    assert.equal(BOARD_WORKER_AVAILABLE, true);
    for (const period of ['week', 'month', 'quarter', 'all'] as const) {
      for (const scope of ['company', 'team']) {
        for (const sub of ['a', 'd', 'f']) {
          const answer = await board(sub, period, scope);
          const expected = await exact(sub, period, scope === 'team' ? teamOf[sub]! : null);
          assert.deepEqual(
            { entries: answer.entries, me: answer.me, participants: answer.participants },
            { entries: expected.entries, me: expected.me, participants: expected.participants },
            `${sub} ${period} ${scope}`,
          );
        }
      }
    }
  });

  it("shows this instance's awards at once, and the caller's own points even when another instance awarded them", async () => {
    const { db } = advocacy.services;
    const now = new Date().toISOString();
    await award(db, { employeeId: 'c', delta: 100, reason: 'adjustment', reference: 'local', at: now });
    assert.deepEqual((await board('a', 'week', 'company')).entries[0], (await exact('a', 'week', null)).entries[0]);
    assert.equal((await board('a', 'week', 'company')).entries[0].employeeId, 'c');
    // Another instance's award: straight into the ledger, not noted here.
    await db
      .insertInto('points_ledger')
      .values({ id: 'remote', employee_id: 'f', delta: 500, reason: 'adjustment', reference: 'remote', created_at: now })
      .execute();
    const mine = await board('f', 'week', 'company');
    assert.deepEqual(mine.me, (await exact('f', 'week', null)).me);
    assert.equal(mine.me.rank, 1);
    assert.equal(mine.entries[0].employeeId, 'f');
  });

  it('leaves a leaver off at once', async () => {
    const { db } = advocacy.services;
    await db.updateTable('employees').set({ status: 'deactivated', updated_at: new Date().toISOString() }).where('id', '=', 'c').execute();
    const answer = await board('a', 'all', 'company');
    assert.ok(!answer.entries.some((entry: { employeeId: string }) => entry.employeeId === 'c'));
    assert.deepEqual(answer.entries, (await exact('a', 'all', null)).entries);
  });
});
