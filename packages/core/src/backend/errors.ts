import type { FieldError, ProblemDetails } from './contract.js';

/** Stable error codes the UI can switch on. */
export type AdvocacyErrorCode =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'rate_limited'
  | 'server';

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

/** Every failure core reports: a stable `code`, a human `message`, and details where known. */
export class AdvocacyError extends Error {
  override readonly name = 'AdvocacyError';
  readonly code: AdvocacyErrorCode;
  readonly status: number | undefined;
  readonly fieldErrors: FieldError[];
  readonly problem: ProblemDetails | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: AdvocacyErrorCode, message: string, options: AdvocacyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.fieldErrors = options.fieldErrors ?? [];
    this.problem = options.problem;
    this.retryAfter = options.retryAfter;
  }

  /** Whether trying the same call again later may succeed. */
  get retryable(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      this.code === 'rate_limited' ||
      this.code === 'server'
    );
  }
}

export function isAdvocacyError(value: unknown): value is AdvocacyError {
  return value instanceof AdvocacyError || (value instanceof Error && value.name === 'AdvocacyError' && 'code' in value);
}

export function isValidationError(value: unknown): value is AdvocacyError & { code: 'validation' } {
  return isAdvocacyError(value) && value.code === 'validation';
}

/** The error code for an HTTP status. */
export function codeForStatus(status: number): AdvocacyErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'validation';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  return 'server';
}
