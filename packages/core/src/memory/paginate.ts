import type { Page } from '../backend/contract.js';
import { validationError } from './validate.js';

/** Sort key of an item: a primary key compared as a string (ISO time), then the id. */
export type KeyOf<T> = (item: T) => readonly [string, string];

const encode = (key: readonly [string, string]): string =>
  btoa(JSON.stringify(key)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function decode(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string];
    }
  } catch {
    // fall through to the validation error
  }
  throw validationError('cursor', 'is not a cursor this backend issued', 'invalid_cursor');
}

const compareDesc = (a: readonly [string, string], b: readonly [string, string]): number =>
  a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0;

/**
 * Newest-first keyset pagination over (key, id): a page holds the items strictly after the
 * cursor's key, so items inserted between requests never shift a page (no gaps, no duplicates).
 */
export function paginate<T>(items: Iterable<T>, keyOf: KeyOf<T>, cursor: string | null | undefined, limit: number): Page<T> {
  const sorted = [...items].sort((a, b) => compareDesc(keyOf(a), keyOf(b)));
  const after = cursor ? decode(cursor) : null;
  const rest = after ? sorted.filter((item) => compareDesc(keyOf(item), after) > 0) : sorted;
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rest.length > limit && last ? encode(keyOf(last)) : null };
}
