import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoSeed } from './demo-seed.js';
import { memoryBackend } from './memory-backend.js';

const NOW = new Date('2026-03-18T12:00:00.000Z');

describe('memory backend: self-service', () => {
  it('lists my shares with their title, clicks, conversions and points; the ledger in words sums to my balance', async () => {
    const backend = memoryBackend({ seed: demoSeed(NOW), now: () => NOW });
    const [post] = (await backend.listFeed()).items;
    const share = await backend.createShare({ postId: post!.id, network: 'linkedin', commentary: '', idempotencyKey: 'k1' });
    backend.recordClick(share.trackingCode, { visitorId: 'v1', network: 'n1' });
    await backend.recordConversion({ code: share.trackingCode, type: 'lead', externalId: 'crm-1' });
    const mine = (await backend.listMyShares({ limit: 100 })).items.find((item) => item.id === share.id)!;
    assert.equal(mine.postTitle, post!.title);
    assert.equal(mine.clicks, 1);
    assert.equal(mine.conversions, 1);
    assert.equal(mine.points, share.pointsAwarded + 50);
    const ledger = [];
    let cursor: string | undefined;
    do {
      const page = await backend.listMyPoints({ limit: 100, ...(cursor ? { cursor } : {}) });
      ledger.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const shared = ledger.find((row) => row.reason === 'share' && row.postId === post!.id)!;
    assert.equal(shared.postTitle, post!.title);
    assert.equal(shared.network, 'linkedin');
    assert.equal(ledger.find((row) => row.reason === 'conversion')!.network, 'linkedin');
    const balance = await backend.getMyPointsBalance!();
    assert.equal(
      ledger.reduce((sum, row) => sum + row.delta, 0),
      balance.balance,
    );
  });

  it('marks the posts I shared in the feed, and only mine', async () => {
    const backend = memoryBackend({ seed: demoSeed(NOW), now: () => NOW });
    const [post] = (await backend.listFeed()).items;
    await backend.createShare({ postId: post!.id, network: 'x', commentary: '', idempotencyKey: 'k2' });
    const after = (await backend.listFeed()).items.find((item) => item.id === post!.id)!;
    assert.ok(after.sharedNetworks!.includes('x'));
    assert.ok((await backend.getPost(post!.id)).sharedNetworks!.includes('x'));
    // Another employee who sees the same post does not see my share as theirs.
    const theirs = (await backend.as('emp-daisuke').getPost(post!.id)).sharedNetworks!;
    assert.ok(!theirs.includes('x'));
  });

  it('changes my language and time zone, and refuses what it cannot honour with field errors', async () => {
    const backend = memoryBackend({ seed: demoSeed(NOW), now: () => NOW });
    const updated = await backend.updatePreferences!({ locale: 'ja', timeZone: 'Asia/Tokyo' });
    assert.equal(updated.locale, 'ja');
    assert.equal(updated.timeZone, 'Asia/Tokyo');
    assert.equal((await backend.getMe()).timeZone, 'Asia/Tokyo');
    await assert.rejects(
      backend.updatePreferences!({ locale: 'fr' as 'en' }),
      (error: { code: string; fieldErrors: { field: string }[] }) => {
        return error.code === 'validation' && error.fieldErrors.some((f) => f.field === 'locale');
      },
    );
    await assert.rejects(backend.updatePreferences!({ timeZone: 'Mars/Olympus' }), (error: { fieldErrors: { field: string }[] }) =>
      error.fieldErrors.some((f) => f.field === 'timeZone'),
    );
  });
});
