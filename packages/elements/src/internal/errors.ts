import { AdvocacyError, isAdvocacyError } from '@advocacy-kit/core';

/**
 * Backends reject with `AdvocacyError`; a custom backend that throws something else still gets
 * an error the components can show.
 */
export function asAdvocacyError(cause: unknown): AdvocacyError {
  return isAdvocacyError(cause) ? cause : new AdvocacyError('server', String(cause), { cause });
}
