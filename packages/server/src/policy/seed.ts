import type { DemoSeed } from '@advocacy-kit/core/memory';
import { normalizeText } from '@advocacy-kit/core/rules';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** The seed's policy versions, blocked terms and disclosures (each kept when already there), as core's memory backend loads them. */
export async function loadCompliance(trx: Transaction<Database>, seed: DemoSeed): Promise<void> {
  for (const version of seed.policyVersions ?? []) {
    await trx
      .insertInto('policy_versions')
      .values({
        version: version.version,
        status: version.status,
        texts: JSON.stringify(version.texts),
        created_at: version.createdAt,
        updated_at: version.updatedAt,
        published_at: version.publishedAt,
      })
      .onConflict((oc) => oc.column('version').doNothing())
      .execute();
  }
  for (const term of seed.blockedTerms ?? []) {
    await trx
      .insertInto('blocked_terms')
      .values({
        id: term.id,
        locale: term.locale,
        term: term.term,
        term_key: normalizeText(term.term).trim(),
        reason: term.reason,
        created_at: term.createdAt,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const [locale, text] of Object.entries(seed.disclosures ?? {})) {
    await trx
      .insertInto('disclosures')
      .values({ locale, text, updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('locale').doNothing())
      .execute();
  }
}
