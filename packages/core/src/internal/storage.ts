/** First-party storage that never throws: private modes and quotas make `localStorage` fail. */
import type { StorageLike } from '../client/types.js';

/** The page's `localStorage`, or `null` outside browsers (where reading it throws) or where it is blocked. */
export function defaultStorage(): StorageLike | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

export function readJson<T>(storage: StorageLike | null, key: string): T | null {
  try {
    const raw = storage?.getItem(key);
    return raw == null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

/** Writes `value` as JSON (or removes the key for `null`); returns false when storage refused. */
export function writeJson(storage: StorageLike | null, key: string, value: unknown): boolean {
  if (!storage) return false;
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
