import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether `candidate` is one of `keys`, compared in constant time (digests of equal length). */
export function isApiKey(keys: readonly string[], candidate: string): boolean {
  const wanted = digest(candidate);
  let found = false;
  for (const key of keys) found = timingSafeEqual(digest(key), wanted) || found;
  return found;
}
