/** Readers for one field of an import line: each returns the value or throws a message naming the field. */

export class FieldError extends Error {}

type Obj = Record<string, unknown>;

/** Ids and keys: printable, no whitespace at the ends, at most 200 characters. */
export function id(obj: Obj, key: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.length === 0 || value.length > 200 || value.trim() !== value || /\p{Cc}/u.test(value))
    throw new FieldError(`"${key}" must be a non-empty string of at most 200 characters without control characters`);
  return value;
}

export function text(obj: Obj, key: string, fallback?: string, max = 10_000): string {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (fallback !== undefined) return fallback;
    throw new FieldError(`"${key}" is missing`);
  }
  if (typeof value !== 'string' || value.length > max || value.includes('\u0000'))
    throw new FieldError(`"${key}" must be a string of at most ${max} characters`);
  return value;
}

export function optionalText(obj: Obj, key: string, max = 10_000): string | null {
  return obj[key] === undefined || obj[key] === null ? null : text(obj, key, undefined, max);
}

export function oneOf<T extends string>(obj: Obj, key: string, allowed: readonly T[], fallback?: T): T {
  const value = obj[key] ?? fallback;
  if (!allowed.includes(value as T)) throw new FieldError(`"${key}" must be one of ${allowed.join(', ')}`);
  return value as T;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A time with its offset (`2026-03-01T09:30:00Z`), stored as UTC ISO like every time in the database. */
export function time(obj: Obj, key: string, fallback?: string): string {
  const value = obj[key] ?? fallback;
  const ms = typeof value === 'string' && ISO.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms) || ms < 0 || ms > 253402300799999)
    throw new FieldError(`"${key}" must be an ISO 8601 time with its offset, such as 2026-03-01T09:30:00Z`);
  return new Date(ms).toISOString();
}

export function optionalTime(obj: Obj, key: string): string | null {
  return obj[key] === undefined || obj[key] === null ? null : time(obj, key);
}

export function number(obj: Obj, key: string, options: { fallback?: number; integer?: boolean; min?: number } = {}): number {
  const value = obj[key] ?? options.fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || (options.integer === true && !Number.isSafeInteger(value)))
    throw new FieldError(`"${key}" must be ${options.integer === true ? 'an integer' : 'a number'}`);
  if (options.min !== undefined && value < options.min) throw new FieldError(`"${key}" must be at least ${options.min}`);
  return value;
}

/** An http(s) URL: anything else (javascript:, data:, file:) could become a redirect target or a link. */
export function webUrl(obj: Obj, key: string): string {
  const value = text(obj, key, undefined, 2048);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FieldError(`"${key}" must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new FieldError(`"${key}" must be an absolute http(s) URL`);
  return url.toString();
}

export function strings(obj: Obj, key: string): string[] {
  const value = obj[key] ?? [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.length === 0 || item.length > 200))
    throw new FieldError(`"${key}" must be an array of strings`);
  return value as string[];
}

/** A map of locale to text (`{"en": "Product", "ja": "製品"}`). */
export function localized(obj: Obj, key: string): Record<string, string> {
  const value = obj[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0)
    throw new FieldError(`"${key}" must be an object of locale to text, such as {"en": "Product"}`);
  for (const [locale, name] of Object.entries(value)) {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) || typeof name !== 'string' || name.length === 0 || name.length > 200)
      throw new FieldError(`"${key}" must be an object of locale to text, such as {"en": "Product"}`);
  }
  return value as Record<string, string>;
}
