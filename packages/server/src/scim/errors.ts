import type { HttpProblem } from '../http/problem.js';

export const SCIM_MEDIA_TYPE = 'application/scim+json';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** RFC 7644 §3.12 `scimType` values this server answers with. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** A SCIM error (RFC 7644 §3.12): its HTTP status, `scimType` where one applies, and a detail. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const badRequest = (scimType: ScimType, detail: string) => new ScimError(400, detail, scimType);
export const scimNotFound = (detail: string) => new ScimError(404, detail);

/** A SCIM answer: `application/scim+json`, any status. */
export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': SCIM_MEDIA_TYPE, ...headers } });
}

/** The error body of RFC 7644 §3.12; `status` is a string there. */
export function scimErrorResponse(error: ScimError): Response {
  return scimJson(
    {
      schemas: [ERROR_SCHEMA],
      status: String(error.status),
      ...(error.scimType === undefined ? {} : { scimType: error.scimType }),
      detail: error.detail,
    },
    error.status,
    error.headers,
  );
}

/** The server's own problems (429, 503, 413) in SCIM's error shape, keeping their headers. */
export function fromProblem(problem: HttpProblem): ScimError {
  return new ScimError(problem.status, problem.message, undefined, problem.headers);
}
