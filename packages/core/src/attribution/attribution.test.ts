import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdvocacyError } from '../backend/errors.js';
import { memoryBackend } from '../memory/memory-backend.js';
import { captureReferral, flushConversions, getReferral, reportConversion } from './attribution.js';
import { memoryStorage } from '../../test/helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const DAY = 86_400_000;

describe('captureReferral', () => {
  it('keeps adv_ref from the landing URL until it expires', () => {
    const storage = memoryStorage();
    const at = (days: number) => () => new Date(NOW.getTime() + days * DAY);
    const url = 'https://kumo-systems.example/trial?utm_source=x&adv_ref=Xk3aB9_-qLm2Zt0P';
    assert.equal(captureReferral({ storage, url, now: at(0), ttlDays: 7 }), 'Xk3aB9_-qLm2Zt0P');
    assert.equal(captureReferral({ storage, url: 'https://kumo-systems.example/pricing', now: at(6) }), 'Xk3aB9_-qLm2Zt0P');
    assert.equal(getReferral({ storage, now: at(8) }), null);
  });

  it('ignores a referral that is not a tracking code', () => {
    const storage = memoryStorage();
    assert.equal(captureReferral({ storage, url: 'https://example.com/?adv_ref=%3Cscript%3E' }), null);
    assert.equal(storage.length, 0);
  });
});

describe('reportConversion', () => {
  it('sends a conversion once per externalId and credits the employee', async () => {
    const backend = memoryBackend({ now: () => NOW });
    const post = (await backend.listFeed()).items[0]!;
    const share = await backend.createShare({ postId: post.id, network: 'linkedin', commentary: '', idempotencyKey: 'k' });
    const storage = memoryStorage();
    captureReferral({ storage, url: `https://kumo-systems.example/trial?adv_ref=${share.trackingCode}` });
    const report = () => reportConversion({ backend, storage, type: 'signup', externalId: 'signup-42' });
    assert.equal(await report(), 'sent');
    assert.equal(await report(), 'already_sent');
    const stats = await backend.getMyStats('week');
    assert.equal(stats.conversions, 1);
  });

  it('says when there is no referral to credit', async () => {
    const storage = memoryStorage();
    assert.equal(await reportConversion({ backend: memoryBackend(), storage, type: 'lead', externalId: 'x' }), 'no_referral');
  });

  it('queues a conversion during an outage and sends it on the next flush', async () => {
    const storage = memoryStorage();
    const sent: unknown[] = [];
    let down = true;
    const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      if (down) throw new TypeError('Failed to fetch');
      sent.push(JSON.parse(String(init?.body)));
      return new Response('{}', { status: 201 });
    }) as typeof globalThis.fetch;
    const options = { endpoint: 'https://kumo-systems.example/api/conversions', fetch, storage };
    assert.equal(await reportConversion({ ...options, code: 'Xk3aB9_-qLm2', type: 'deal', value: 5000, externalId: 'deal-1' }), 'queued');
    assert.equal(sent.length, 0);
    down = false;
    await flushConversions(options);
    await flushConversions(options);
    assert.deepEqual(sent, [{ code: 'Xk3aB9_-qLm2', type: 'deal', externalId: 'deal-1', value: 5000 }]);
  });

  it('drops a conversion the backend refuses', async () => {
    const storage = memoryStorage();
    const backend = {
      recordConversion: async () => {
        throw new AdvocacyError('not_found', 'unknown code', { status: 404 });
      },
    };
    assert.equal(await reportConversion({ backend, storage, code: 'unknown-code', type: 'lead', externalId: 'l' }), 'rejected');
    assert.deepEqual(JSON.parse(storage.getItem('adv_conversions')!).pending, []);
  });
});
