import type { AdvocacyBackend } from '../backend/backend.js';
import type { ConversionInput, ConversionType } from '../backend/contract.js';
import { AdvocacyError, codeForStatus, isAdvocacyError } from '../backend/errors.js';
import type { StorageLike } from '../client/types.js';
import { defaultStorage, readJson, writeJson } from '../internal/storage.js';
import { REFERRAL_PARAM } from '../links/utm.js';

/*
 * The landing-page side of attribution: a visitor arrives from a tracking link with `adv_ref`
 * in the URL; `captureReferral()` keeps it in first-party storage, and when the visitor later
 * converts (signs up, asks for a demo), `reportConversion()` sends it once to the backend.
 */

const REFERRAL_KEY = 'adv_ref';
const CONVERSIONS_KEY = 'adv_conversions';
const DAY = 86_400_000;
/** Tracking codes are base62/base64url. Anything else in the URL is ignored. */
const CODE = /^[A-Za-z0-9_-]{6,64}$/;
/** How many sent externalIds are remembered to refuse duplicates locally (the backend dedups as well). */
const SENT_MEMORY = 100;

interface StoredReferral {
  code: string;
  expiresAt: number;
}

interface ConversionLog {
  pending: ConversionInput[];
  sent: string[];
}

export interface ReferralOptions {
  /** Default `localStorage`. */
  storage?: StorageLike | null;
  now?: () => Date;
}

export interface CaptureReferralOptions extends ReferralOptions {
  /** The landing URL; default `location.href`. */
  url?: string | URL;
  /** How long a referral counts after the visit; default 30 days. */
  ttlDays?: number;
}

const storageOf = (options: ReferralOptions) => (options.storage === undefined ? defaultStorage() : options.storage);
const nowOf = (options: ReferralOptions) => (options.now ?? (() => new Date()))().getTime();

/** The referral code kept from an earlier visit, or `null` when there is none or it expired. */
export function getReferral(options: ReferralOptions = {}): string | null {
  const storage = storageOf(options);
  const stored = readJson<StoredReferral>(storage, REFERRAL_KEY);
  if (!stored || typeof stored.code !== 'string') return null;
  if (stored.expiresAt <= nowOf(options)) {
    writeJson(storage, REFERRAL_KEY, null);
    return null;
  }
  return stored.code;
}

/**
 * Reads `adv_ref` from the landing URL and keeps it (last click wins) for `ttlDays`. Returns the
 * referral in force: the new one, else a stored one that has not expired, else `null`.
 */
export function captureReferral(options: CaptureReferralOptions = {}): string | null {
  const href = options.url ?? (typeof location === 'undefined' ? undefined : location.href);
  let code: string | null = null;
  try {
    if (href !== undefined) code = new URL(href).searchParams.get(REFERRAL_PARAM);
  } catch {
    code = null;
  }
  if (code === null || !CODE.test(code)) return getReferral(options);
  writeJson(storageOf(options), REFERRAL_KEY, { code, expiresAt: nowOf(options) + (options.ttlDays ?? 30) * DAY });
  return code;
}

/**
 * Where a conversion goes. Conversions are reported by the company's server, never by an
 * employee's token: in a browser, `endpoint` is the company's own server route, which checks the
 * lead or order and calls the Advocacy API with its API key (`X-Api-Key`, which a page must
 * never hold). `backend` is for code that runs there, or for the memory backend in demos.
 */
export interface ConversionTransport extends ReferralOptions {
  /** Send through a backend: on the company's server, an `httpBackend` with its `X-Api-Key` header; `memoryBackend` in demos… */
  backend?: Pick<AdvocacyBackend, 'recordConversion'>;
  /** …or POST the ConversionInput as JSON to this URL: the company's own server, which adds its API key and forwards it. */
  endpoint?: string;
  /** Extra headers for `endpoint`. */
  headers?: Record<string, string>;
  /** A `fetch` for `endpoint`; default the global one. */
  fetch?: typeof fetch;
}

export interface ReportConversionOptions extends ConversionTransport {
  type: ConversionType;
  /** Your own id for the conversion: the same id is reported once. */
  externalId: string;
  /** What it is worth, at most the backend's `rules.conversions.maxValue` (one million by default); needs `currency`. */
  value?: number;
  /** ISO 4217 code of `value`, e.g. `'EUR'`; required whenever `value` is given. */
  currency?: string;
  /** The referral code; default the one `captureReferral()` kept. */
  code?: string;
}

