import type { FieldError, ProblemDetails } from './contract.js';

/** Stable error codes the UI can switch on. */
export type AdvocacyErrorCode =
  'network' | 'timeout' | 'unauthorized' | 'forbidden' | 'not_found' | 'validation' | 'conflict' | 'rate_limited' | 'server';

export const ADVOCACY_ERROR_CODES: readonly AdvocacyErrorCode[] = [
  'network',
  'timeout',
  'unauthorized',
  'forbidden',
  'not_found',
  'validation',
  'conflict',
  'rate_limited',
  'server',
];

/** Base of the problem type URIs the reference server uses, one per code. */
export const PROBLEM_TYPE_BASE = 'https://advocacy-kit.dev/problems/';

export interface AdvocacyErrorOptions {
  status?: number;
  fieldErrors?: FieldError[];
  problem?: ProblemDetails;
  /** Seconds to wait before retrying (`rate_limited`), from Retry-After. */
  retryAfter?: number;
  cause?: unknown;
}

/** Codes where trying the same call again later may succeed. */
const RETRYABLE: readonly AdvocacyErrorCode[] = ['network', 'timeout', 'rate_limited', 'server'];

/** Every failure core reports: a stable `code`, a human `message`, and details where known. */
export class AdvocacyError extends Error {
  override readonly name = 'AdvocacyError';
  declare readonly code: AdvocacyErrorCode;
  declare readonly status: number | undefined;
  declare readonly fieldErrors: FieldError[];
  declare readonly problem: ProblemDetails | undefined;
  declare readonly retryAfter: number | undefined;

  constructor(
    code: AdvocacyErrorCode,
    message: string,
    { status, fieldErrors = [], problem, retryAfter, cause }: AdvocacyErrorOptions = {},
  ) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, { code, status, fieldErrors, problem, retryAfter });
  }

  /** Whether trying the same call again later may succeed. */
  get retryable(): boolean {
    return RETRYABLE.includes(this.code);
  }
}

export function isAdvocacyError(value: unknown): value is AdvocacyError {
  return value instanceof AdvocacyError || (value instanceof Error && value.name === 'AdvocacyError' && 'code' in value);
}

export function isValidationError(value: unknown): value is AdvocacyError & { code: 'validation' } {
  return isAdvocacyError(value) && value.code === 'validation';
}

/** The problem slug of an error (`policy_required`, `blocked_terms`, …) when its backend named one. */
export const problemSlug = (error: unknown): string | undefined =>
  isAdvocacyError(error) ? error.problem?.type.split('/problems/')[1] : undefined;

/** HTTP statuses with a code of their own; every other status is `server`. */
const STATUS_CODES: Readonly<Record<number, AdvocacyErrorCode>> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  413: 'validation',
  415: 'validation',
  422: 'validation',
  429: 'rate_limited',
};

/** The error code for an HTTP status. */
export function codeForStatus(status: number): AdvocacyErrorCode {
  return STATUS_CODES[status] ?? 'server';
}
