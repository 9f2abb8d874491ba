import type { BlockedTerm, Compliance, Employee, NetworkId, PolicyVersion, Post } from '@advocacy-kit/core';
import { blockedTermsIn, disclosureFor, withDisclosure } from '@advocacy-kit/core/rules';
import { composeShareText, countText, networks } from '@advocacy-kit/core/share';
import { sql } from 'kysely';
import { findEmployee } from '../auth/employees.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { HttpProblem, invalid } from '../http/problem.js';
import { nowIso } from '../ids.js';

export const toPolicyVersion = (row: Database['policy_versions']): PolicyVersion => ({
  version: Number(row.version),
  status: row.status as PolicyVersion['status'],
  texts: JSON.parse(row.texts),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  publishedAt: row.published_at,
});

export const toBlockedTerm = (row: Database['blocked_terms']): BlockedTerm => ({
  id: row.id,
  locale: row.locale,
  term: row.term,
  reason: row.reason,
  createdAt: row.created_at,
});

/** The current published policy version, if one was ever published. */
export async function currentPolicy(db: Db): Promise<PolicyVersion | null> {
  const row = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : toPolicyVersion(row);
}

/**
 * The current policy, the blocked terms and the disclosures in one read (a share checks all
 * three): one row each, told apart by `kind`; terms by locale, then term (its folded key).
 */
export async function compliance(db: Db): Promise<Compliance> {
  const none = sql`cast(null as text)`;
  const { rows } = await sql<{ kind: 'd' | 'p' | 't'; a: string; b: string; c: string | null; d: string | null; e: string | null }>`
    select * from (
      select 'p' as kind, cast(version as text) as a, texts as b, published_at as c, ${none} as d, ${none} as e, ${none} as k1, ${none} as k2
      from policy_versions where status = 'published' order by version desc limit 1
    ) p
    union all select 't', id, locale, term, reason, created_at, locale, term_key from blocked_terms
    union all select 'd', locale, text, ${none}, ${none}, ${none}, locale, ${none} from disclosures
    order by 1, 7, 8, 2`.execute(db);
  const policy = rows.find((row) => row.kind === 'p');
  return {
    policy: policy === undefined ? null : { version: Number(policy.a), texts: JSON.parse(policy.b), publishedAt: policy.c! },
    blockedTerms: rows
      .filter((row) => row.kind === 't')
      .map((row) => ({ id: row.a, locale: row.b, term: row.c!, reason: row.d!, createdAt: row.e! })),
    disclosures: Object.fromEntries(rows.filter((row) => row.kind === 'd').map((row) => [row.a, row.b])),
  };
}

/**
 * The commentary a share stores (the same rules as core's memory backend): refused with 403
 * `policy_required` while the current policy version is not accepted, 422 `blocked_terms` with a
 * blocked term, and 422 when, with the disclosure and the post's hashtags added, the text and link
 * are over the network's limit.
 */
export async function sharedCommentary(
  db: Db,
  me: Employee,
  post: Post,
  network: NetworkId,
  commentary: string,
  trackingUrl: string,
): Promise<string> {
  const { policy, blockedTerms: terms, disclosures: texts } = await compliance(db);
  if (policy !== null && me.policyVersionAccepted !== policy.version) {
    throw new HttpProblem(403, 'policy_required', `Accept version ${policy.version} of the social-media policy before sharing.`);
  }
  const found = blockedTermsIn(commentary, terms);
  if (found.length > 0) {
    throw new HttpProblem(422, 'blocked_terms', 'The commentary contains blocked terms.', {
      errors: found.map(({ term, reason }) => ({ field: 'commentary', message: `contains “${term}”: ${reason}`, code: 'blocked_term' })),
      blockedTerms: found.map(({ term, reason }) => ({ term, reason })),
    });
  }
  const text = withDisclosure(commentary, disclosureFor(texts, me.locale), post.hashtags);
  const limit = networks[network].limit;
  if (limit !== null && countText(network, composeShareText(text, trackingUrl)) > limit) {
    throw invalid(422, `With the disclosure, hashtags and link, the text is over ${network}'s limit of ${limit}.`, [
      { field: 'commentary', message: `with the disclosure, hashtags and link, must fit in ${limit} characters`, code: 'too_long' },
    ]);
  }
  return text;
}

/**
 * Records that `me` accepted `version` (default: the current one): 409 when it is not the current
 * version. Without any published policy, the first acceptance time is kept, as before versions.
 */
export async function acceptPolicy(db: Db, me: Employee, version: number | undefined): Promise<Employee> {
  const current = (await currentPolicy(db))?.version ?? null;
  if (version !== undefined && version !== current) {
    throw new HttpProblem(409, 'conflict', `Version ${version} is not the current policy.`, {
      errors: [{ field: 'version', message: `the current version is ${current ?? 'none'}`, code: 'not_current' }],
    });
  }
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    if (current === null) {
      await trx
        .updateTable('employees')
        .set({ policy_accepted_at: now })
        .where('id', '=', me.id)
        .where('policy_accepted_at', 'is', null)
        .execute();
      return;
    }
    const updated = await trx
      .updateTable('employees')
      .set({ policy_accepted_at: now, policy_version_accepted: current })
      .where('id', '=', me.id)
      .where((eb) => eb.or([eb('policy_version_accepted', 'is', null), eb('policy_version_accepted', '<>', current)]))
      .executeTakeFirst();
    if (updated.numUpdatedRows > 0n) {
      await trx
        .insertInto('policy_acceptances')
        .values({ employee_id: me.id, version: current, accepted_at: now })
        .onConflict((oc) => oc.columns(['employee_id', 'version']).doNothing())
        .execute();
    }
  });
  const stored = await findEmployee(db, me.id);
  return { ...me, policyAcceptedAt: stored?.policyAcceptedAt ?? null, policyVersionAccepted: stored?.policyVersionAccepted ?? null };
}
