import type { BlockedTerm, BlockedTermInput, Compliance, Employee, NetworkId, PolicyVersion, Post } from '../backend/contract.js';
import { AdvocacyError, PROBLEM_TYPE_BASE } from '../backend/errors.js';
import { blockedTermsIn, disclosureFor, normalizeText, withDisclosure } from '../rules/compliance.js';
import { countText, networks } from '../share/networks.js';
import { composeShareText } from '../share/text.js';
import type { DemoSeed } from './seed-types.js';
import { FieldErrors, validationError } from './validate.js';

/** The program's policy versions (oldest first), blocked terms and disclosures. */
export interface ComplianceState {
  versions: PolicyVersion[];
  blockedTerms: BlockedTerm[];
  disclosures: Record<string, string>;
}

const LOCALE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const POLICY_MAX = 20000;
const DISCLOSURE_MAX = 100;

export const complianceFromSeed = (seed: DemoSeed | undefined): ComplianceState => ({
  versions: structuredClone(seed?.policyVersions ?? []),
  blockedTerms: structuredClone(seed?.blockedTerms ?? []),
  disclosures: { ...seed?.disclosures },
});

/** The current published version, if any. */
export const currentPolicy = (state: ComplianceState): PolicyVersion | undefined =>
  state.versions.findLast((version) => version.status === 'published');

export function complianceOf(state: ComplianceState): Compliance {
  const current = currentPolicy(state);
  return {
    policy: current ? { version: current.version, texts: current.texts, publishedAt: current.publishedAt! } : null,
    blockedTerms: state.blockedTerms,
    disclosures: state.disclosures,
  };
}

const problem = (code: 'forbidden' | 'validation', status: number, slug: string, detail: string, extra: object = {}) =>
  new AdvocacyError(code, detail, {
    status,
    problem: { type: PROBLEM_TYPE_BASE + slug, title: detail, status, detail, ...extra },
    fieldErrors: (extra as { errors?: [] }).errors ?? [],
  });

/** Records that `employee` accepted `version` (default: the current one). */
export function acceptPolicy(state: ComplianceState, employee: Employee, version: number | undefined, now: string): Employee {
  const current = currentPolicy(state)?.version ?? null;
  if (version !== undefined && version !== current) {
    throw new AdvocacyError('conflict', `Version ${version} is not the current policy (${current ?? 'none'})`, { status: 409 });
  }
  if (employee.policyAcceptedAt === null || (current !== null && employee.policyVersionAccepted !== current)) {
    employee.policyAcceptedAt = now;
    employee.policyVersionAccepted = current;
  }
  return employee;
}

/**
 * The commentary a share stores: refused without the current policy accepted (403
 * `policy_required`), with a blocked term (422 `blocked_terms`) or, with the disclosure and the
 * post's hashtags added, over the network's limit (422).
 */
export function sharedCommentary(state: ComplianceState, employee: Employee, post: Post, network: NetworkId, commentary: string): string {
  const current = currentPolicy(state);
  if (current && employee.policyVersionAccepted !== current.version) {
    throw problem('forbidden', 403, 'policy_required', `Accept version ${current.version} of the social-media policy before sharing.`);
  }
  const found = blockedTermsIn(commentary, state.blockedTerms);
  if (found.length > 0) {
    const errors = found.map(({ term, reason }) => ({
      field: 'commentary',
      message: `contains “${term}”: ${reason}`,
      code: 'blocked_term',
    }));
    throw problem('validation', 422, 'blocked_terms', 'The commentary contains blocked terms.', {
      errors,
      blockedTerms: found.map(({ term, reason }) => ({ term, reason })),
    });
  }
  const text = withDisclosure(commentary, disclosureFor(state.disclosures, employee.locale), post.hashtags);
  const limit = networks[network].limit;
  if (limit !== null && countText(network, composeShareText(text, 'https://adv.example.com/r/XXXXXXXX')) > limit) {
    throw validationError('commentary', `with the disclosure, hashtags and link, must fit in ${limit} characters`, 'too_long');
  }
  return text;
}

/** The admin operations, for an admin already checked. */
export function complianceAdmin(state: ComplianceState, now: () => string, nextId: (prefix: string) => string) {
  const checkTexts = (texts: Record<string, string>, max: number, field: string, needOne: boolean) => {
    const e = new FieldErrors();
    const entries = Object.entries(texts ?? {});
    e.check(!needOne || entries.length > 0, field, 'needs at least one locale', 'required');
    for (const [locale, text] of entries) {
      e.check(LOCALE.test(locale), `${field}.${locale}`, 'must be a BCP 47 locale', 'invalid_pattern');
      e.check(typeof text === 'string' && text.length <= max, `${field}.${locale}`, `must be at most ${max} characters`, 'too_long');
    }
    e.throwIfAny();
  };
  return {
    listPolicyVersions: () => [...state.versions].reverse(),
    savePolicyDraft(texts: Record<string, string>): PolicyVersion {
      checkTexts(texts, POLICY_MAX, 'texts', true);
      const last = state.versions.at(-1);
      if (last?.status === 'draft') return Object.assign(last, { texts: { ...texts }, updatedAt: now() });
      const draft: PolicyVersion = {
        version: (last?.version ?? 0) + 1,
        status: 'draft',
        texts: { ...texts },
        createdAt: now(),
        updatedAt: now(),
        publishedAt: null,
      };
      state.versions.push(draft);
      return draft;
    },
    publishPolicy(): PolicyVersion {
      const draft = state.versions.at(-1);
      if (draft?.status !== 'draft') throw new AdvocacyError('not_found', 'There is no draft to publish', { status: 404 });
      return Object.assign(draft, { status: 'published', publishedAt: now(), updatedAt: now() });
    },
    createBlockedTerm(input: BlockedTermInput): BlockedTerm {
      const e = new FieldErrors();
      e.check(typeof input.locale === 'string' && LOCALE.test(input.locale), 'locale', 'must be a BCP 47 locale', 'invalid_pattern');
      e.check(
        typeof input.term === 'string' && input.term.trim() !== '' && input.term.length <= 200,
        'term',
        'must be 1–200 characters',
        'required',
      );
      e.check(
        typeof input.reason === 'string' && input.reason.trim() !== '' && input.reason.length <= 500,
        'reason',
        'must be 1–500 characters',
        'required',
      );
      e.throwIfAny();
      const key = normalizeText(input.term).trim();
      if (state.blockedTerms.some((t) => t.locale === input.locale && normalizeText(t.term).trim() === key)) {
        throw new AdvocacyError('conflict', `“${input.term}” is already blocked for ${input.locale}`, { status: 409 });
      }
      const term: BlockedTerm = {
        id: nextId('term'),
        locale: input.locale,
        term: input.term.trim(),
        reason: input.reason,
        createdAt: now(),
      };
      state.blockedTerms.push(term);
      return term;
    },
    deleteBlockedTerm(id: string): void {
      const index = state.blockedTerms.findIndex((term) => term.id === id);
      if (index < 0) throw new AdvocacyError('not_found', `No blocked term "${id}"`, { status: 404 });
      state.blockedTerms.splice(index, 1);
    },
    updateDisclosures(disclosures: Record<string, string>): Compliance {
      checkTexts(disclosures, DISCLOSURE_MAX, 'disclosures', false);
      state.disclosures = Object.fromEntries(Object.entries(disclosures).filter(([, text]) => text.trim() !== ''));
      return complianceOf(state);
    },
  };
}
