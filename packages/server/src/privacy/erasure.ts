import { createHmac } from 'node:crypto';
import type { ErasureResult } from '@advocacy-kit/core';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound } from '../http/problem.js';
import { newId } from '../ids.js';

/** What an erased person is called from then on. */
export const FORMER_EMPLOYEE = 'Former employee';

/**
 * Every (table, column) holding an employee id besides `employees.id`. Erasure rewrites them all
 * to the pseudonym; a capability that adds a table keyed by employee adds it here.
 */
export const EMPLOYEE_ID_COLUMNS: ReadonlyArray<readonly [table: string, column: string]> = [
  ['shares', 'employee_id'],
  ['share_repeats', 'employee_id'],
  ['click_point_visitors', 'employee_id'],
  ['conversions', 'employee_id'],
  ['points_ledger', 'employee_id'],
  ['suggestions', 'employee_id'],
  ['events', 'employee_id'],
  ['employee_badges', 'employee_id'],
  ['contest_results', 'employee_id'],
  ['employee_preferences', 'employee_id'],
  ['engagement_sends', 'employee_id'],
  ['program_members', 'employee_id'],
  ['policy_acceptances', 'employee_id'],
  ['scim_tokens', 'created_by'],
  ['reward_requests', 'employee_id'],
];

/** Fields of a recorded resource that name a person or hold their words; dropped from audit entries about an erased one. */
const PERSONAL_FIELDS = new Set([
  'displayName',
  'display_name',
  'name',
  'email',
  'emails',
  'avatarUrl',
  'avatar_url',
  'commentary',
  'note',
  // What SCIM provisioning records (scim/): the login, the identity provider's id and the name parts.
  'userName',
  'user_name',
  'externalId',
  'external_id',
  'givenName',
  'given_name',
  'familyName',
  'family_name',
]);

/** The recorded JSON with the old id replaced by the pseudonym and the personal fields dropped, at any depth. */
function redact(json: string | null, employeeId: string, pseudonym: string): string | null {
  if (json === null) return null;
  const walk = (value: unknown): unknown => {
    if (value === employeeId) return pseudonym;
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !PERSONAL_FIELDS.has(key))
        .map(([key, item]) => [key, walk(item)]),
    );
  };
  return JSON.stringify(walk(JSON.parse(json)));
}

/**
 * Moves every row of `from` to `to`: the employee columns, and the ledger references built from
 * the employee id (a share's `<id>:<post>:<network>`, a click's URI-encoded `<id>:<post>:<day>:<n>`).
 */
