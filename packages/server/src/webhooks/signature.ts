import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Header carrying this server's own signature of a webhook delivery. Deprecated: deliveries are
 * also signed by the Standard Webhooks specification (`./standard.ts`), and this header will be
 * dropped in a later release. Its HMAC key is the whole secret string, `whsec_` included.
 */
export const SIGNATURE_HEADER = 'Advocacy-Signature';

/** Deliveries older than this (in seconds) are refused by `verifyWebhookSignature` by default. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const hmac = (secret: string, timestamp: number, payload: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');

/** The `Advocacy-Signature` value for a body sent at `timestamp` (Unix seconds): `t=<unix>,v1=<hex>`. */
export function signWebhookPayload(payload: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, payload)}`;
}

export interface VerifyWebhookOptions {
  /** The raw request body, exactly as received (before JSON parsing). */
  payload: string;
  /** The `Advocacy-Signature` header. */
  header: string | null | undefined;
  /** The endpoint's secret, shown once when the endpoint was registered. */
  secret: string;
  /** How old a delivery may be, in seconds; also bounds clock skew into the future. */
  toleranceSeconds?: number;
  /** The receiver's clock; tests pass a fixed time. */
  now?: Date;
}

export type WebhookVerification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing_header' | 'malformed_header' | 'timestamp_out_of_tolerance' | 'signature_mismatch' };

/**
 * Checks a delivery on the receiving side: the HMAC-SHA256 of `${t}.${payload}` with the
 * endpoint's secret must equal one of the `v1` values (compared in constant time), and `t` must be
 * within `toleranceSeconds` of now, so a captured request cannot be replayed later.
 *
 * ```ts
 * const result = verifyWebhookSignature({ payload: rawBody, header: req.headers['advocacy-signature'], secret });
 * if (!result.ok) return res.status(400).end(result.reason);
 * ```
 */
/** @deprecated Verify the standard headers instead: `verifyStandardWebhook()` or a Standard Webhooks library. */
export function verifyWebhookSignature(options: VerifyWebhookOptions): WebhookVerification {
  const { payload, header, secret, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = new Date() } = options;
  if (header === null || header === undefined || header === '') return { ok: false, reason: 'missing_header' };
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2) as [string, string | undefined];
    if (value === undefined) continue;
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) return { ok: false, reason: 'malformed_header' };
  if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > toleranceSeconds) return { ok: false, reason: 'timestamp_out_of_tolerance' };
  const expected = Buffer.from(hmac(secret, timestamp, payload), 'hex');
  const matches = signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected));
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'signature_mismatch' };
}
