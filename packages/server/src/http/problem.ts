import type { FieldError, ProblemDetails } from '@advocacy-kit/core';
import type { PROBLEM_SLUGS } from '@advocacy-kit/core/contract';

/** Base of every problem `type` URI (same value as core's PROBLEM_TYPE_BASE). */
export const PROBLEM_BASE = 'https://advocacy-kit.dev/problems/';

/** The contract's problem slugs (`PROBLEM_SLUGS` in `@advocacy-kit/core/contract`). */
export type ProblemSlug = (typeof PROBLEM_SLUGS)[number];

const TITLES: Record<ProblemSlug, string> = {
  validation: 'The request is not valid',
  unauthorized: 'Authentication required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  rate_limited: 'Too many requests',
  database_unavailable: 'Database unavailable',
  identity_provider_unavailable: 'Identity provider unavailable',
  employee_deactivated: 'Employee deactivated',
  policy_required: 'Social-media policy not accepted',
  blocked_terms: 'Blocked terms',
  not_a_member: 'Not a member of the program',
  server: 'Server error',
};

/** An error a handler throws to answer with an RFC 9457 problem. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly slug: ProblemSlug;
  readonly fieldErrors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  /** The blocked terms found (`blocked_terms` problems). */
  readonly blockedTerms: ProblemDetails['blockedTerms'];

  constructor(
    status: number,
    slug: ProblemSlug,
    detail: string,
    options: { errors?: FieldError[]; headers?: Record<string, string>; blockedTerms?: ProblemDetails['blockedTerms'] } = {},
  ) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.fieldErrors = options.errors;
    this.headers = options.headers ?? {};
    this.blockedTerms = options.blockedTerms;
  }

  toJSON(): ProblemDetails {
    const body: ProblemDetails = { type: PROBLEM_BASE + this.slug, title: TITLES[this.slug], status: this.status, detail: this.message };
    if (this.fieldErrors !== undefined) body.errors = this.fieldErrors;
    if (this.blockedTerms !== undefined) body.blockedTerms = this.blockedTerms;
    return body;
  }
}

export const notFound = (detail: string) => new HttpProblem(404, 'not_found', detail);
export const forbidden = (detail: string) => new HttpProblem(403, 'forbidden', detail);
export const unauthorized = (detail: string) => new HttpProblem(401, 'unauthorized', detail, { headers: { 'WWW-Authenticate': 'Bearer' } });
export const conflict = (detail: string) => new HttpProblem(409, 'conflict', detail);
export const invalid = (status: 400 | 413 | 415 | 422, detail: string, errors?: FieldError[]) =>
  new HttpProblem(status, 'validation', detail, errors === undefined ? {} : { errors });

/** 503: the database is unreachable, too slow, full or read-only; the client tries again after Retry-After. */
export const databaseUnavailable = (detail: string, retryAfterSeconds: number) =>
  new HttpProblem(503, 'database_unavailable', detail, { headers: { 'Retry-After': String(retryAfterSeconds) } });

/**
 * 503: the identity provider's signing keys cannot be fetched, so the token can be neither
 * accepted nor refused; the client keeps its token and tries again after Retry-After.
 */
export const identityProviderUnavailable = (detail: string, retryAfterSeconds: number) =>
  new HttpProblem(503, 'identity_provider_unavailable', detail, { headers: { 'Retry-After': String(retryAfterSeconds) } });

/** The problem+json response for a problem. */
export function problemResponse(problem: HttpProblem): Response {
  return new Response(JSON.stringify(problem.toJSON()), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...problem.headers },
  });
}
