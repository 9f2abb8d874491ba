import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

/**
 * Columns and tables of SCIM provisioning (migration 0260_scim): an employee's SCIM `userName`
 * (unique case-insensitively), `externalId` and name parts; a team's `externalId` and when SCIM
 * created and last changed it; the SCIM client's tokens.
 */
export type ScimTables = {
  employees: {
    /** Null when the employee is not provisioned by SCIM (signed in on their own, or deprovisioned). */
    user_name: Generated<string | null>;
    external_id: Generated<string | null>;
    given_name: Generated<string | null>;
    family_name: Generated<string | null>;
  };
  teams: {
    external_id: Generated<string | null>;
    scim_created_at: Generated<string | null>;
    scim_updated_at: Generated<string | null>;
  };
  /** Bearer tokens of the identity provider's SCIM client: SHA-256 digests only (auth.ts). */
  scim_tokens: {
    id: string;
    token_hash: string;
    created_at: string;
    /** The admin who created it. */
    created_by: string;
    last_used_at: string | null;
    revoked_at: string | null;
  };
};

export type ScimDatabase = Database & ScimTables;
export type ScimDb = Kysely<ScimDatabase>;
export type ScimTrx = Transaction<ScimDatabase>;

export const scimDb = (db: Db | Kysely<Database>): ScimDb => db.withTables<ScimTables>();

/** The same transaction, typed for code that knows only the shared tables (`recordAudit`). */
export const shared = (trx: ScimTrx): Transaction<Database> => trx as unknown as Transaction<Database>;
