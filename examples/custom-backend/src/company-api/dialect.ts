/**
 * The Acme company API's dialect: snake_case keys, and its own words for a few things
 * (an article has a `headline` and a `link`; a share goes to a `channel` with a `message`; a
 * person has a `full_name`; a team is a `department`).
 *
 * Both sides use these two converters: the company API to speak its dialect, the adapter to
 * translate it back into the Advocacy Kit contract.
 */

/** Advocacy Kit name → company name, where the company uses another word. */
const RENAMED: Record<string, string> = {
  title: 'headline',
  url: 'link',
  network: 'channel',
  networks: 'channels',
  commentary: 'message',
  displayName: 'full_name',
  team: 'department_id',
  teamName: 'department_name',
  teams: 'departments',
  limit: 'per_page',
};
const BACK: Record<string, string> = Object.fromEntries(Object.entries(RENAMED).map(([ours, theirs]) => [theirs, ours]));

function snakeKey(key: string): string {
  return RENAMED[key] ?? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function camelKey(key: string): string {
  return BACK[key] ?? key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Keys of these objects are data (locales, networks), not field names: leave them alone. */
const DATA_KEYED = new Set(['names', 'suggestedCommentary', 'suggested_commentary', 'labels']);

function convert(value: unknown, rename: (key: string) => string, dataKeyed = false): unknown {
  if (Array.isArray(value)) return value.map((item) => convert(item, rename));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      dataKeyed ? key : rename(key),
      DATA_KEYED.has(key) ? convertData(item, rename) : convert(item, rename),
    ]),
  );
}

/** `{ ja: { default: '…' } }`: keep the locale and network keys as they are. */
function convertData(value: unknown, rename: (key: string) => string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? convert(value, (key) => key, true) : convert(value, rename);
}

/** Advocacy Kit shape → the company's shape. */
export function toCompany<T = unknown>(value: unknown): T {
  return convert(value, snakeKey) as T;
}

/** The company's shape → the Advocacy Kit shape. */
export function fromCompany<T = unknown>(value: unknown): T {
  return convert(value, camelKey) as T;
}

/** A field path in the company's words (`commentary` → `message`, `topics.0` → `topics.0`). */
export function companyField(field: string): string {
  return field
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? part : snakeKey(part)))
    .join('.');
}

/** A field path back in Advocacy Kit's words. */
export function contractField(field: string): string {
  return field
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? part : camelKey(part)))
    .join('.');
}

/** The company API's error codes, and the HTTP status each comes with. */
export const COMPANY_ERRORS = {
  SESSION_INVALID: 401,
  NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  INVALID: 422,
  DUPLICATE: 409,
  SLOW_DOWN: 429,
  INTERNAL: 500,
} as const;
export type CompanyErrorCode = keyof typeof COMPANY_ERRORS;

/** The company API's error body. */
export interface CompanyErrorBody {
  error: { code: CompanyErrorCode; message: string; fields?: Array<{ name: string; problem: string; reason?: string }> };
}

/** The company API's list body: page-numbered, with a snapshot time so pages stay stable. */
export interface CompanyPage<T> {
  results: T[];
  page: number;
  per_page: number;
  total: number;
  /** Items created after this moment are left out of every page of this listing. */
  as_of: string;
}
