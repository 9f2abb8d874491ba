import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEFAULT_TOLERANCE_SECONDS } from './signature.js';

/**
 * Signing by the Standard Webhooks specification (https://www.standardwebhooks.com): three
 * headers that receivers check with an existing library (`standardwebhooks` on npm, and its
 * ports to other languages) given the endpoint's secret.
 */
export const STANDARD_WEBHOOK_HEADERS = {
  /** The message id: the event's id, the same in every attempt and replay of it. */
  id: 'webhook-id',
  /** When this attempt was signed, in integer Unix seconds. */
  timestamp: 'webhook-timestamp',
  /** Space-separated `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, one per signing key. */
  signature: 'webhook-signature',
} as const;

const SECRET_PREFIX = 'whsec_';
// Standard base64, or the URL-safe alphabet of endpoints created before the standard headers.
const SECRET_KEY = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

/**
 * The HMAC key of an endpoint secret `whsec_<base64>`: the bytes its base64 stands for, as in the
 * specification. Secrets are created in standard base64; older ones are URL-safe base64 of 32
 * bytes, which decodes to its key the same way. Throws on anything else.
 */
export function standardWebhookKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (!SECRET_KEY.test(encoded)) throw new TypeError('A webhook secret is "whsec_" followed by base64.');
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new TypeError('A webhook secret is "whsec_" followed by base64.');
  return key;
}

/**
 * The secret in the form every Standard Webhooks library accepts (`whsec_` and standard,
 * padded base64). The same key: for secrets created before the standard headers, which are in
 * URL-safe base64, this is what to configure a standard library with.
 */
export function toStandardWebhookSecret(secret: string): string {
  return `${SECRET_PREFIX}${standardWebhookKey(secret).toString('base64')}`;
}

const sign = (key: Buffer, id: string, timestamp: number, payload: string) =>
  createHmac('sha256', key).update(`${id}.${timestamp}.${payload}`).digest();

/**
 * The three Standard Webhooks headers of a message `id` with body `payload` sent at `timestamp`
 * (Unix seconds). With several secrets (a rotation), `webhook-signature` carries one signature
 * per secret, space-separated, so receivers holding either secret accept it.
 */
export function standardWebhookHeaders(
  id: string,
  timestamp: number,
  payload: string,
  secrets: readonly string[],
): Record<(typeof STANDARD_WEBHOOK_HEADERS)[keyof typeof STANDARD_WEBHOOK_HEADERS], string> {
  const signatures = secrets.map((secret) => `v1,${sign(standardWebhookKey(secret), id, timestamp, payload).toString('base64')}`);
  return {
    [STANDARD_WEBHOOK_HEADERS.id]: id,
    [STANDARD_WEBHOOK_HEADERS.timestamp]: String(timestamp),
    [STANDARD_WEBHOOK_HEADERS.signature]: signatures.join(' '),
  };
}

export interface VerifyStandardWebhookOptions {
  /** The raw request body, exactly as received (before JSON parsing). */
  payload: string;
  /** The request's headers: a fetch `Headers`, or Node's `request.headers` (names in any case). */
  headers: Headers | Record<string, string | string[] | undefined>;
  /** The endpoint's secret, `whsec_…`, shown once when the endpoint was registered. */
  secret: string;
  /** How old a delivery may be, in seconds; also bounds clock skew into the future. */
  toleranceSeconds?: number;
  /** The receiver's clock; tests pass a fixed time. */
  now?: Date;
}

export type StandardWebhookVerification =
  | { ok: true; id: string; timestamp: number }
  | { ok: false; reason: 'missing_header' | 'malformed_header' | 'timestamp_out_of_tolerance' | 'signature_mismatch' };

function header(headers: VerifyStandardWebhookOptions['headers'], name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? (value.length === 1 ? value[0]! : null) : (value ?? null);
  }
  return null;
}

/**
 * Checks a delivery on the receiving side as the Standard Webhooks libraries do, without one:
 * the HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{payload}` under the secret's key must
 * equal one of the `v1` signatures (compared in constant time), and the timestamp must be within
 * `toleranceSeconds` of now, so a captured request cannot be replayed later. Dedupe on the
 * returned `id`: retries and replays of one event carry the same one. Throws a `TypeError` when
 * `secret` is not `whsec_` and base64: a configuration mistake, not a bad request.
 *
 * ```ts
 * const result = verifyStandardWebhook({ payload: rawBody, headers: request.headers, secret });
 * if (!result.ok) return response.status(400).end(result.reason);
 * ```
 */
export function verifyStandardWebhook(options: VerifyStandardWebhookOptions): StandardWebhookVerification {
  const { payload, headers, secret, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = new Date() } = options;
  const key = standardWebhookKey(secret);
  const id = header(headers, STANDARD_WEBHOOK_HEADERS.id);
  const timestampHeader = header(headers, STANDARD_WEBHOOK_HEADERS.timestamp);
  const signatureHeader = header(headers, STANDARD_WEBHOOK_HEADERS.signature);
  if (!id || !timestampHeader || !signatureHeader) return { ok: false, reason: 'missing_header' };
  if (!/^\d{1,12}$/.test(timestampHeader)) return { ok: false, reason: 'malformed_header' };
  const signatures = signatureHeader.split(' ').filter((entry) => /^v1,[A-Za-z0-9+/]{43}=$/.test(entry));
  if (signatures.length === 0) return { ok: false, reason: 'malformed_header' };
  const timestamp = Number(timestampHeader);
  if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > toleranceSeconds) return { ok: false, reason: 'timestamp_out_of_tolerance' };
  const expected = Buffer.from(`v1,${sign(key, id, timestamp, payload).toString('base64')}`);
  const matches = signatures.some((signature) => timingSafeEqual(Buffer.from(signature), expected));
  return matches ? { ok: true, id, timestamp } : { ok: false, reason: 'signature_mismatch' };
}
