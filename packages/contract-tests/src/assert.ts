import { isAdvocacyError, type AdvocacyError, type AdvocacyErrorCode } from '@advocacy-kit/core/backend';

/** A broken expectation: what the check expected and what the backend gave instead. */
export class CheckFailure extends Error {
  override readonly name = 'CheckFailure';
  readonly expected: string;
  readonly actual: string;

  constructor(message: string, expected: string, actual: string) {
    super(message);
    this.expected = expected;
    this.actual = actual;
  }
}

/** Raised by `check.skip()`: the target lacks something the check needs. */
export class CheckSkipped extends Error {
  override readonly name = 'CheckSkipped';
}

/** Short, readable rendering of a value for a report line. */
export function show(value: unknown): string {
  if (value instanceof Error) return describeError(value);
  if (typeof value === 'string') return JSON.stringify(value);
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

function describeError(error: Error): string {
  if (isAdvocacyError(error)) {
    const fields = error.fieldErrors.map((f) => f.field).join(', ');
    return `AdvocacyError ${error.code}${error.status ? ` (HTTP ${error.status})` : ''}: ${error.message}${fields ? ` [fields: ${fields}]` : ''}`;
  }
  return `${error.name}: ${error.message}`;
}

/** Fails with `what` unless `condition` holds. */
export function assert(condition: boolean, what: string, expected: string, actual: unknown): asserts condition {
  if (!condition) throw new CheckFailure(what, expected, show(actual));
}

/** Fails unless `actual` deep-equals `expected` (compared as JSON). */
export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new CheckFailure(what, show(expected), show(actual));
  }
}

/**
 * Runs one step of a check. A step that should succeed but throws fails the check with the
 * step's description, so the report says what the suite was doing when the backend broke.
 */
export async function step<T>(description: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof CheckFailure || error instanceof CheckSkipped) throw error;
    throw new CheckFailure(`${description} failed`, 'success', show(error));
  }
}

/** Expects `action` to reject with an AdvocacyError of `code`; returns that error. */
export async function expectError(description: string, code: AdvocacyErrorCode, action: () => Promise<unknown>): Promise<AdvocacyError> {
  let result: unknown;
  try {
    result = await action();
  } catch (error) {
    if (isAdvocacyError(error) && error.code === code) return error;
    throw new CheckFailure(description, `AdvocacyError with code "${code}"`, show(error));
  }
  throw new CheckFailure(description, `AdvocacyError with code "${code}"`, `success: ${show(result)}`);
}

/**
 * Reads a value until `done` accepts it or `timeoutMs` passes, for effects a backend may apply a
 * moment later (such as click counters written in batches). Returns the last value read.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
