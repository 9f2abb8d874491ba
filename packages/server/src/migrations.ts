import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { capabilities } from './capabilities.js';
import type { Capability } from './capability.js';
import type { Db } from './db/database.js';
import { initialMigration } from './db/migrations/0001_initial.js';

/**
 * The database's migrations: `0001_initial` (db/migrations/) and those of every capability (its
 * `migrations/` folder), applied once each in name order. Databases record these names, so a
 * name never changes.
 *
 * Migrations are append-only. A released migration file is never edited, renamed or removed,
 * and never generated from live code: it holds the statements it ran (builders and helpers the
 * app uses at run time change; a migration must not change with them). To change the schema, add
 * a file named after the next free number to the capability's `migrations/` folder and list it
 * in the capability's descriptor.
 */
export function collectMigrations(list: readonly Capability[] = capabilities): Record<string, Migration> {
  const all: Record<string, Migration> = { '0001_initial': initialMigration };
  for (const capability of list) {
    for (const [name, migration] of Object.entries(capability.migrations ?? {})) {
      if (name in all) throw new Error(`Migration ${name} of ${capability.name} is declared twice.`);
      all[name] = migration;
    }
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => collectMigrations(),
};

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Migration failed${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
