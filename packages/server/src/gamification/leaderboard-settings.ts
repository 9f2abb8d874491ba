import type { LeaderboardSettings } from '@advocacy-kit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { gamificationDb } from './tables.js';

/** Named leaderboards listing the top 10, until an admin changes it. */
export const DEFAULT_LEADERBOARD_SETTINGS: LeaderboardSettings = { anonymous: false, top: 10, updatedAt: null };

export async function leaderboardSettings(db: Kysely<Database>): Promise<LeaderboardSettings> {
  const row = await gamificationDb(db).selectFrom('leaderboard_settings').selectAll().where('id', '=', 'program').executeTakeFirst();
  return row === undefined
    ? { ...DEFAULT_LEADERBOARD_SETTINGS }
    : { anonymous: Number(row.anonymous) === 1, top: Number(row.top), updatedAt: row.updated_at };
}

export async function saveLeaderboardSettings(db: Kysely<Database>, settings: LeaderboardSettings & { updatedAt: string }): Promise<void> {
  const values = { anonymous: settings.anonymous ? 1 : 0, top: settings.top, updated_at: settings.updatedAt };
  await gamificationDb(db)
    .insertInto('leaderboard_settings')
    .values({ id: 'program', ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
