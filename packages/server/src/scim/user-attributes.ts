import { badRequest } from './errors.js';
import { valueOf, type ScimDocument } from './patch.js';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** What this server keeps of a SCIM User. */
export interface UserInput {
  userName: string;
  externalId: string | null;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  locale: string | null;
  timeZone: string | null;
  /** Null when not sent: a new User is active, an existing one keeps their status. */
  active: boolean | null;
  /** The enterprise extension's department, null when not sent. */
  department: string | null;
}

const TEXT_MAX = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** An optional text attribute: a string without control characters, at most 200 characters; empty is null. */
function text(value: unknown, name: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw badRequest('invalidValue', `${name} must be a string.`);
  const trimmed = value.trim();
  if (trimmed.length > TEXT_MAX || CONTROL.test(trimmed)) {
    throw badRequest('invalidValue', `${name} must be at most ${TEXT_MAX} characters without control characters.`);
  }
  return trimmed === '' ? null : trimmed;
}

/** `active` as a boolean: true/false, or the strings "True"/"False" some Entra ID versions send. */
export function booleanOf(value: unknown, name: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw badRequest('invalidValue', `${name} must be true or false.`);
}

/** The primary email, else the work one, else the first. */
function primaryEmail(emails: unknown): string | null {
  if (emails === undefined || emails === null) return null;
  if (!Array.isArray(emails)) throw badRequest('invalidValue', 'emails must be an array.');
  const items = emails.filter(isObject);
  const primary =
    items.find((item) => valueOf(item, 'primary') === true || String(valueOf(item, 'primary')).toLowerCase() === 'true') ??
    items.find((item) => String(valueOf(item, 'type') ?? '').toLowerCase() === 'work') ??
    items[0];
  const email = primary === undefined ? null : text(valueOf(primary, 'value'), 'emails.value');
  if (email !== null && !EMAIL.test(email)) throw badRequest('invalidValue', 'emails.value must be an email address.');
  return email;
}

/** `en_US` → `en-US`; anything that is not a language tag is null (the employee keeps their locale). */
function languageTag(value: string | null): string | null {
  const tag = value?.replace(/_/g, '-') ?? null;
  return tag !== null && LANGUAGE_TAG.test(tag) ? tag : null;
}

function timeZone(value: string | null): string | null {
  if (value === null) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw badRequest('invalidValue', `timezone "${value}" is not an IANA time zone such as Asia/Tokyo.`);
  }
}

/**
 * Reads a SCIM User (a POST or PUT body, or a patched representation). Attributes this server
 * does not keep (phone numbers, addresses, title, …) are accepted and ignored; `roles`,
 * `entitlements` and `groups` are ignored too, because the role comes from the sign-in token and
 * the team from Groups or `department`.
 */
export function readUser(document: ScimDocument): UserInput {
  const userName = text(valueOf(document, 'userName'), 'userName');
  if (userName === null) throw badRequest('invalidValue', 'userName is required.');
  const name = valueOf(document, 'name');
  const names = isObject(name) ? name : {};
  const givenName = text(valueOf(names, 'givenName'), 'name.givenName');
  const familyName = text(valueOf(names, 'familyName'), 'name.familyName');
  const formatted = text(valueOf(names, 'formatted'), 'name.formatted');
  const joined = [givenName, familyName].filter((part) => part !== null).join(' ');
  const displayName = text(valueOf(document, 'displayName'), 'displayName') ?? formatted ?? (joined === '' ? userName : joined);
  const enterprise = valueOf(document, ENTERPRISE_SCHEMA);
  const active = valueOf(document, 'active');
  return {
    userName,
    externalId: text(valueOf(document, 'externalId'), 'externalId'),
    displayName,
    givenName,
    familyName,
    email: primaryEmail(valueOf(document, 'emails')),
    locale: languageTag(text(valueOf(document, 'preferredLanguage'), 'preferredLanguage') ?? text(valueOf(document, 'locale'), 'locale')),
    timeZone: timeZone(text(valueOf(document, 'timezone'), 'timezone')),
    active: active === undefined || active === null ? null : booleanOf(active, 'active'),
    department: isObject(enterprise) ? text(valueOf(enterprise, 'department'), 'department') : null,
  };
}