export async function rewriteEmployeeId(db: Kysely<Database>, from: string, to: string): Promise<void> {
  for (const [table, column] of EMPLOYEE_ID_COLUMNS) {
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${to} where ${sql.ref(column)} = ${from}`.execute(db);
  }
  for (const [reason, oldPrefix, newPrefix] of [
    ['share', `${from}:`, `${to}:`],
    ['click', `${encodeURIComponent(from)}:`, `${encodeURIComponent(to)}:`],
  ] as const) {
    // Lengths in code points, as SQL's substr counts them.
    const length = [...oldPrefix].length;
    await sql`update points_ledger set reference = ${newPrefix} || substr(reference, ${length + 1})
      where employee_id = ${to} and reason = ${reason} and substr(reference, 1, ${length}) = ${oldPrefix}`.execute(db);
  }
}

/** A keyed hash of an id, so the register can recognise a person erased before without keeping who they were. */
export const subjectHash = (secret: string, employeeId: string): string =>
  createHmac('sha256', secret).update(`erasure\n${employeeId}`).digest('base64url');

/**
 * Anonymises a person in one transaction: their name becomes "Former employee", email and avatar
 * are cleared, the commentary of their shares and the notes of their suggestions are emptied, and
 * their id is replaced everywhere by an opaque pseudonym; they are deactivated. Shares, tracking
 * links, clicks, conversions, points and the rollups stay, so every total is unchanged. Audit
 * entries about them lose their personal fields. Erasing again (by the old id or the pseudonym)
 * answers with the first erasure. Call `afterCommit` to forget cached links.
 */
export async function eraseEmployee(
  db: Kysely<Database>,
  options: { employeeId: string; adminId: string; secret: string; now: string },
): Promise<ErasureResult & { previousId: string | null }> {
  const { employeeId, adminId, secret, now } = options;
  const hash = subjectHash(secret, employeeId);
  return db.transaction().execute(async (trx) => {
    const earlier = await trx
      .selectFrom('erasures')
      .selectAll()
      .where((eb) => eb.or([eb('subject_hash', '=', hash), eb('pseudonym', '=', employeeId)]))
      .executeTakeFirst();
    if (earlier !== undefined) return { employeeId: earlier.pseudonym, erasedAt: earlier.erased_at, alreadyErased: true, previousId: null };
    const employee = await trx.selectFrom('employees').selectAll().where('id', '=', employeeId).executeTakeFirst();
    if (employee === undefined) throw notFound('No such employee.');
    if (employeeId === adminId) throw conflict('An admin cannot erase themselves; ask another admin.');
    const pseudonym = newId('anon');
    await trx
      .updateTable('employees')
      .set({
        id: pseudonym,
        display_name: FORMER_EMPLOYEE,
        email: null,
        avatar_url: null,
        status: 'deactivated',
        deactivated_at: employee.deactivated_at ?? now,
        updated_at: now,
      })
      .where('id', '=', employeeId)
      .execute();
    // The identity provider's login and id (SCIM) name the person too: a later provisioning of
    // the same person creates a new, empty employee.
    await sql`update employees set user_name = null, external_id = null, given_name = null, family_name = null where id = ${pseudonym}`.execute(
      trx,
    );
    await rewriteEmployeeId(trx, employeeId, pseudonym);
    await trx.updateTable('shares').set({ commentary: '' }).where('employee_id', '=', pseudonym).execute();
    await trx.updateTable('suggestions').set({ note: '' }).where('employee_id', '=', pseudonym).execute();
    // The audit trail stays, under the pseudonym and without what named the person or held their words.
    const mention = `%${JSON.stringify(employeeId).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const entries = await trx
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('target_id', '=', employeeId),
          eb('actor_id', '=', employeeId),
          sql<boolean>`${sql.ref('before')} like ${mention} escape '\\'`,
          sql<boolean>`${sql.ref('after')} like ${mention} escape '\\'`,
        ]),
      )
      .execute();
    for (const entry of entries) {
      await trx
        .updateTable('audit_log')
        .set({
          actor_id: entry.actor_id === employeeId ? pseudonym : entry.actor_id,
          target_id: entry.target_id === employeeId ? pseudonym : entry.target_id,
          before: redact(entry.before, employeeId, pseudonym),
          after: redact(entry.after, employeeId, pseudonym),
        })
        .where('id', '=', entry.id)
        .execute();
    }
    await trx.insertInto('erasures').values({ subject_hash: hash, pseudonym, erased_at: now }).execute();
    await recordAudit(trx, {
      actor: { kind: 'admin', id: adminId },
      action: 'employee.erase',
      target: { kind: 'employee', id: pseudonym },
      before: { status: employee.status, team: employee.team_id, role: employee.role },
      after: { displayName: FORMER_EMPLOYEE, status: 'deactivated', team: employee.team_id, role: employee.role },
      at: now,
    });
    return { employeeId: pseudonym, erasedAt: now, alreadyErased: false, previousId: employeeId };
  });
}

/**
 * After an erasure committed: clicks answered just before it may still be on their way to the
 * database under the old id (their points and point visitors). Call once those are stored (after
 * forgetting the cached links and flushing the clicks) to move them to the pseudonym too.
 */
export async function moveStragglers(db: Kysely<Database>, from: string, to: string): Promise<void> {
  await db.transaction().execute((trx) => rewriteEmployeeId(trx, from, to));
}