/**
 * What became of a conversion: sent now, queued for a retry, sent before, refused by the
 * backend (unknown code, invalid input: not retried), or no referral to credit.
 */
export type ConversionReport = 'sent' | 'queued' | 'already_sent' | 'rejected' | 'no_referral';

async function post(transport: ConversionTransport, input: ConversionInput): Promise<void> {
  if (transport.backend) {
    await transport.backend.recordConversion(input);
    return;
  }
  if (!transport.endpoint) throw new TypeError('reportConversion needs a backend or an endpoint');
  let response: Response;
  try {
    response = await (transport.fetch ?? fetch)(transport.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': input.externalId, ...transport.headers },
      body: JSON.stringify(input),
      keepalive: true,
    });
  } catch (error) {
    throw new AdvocacyError('network', 'The conversion could not be sent', { cause: error });
  }
  if (!response.ok) {
    throw new AdvocacyError(codeForStatus(response.status), `HTTP ${response.status}`, { status: response.status });
  }
}

let onlineListener: (() => void) | null = null;

const loadLog = (storage: StorageLike | null): ConversionLog =>
  readJson<ConversionLog>(storage, CONVERSIONS_KEY) ?? { pending: [], sent: [] };

/**
 * Sends what `log` has pending, saving after each; retryable failures wait for the browser to be
 * online again (then the log is read afresh from storage, or this one is used without storage).
 */
async function deliver(transport: ConversionTransport, storage: StorageLike | null, log: ConversionLog): Promise<Set<string>> {
  const save = () => writeJson(storage, CONVERSIONS_KEY, log);
  const refused = new Set<string>();
  let retryLater = false;
  for (const input of [...log.pending]) {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      retryLater = true;
      break;
    }
    try {
      await post(transport, input);
      log.sent = [...log.sent, input.externalId].slice(-SENT_MEMORY);
    } catch (error) {
      if (!isAdvocacyError(error) || error.retryable) {
        retryLater = true;
        continue;
      }
      refused.add(input.externalId);
    }
    log.pending = log.pending.filter((p) => p.externalId !== input.externalId);
    save();
  }
  if (retryLater && typeof window !== 'undefined' && onlineListener === null) {
    onlineListener = () => {
      onlineListener = null;
      void deliver(transport, storage, storage ? loadLog(storage) : log);
    };
    window.addEventListener('online', onlineListener, { once: true });
  }
  return refused;
}

/**
 * Sends the conversions an earlier visit could not (call it on page load); `reportConversion()`
 * does the same for its own. Retryable failures stay queued and are retried when the browser
 * comes back online; a conversion the backend refuses (4xx) is dropped.
 */
export async function flushConversions(transport: ConversionTransport): Promise<void> {
  const storage = storageOf(transport);
  await deliver(transport, storage, loadLog(storage));
}

/**
 * Reports a conversion for the visitor's referral, once per `externalId`. Offline or during an
 * outage it is kept in storage and sent later (`flushConversions`). On a page, `endpoint` is the
 * company's own server, which adds its API key: the Advocacy API takes no employee token for
 * conversions.
 *
 * ```ts
 * await reportConversion({ endpoint: '/api/advocacy/conversions', type: 'deal', value: 1200, currency: 'EUR', externalId: order.id });
 * ```
 */
export async function reportConversion(options: ReportConversionOptions): Promise<ConversionReport> {
  const code = options.code ?? getReferral(options);
  if (!code) return 'no_referral';
  const storage = storageOf(options);
  const log = loadLog(storage);
  if (log.sent.includes(options.externalId)) return 'already_sent';
  if (!log.pending.some((p) => p.externalId === options.externalId)) {
    const input: ConversionInput = { code, type: options.type, externalId: options.externalId };
    if (options.value !== undefined) input.value = options.value;
    if (options.currency !== undefined) input.currency = options.currency;
    log.pending.push(input);
    writeJson(storage, CONVERSIONS_KEY, log);
  }
  const refused = await deliver(options, storage, log);
  if (refused.has(options.externalId)) return 'rejected';
  return log.sent.includes(options.externalId) ? 'sent' : 'queued';
}
