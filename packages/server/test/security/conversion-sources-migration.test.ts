import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Migrator, sql } from 'kysely';
import { openDatabase, type Db } from '../../src/db/database.js';
import { migrationProvider } from '../../src/migrations.js';
import { forEachDatabase } from '../support/databases.js';
import type { TestDatabase } from '../support/databases.js';

// Conversions recorded before 0208_conversion_sources keep their ids, points and rollups, under the source `default`.

const row = (id: string, externalId: string) => ({
  id,
  code: 'code-1',
  share_id: 'shr-1',
  post_id: 'p-1',
  employee_id: 'emp-1',
  type: 'deal',
  value: 100,
  currency: 'EUR',
  external_id: externalId,
  request_hash: 'hash',
  created_at: '2026-06-01T10:00:00.000Z',
});

forEachDatabase('security: conversion sources migration', (open) => {
  let database: TestDatabase;
  let db: Db;
  before(async () => {
    database = await open();
    db = openDatabase(database).db;
  });
  after(async () => {
    await db.destroy();
    await database.drop();
  });

  it('gives stored conversions the source `default`, scopes external ids by source, and keeps the rollup triggers', async () => {
    const migrator = new Migrator({ db, provider: migrationProvider });
    const beforeSources = await migrator.migrateTo('0205_analytics_rollups');
    assert.equal(beforeSources.error, undefined);
    await db.insertInto('teams').values({ id: 'team-1', name: 'Team' }).execute();
    await sql`insert into employees (id, display_name, team_id, role, locale, time_zone, avatar_url, policy_accepted_at, created_at)
      values ('emp-1', 'Emp', 'team-1', 'employee', 'en', 'UTC', null, null, '2026-06-01T00:00:00.000Z')`.execute(db);
    await sql`insert into shares (id, post_id, employee_id, network, commentary, tracking_code, destination, idempotency_key, request_hash, points_awarded, created_at)
      values ('shr-1', 'p-1', 'emp-1', 'x', '', 'code-1', 'https://example.com/', 'k', 'hash', 0, '2026-06-01T09:00:00.000Z')`.execute(db);
    // As 0205 left the table: no source column yet.
    await db
      .insertInto('conversions')
      .values(row('cnv-old', 'crm-deal-1') as never)
      .execute();
    const latest = await migrator.migrateToLatest();
    assert.equal(latest.error, undefined);
    assert.deepEqual(await db.selectFrom('conversions').select(['id', 'source', 'external_id']).execute(), [
      { id: 'cnv-old', source: 'default', external_id: 'crm-deal-1' },
    ]);
    await db
      .insertInto('conversions')
      .values({ ...row('cnv-shop', 'crm-deal-1'), source: 'shop' })
      .execute();
    await assert.rejects(
      db
        .insertInto('conversions')
        .values({ ...row('cnv-again', 'crm-deal-1'), source: 'shop' })
        .execute(),
    );
    const post = await db
      .selectFrom('rollup_post')
      .select(['conversions'])
      .where('level', '=', 'a')
      .where('post_id', '=', 'p-1')
      .executeTakeFirst();
    assert.equal(Number(post?.conversions), 2, 'the rollups count conversions from before and after the migration');
  });
});
