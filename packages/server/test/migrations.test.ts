import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { Capability } from '../src/capability.js';
import { collectMigrations, migrationProvider } from '../src/migrations.js';

/**
 * The migrations every existing database has recorded by name, in the order they ran. A released
 * migration is never renamed or reordered: a new one is appended here.
 */
const RELEASED = [
  '0001_initial',
  '0200_webhooks',
  '0201_badges_contests_preferences',
  '0202_engagement_sends',
  '0203_engagement_announcements',
  '0204_click_daily',
  '0205_analytics_rollups',
  '0206_one_share_per_network',
  '0207_click_point_visitors',
  '0208_conversion_sources',
  '0210_audit_log',
  '0211_employee_directory',
  '0220_people',
  '0230_pilots',
  '0240_policy_compliance',
  '0250_privacy',
  '0260_scim',
  '0270_points_notes_and_spending',
  '0271_rewards',
  '0280_leaderboard_settings',
  '0281_contest_cancellation',
  '0290_point_rule_versions',
  '0300_reward_request_idempotency',
  '0301_contest_translations',
  '0310_delivery',
  '0320_self_service',
  '0330_post_search',
  '0331_curated_sources',
  '0400_click_rollups_in_app',
  '0410_rate_limit_buckets',
  '0420_leaderboard_directory_stamp',
  '0450_clicks_by_code',
  '0460_rollup_lock_order',
  '0470_share_packs',
  '0471_analytics_covering_indexes',
  '0472_rollup_months',
  '0473_rollup_covering_indexes',
];

describe('migrations', () => {
  it('keep their released names and run in the order they were released', async () => {
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    try {
      const planned = await new Migrator({ db, provider: migrationProvider }).getMigrations();
      assert.deepEqual(
        planned.map((migration) => migration.name),
        RELEASED,
      );
    } finally {
      await db.destroy();
    }
  });

  it('refuses two capabilities that declare the same migration name', () => {
    const migration = { up: async () => {} };
    const twice: Capability[] = [
      { name: 'one', migrations: { '0300_same': migration } },
      { name: 'two', migrations: { '0300_same': migration } },
    ];
    assert.throws(() => collectMigrations(twice), /0300_same of two is declared twice/);
  });

  it('0206 marks the earliest share of each employee, post and network as the first, and leaves older repeats unmarked', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema as it was before 0206, not the current one
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    try {
      const migrator = new Migrator({ db, provider: migrationProvider });
      assert.equal((await migrator.migrateTo('0205_analytics_rollups')).error, undefined);
      const share = (id: string, network: string, createdAt: string) => ({
        id,
        employee_id: 'emp-ann',
        post_id: 'p-1',
        network,
        commentary: '',
        idempotency_key: id,
        request_hash: 'h',
        tracking_code: `code-${id}`,
        destination: 'https://example.com/',
        points_awarded: 0,
        created_at: createdAt,
      });
      await db
        .insertInto('shares')
        .values([
          share('b', 'x', '2026-01-02T00:00:00.000Z'),
          share('a', 'x', '2026-01-03T00:00:00.000Z'),
          share('c', 'x', '2026-01-02T00:00:00.000Z'),
          share('d', 'linkedin', '2026-01-05T00:00:00.000Z'),
        ])
        .execute();
      assert.equal((await migrator.migrateToLatest()).error, undefined);
      const rows = await db.selectFrom('shares').select(['id', 'first_to_network']).orderBy('id').execute();
      assert.deepEqual(
        rows.map((row) => [row.id, row.first_to_network]),
        [
          ['a', null],
          ['b', 1],
          ['c', null],
          ['d', 1],
        ],
      );
    } finally {
      await db.destroy();
    }
  });
});
