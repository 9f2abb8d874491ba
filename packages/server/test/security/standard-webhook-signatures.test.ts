import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { signWebhookPayload } from '../../src/webhooks/signature.js';
import { standardWebhookHeaders, standardWebhookKey, verifyStandardWebhook } from '../../src/webhooks/standard.js';

// Receivers trust what verifies. Whoever can reach a receiver's URL can send it anything: a
// captured delivery relabelled or replayed late, a signature from the other (deprecated) scheme,
// a header stuffed with candidates. Our verifier must refuse all of it, exactly as the
// `standardwebhooks` library does, so the docs can offer either.

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const payload = JSON.stringify({ id: 'evt_1', type: 'share.created', createdAt: '2026-12-05T00:00:00.000Z', data: { id: 'shr_1' } });
const now = Math.floor(Date.now() / 1000);
const signed = standardWebhookHeaders('evt_1', now, payload, [secret]);

const ours = (headers: Record<string, string>, body = payload) => verifyStandardWebhook({ payload: body, headers, secret });
const library = (headers: Record<string, string>, body = payload) => {
  try {
    new Webhook(secret).verify(body, headers);
    return true;
  } catch {
    return false;
  }
};

describe('security: standard webhook signatures', () => {
  it('a signature is bound to its webhook-id, timestamp and body', () => {
    assert.equal(ours(signed).ok, true);
    assert.equal(library(signed), true);
    const forged = [
      { ...signed, 'webhook-id': 'evt_2' }, // relabelled to slip past a receiver's dedupe
      { ...signed, 'webhook-timestamp': String(now + 1) }, // made to look fresh
    ];
    for (const headers of forged) {
      assert.deepEqual(ours(headers), { ok: false, reason: 'signature_mismatch' });
      assert.equal(library(headers), false);
    }
    assert.equal(ours(signed, payload.replace('shr_1', 'shr_2')).ok, false);
    assert.equal(library(signed, payload.replace('shr_1', 'shr_2')), false);
  });

  it('refuses signatures of the deprecated scheme or made with its key', () => {
    const legacy = signWebhookPayload(payload, secret, now).split('v1=')[1]!;
    // The deprecated header keys the HMAC with the whole secret string, not the decoded key.
    const legacyKey = createHmac('sha256', secret).update(`evt_1.${now}.${payload}`).digest('base64');
    for (const signature of [`v1,${legacy}`, `v1,${Buffer.from(legacy, 'hex').toString('base64')}`, `v1,${legacyKey}`]) {
      const headers = { ...signed, 'webhook-signature': signature };
      assert.equal(ours(headers).ok, false, signature);
      assert.equal(library(headers), false, signature);
    }
  });

  it('refuses stale, future and malformed timestamps', () => {
    for (const [timestamp, reason] of [
      [String(now - 301), 'timestamp_out_of_tolerance'],
      [String(now + 301), 'timestamp_out_of_tolerance'],
      ['-1', 'malformed_header'],
      [`${now}.5`, 'malformed_header'],
      ['1e10', 'malformed_header'],
      ['9'.repeat(40), 'malformed_header'],
    ] as const) {
      // Signed over the very timestamp it carries: only the time check can refuse it.
      const headers = { ...standardWebhookHeaders('evt_1', now, payload, [secret]), 'webhook-timestamp': timestamp };
      headers['webhook-signature'] =
        `v1,${createHmac('sha256', standardWebhookKey(secret)).update(`evt_1.${timestamp}.${payload}`).digest('base64')}`;
      // At the time the headers were made: the file's `now` is taken when it loads, and the edge is 1 s wide.
      assert.deepEqual(verifyStandardWebhook({ payload, headers, secret, now: new Date(now * 1000) }), { ok: false, reason }, timestamp);
    }
    // The library reads the clock itself: well past the edge, so time spent before this test cannot matter.
    for (const timestamp of [String(now - 400), String(now + 400)]) {
      const headers = { ...standardWebhookHeaders('evt_1', now, payload, [secret]), 'webhook-timestamp': timestamp };
      headers['webhook-signature'] =
        `v1,${createHmac('sha256', standardWebhookKey(secret)).update(`evt_1.${timestamp}.${payload}`).digest('base64')}`;
      assert.deepEqual(ours(headers), { ok: false, reason: 'timestamp_out_of_tolerance' }, timestamp);
      assert.equal(library(headers), false, timestamp);
    }
  });

  it('accepts only a well-formed v1 signature among many candidates', () => {
    const real = signed['webhook-signature'];
    const junk = Array.from({ length: 1_000 }, () => `v1,${randomBytes(32).toString('base64')}`);
    assert.equal(ours({ ...signed, 'webhook-signature': [...junk, real].join(' ') }).ok, true);
    assert.deepEqual(ours({ ...signed, 'webhook-signature': junk.join(' ') }), { ok: false, reason: 'signature_mismatch' });
    // Signed with two secrets (a rotation): a receiver holding either accepts, one holding neither does not.
    const next = `whsec_${randomBytes(32).toString('base64')}`;
    const both = standardWebhookHeaders('evt_1', now, payload, [secret, next]);
    assert.equal(ours(both).ok, true);
    assert.equal(verifyStandardWebhook({ payload, headers: both, secret: next }).ok, true);
    assert.equal(new Webhook(next).verify(payload, both) !== undefined, true);
    assert.equal(verifyStandardWebhook({ payload, headers: both, secret: `whsec_${randomBytes(32).toString('base64')}` }).ok, false);
    for (const variant of [
      real.replace('v1,', 'v1a,'),
      real.replace('v1,', 'v2,'),
      real.replace('v1,', ''),
      real.replace(/=$/, ''),
      `${real}AAAA`,
      real.replace('v1,', 'v1, '),
      '',
    ]) {
      const headers = { ...signed, 'webhook-signature': variant };
      assert.equal(ours(headers).ok, false, variant);
      assert.equal(library(headers), false, variant);
    }
  });

  it('refuses to verify with a secret that is not whsec_ and base64, instead of using a garbage key', () => {
    for (const bad of ['whsec_', 'whsec_not base64!', 'whsec_abc$def', '']) {
      assert.throws(() => verifyStandardWebhook({ payload, headers: signed, secret: bad }), TypeError, bad);
    }
    // Old endpoints' URL-safe base64 names the same key as its standard form.
    const key = randomBytes(32);
    assert.deepEqual(standardWebhookKey(`whsec_${key.toString('base64url')}`), key);
    assert.deepEqual(standardWebhookKey(`whsec_${key.toString('base64')}`), key);
  });
});
