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
  '0206_conversion_sources',
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
});
