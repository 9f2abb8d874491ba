import type { FieldError } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';

export { isHttpUrl } from '../links/url.js';

/** Collects field errors and throws one `validation` AdvocacyError with all of them. */
export class FieldErrors {
  readonly errors: FieldError[] = [];

  add(field: string, message: string, code: string): this {
    this.errors.push({ field, message, code });
    return this;
  }

  /** Adds an error when `ok` is false; returns `ok`. */
  check(ok: boolean, field: string, message: string, code: string): boolean {
    if (!ok) this.add(field, message, code);
    return ok;
  }

  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const first = this.errors[0]!;
    throw new AdvocacyError('validation', `${first.field}: ${first.message}`, {
      status: 422,
      fieldErrors: this.errors,
    });
  }
}

export function validationError(field: string, message: string, code: string): AdvocacyError {
  return new AdvocacyError('validation', `${field}: ${message}`, {
    status: 422,
    fieldErrors: [{ field, message, code }],
  });
}

export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

export function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Validates a page size: 1–100, default 20 (or `fallback`). */
export function pageLimit(limit: number | undefined, fallback = 20): number {
  if (limit === undefined || limit === null) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw validationError('limit', 'must be an integer from 1 to 100', 'out_of_range');
  }
  return limit;
}
