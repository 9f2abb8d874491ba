import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

forEachDatabase('response compression', (open) => {
  let h: Harness;
  let bob: string;

  before(async () => {
    h = await startHarness(await open());
    bob = await signToken('emp-bob');
  });
  after(() => h.close());

  it('gzips the feed for a client that accepts it, decoding to the same JSON', async () => {
    const plain = await h.request('GET', `${API}/feed`, { token: bob });
    assert.equal(plain.headers.get('content-encoding'), null);
    const expected = await json(plain, 200);
    assert.ok(JSON.stringify(expected).length > 1024, 'the fixture feed is over the threshold');

    const gzipped = await h.request('GET', `${API}/feed`, { token: bob, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(gzipped.status, 200);
    assert.equal(gzipped.headers.get('content-encoding'), 'gzip');
    assert.match(gzipped.headers.get('vary') ?? '', /accept-encoding/i);
    assert.match(gzipped.headers.get('content-type') ?? '', /^application\/json/);
    const body = Buffer.from(await gzipped.arrayBuffer());
    assert.ok(body.length < JSON.stringify(expected).length);
    assert.deepEqual(JSON.parse(gunzipSync(body).toString('utf8')), expected);
  });

  it('does not gzip for a client that refuses it (q=0), and says the answer varies by encoding', async () => {
    const refused = await h.request('GET', `${API}/feed`, { token: bob, headers: { 'accept-encoding': 'gzip;q=0, *;q=1' } });
    assert.equal(refused.headers.get('content-encoding'), null);
    assert.match(refused.headers.get('vary') ?? '', /accept-encoding/i);
    await json(refused, 200);
    const wildcard = await h.request('GET', `${API}/feed`, { token: bob, headers: { 'accept-encoding': '*' } });
    assert.equal(wildcard.headers.get('content-encoding'), 'gzip');
  });

  it('leaves a JSON answer under 1 KB uncompressed', async () => {
    const me = await h.request('GET', `${API}/me`, { token: bob, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(me.headers.get('content-encoding'), null);
    assert.equal((await json(me, 200)).id, 'emp-bob');
  });

  it('never compresses the tracking redirect', async () => {
    const share = await h.advocacy.services.db
      .selectFrom('shares')
      .select('tracking_code')
      .where('id', '=', 'shr-seed-1')
      .executeTakeFirstOrThrow();
    const redirect = await h.request('GET', `/r/${share.tracking_code}`, {
      headers: { 'accept-encoding': 'gzip', 'user-agent': 'Mozilla/5.0' },
    });
    assert.equal(redirect.status, 302);
    assert.equal(redirect.headers.get('content-encoding'), null);
  });
});
