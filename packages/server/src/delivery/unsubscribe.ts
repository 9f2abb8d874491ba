import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an unsubscribe link turns off: the digest, reminders, or both (from an invitation). */
export type UnsubscribeScope = 'digest' | 'nudges' | 'all';

const SCOPES: readonly UnsubscribeScope[] = ['digest', 'nudges', 'all'];

/** The key of unsubscribe tokens, derived from the server's secret so it is not the secret itself. */
export const unsubscribeKey = (serverSecret: string): Buffer =>
  createHmac('sha256', serverSecret).update('advocacy-kit/unsubscribe/v1').digest();

const mac = (key: Buffer, employeeId: string, scope: UnsubscribeScope) =>
  createHmac('sha256', key).update(`${employeeId}\n${scope}`).digest();

/**
 * A token naming one employee and what they turn off, signed (HMAC-SHA256): whoever holds the
 * link may unsubscribe that employee, and nobody else; it cannot be changed to name someone else.
 */
export function unsubscribeToken(key: Buffer, employeeId: string, scope: UnsubscribeScope): string {
  return `${Buffer.from(employeeId).toString('base64url')}.${scope}.${mac(key, employeeId, scope).toString('base64url')}`;
}

/** The employee and scope of a token, or null when it is malformed or its signature is wrong. */
export function readUnsubscribeToken(key: Buffer, token: string): { employeeId: string; scope: UnsubscribeScope } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [id, scope, signature] = parts as [string, string, string];
  if (!SCOPES.includes(scope as UnsubscribeScope) || !/^[A-Za-z0-9_-]{1,400}$/.test(id) || !/^[A-Za-z0-9_-]{43}$/.test(signature))
    return null;
  const employeeId = Buffer.from(id, 'base64url').toString('utf8');
  const expected = mac(key, employeeId, scope as UnsubscribeScope);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { employeeId, scope: scope as UnsubscribeScope };
}
