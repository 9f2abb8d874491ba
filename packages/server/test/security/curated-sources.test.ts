import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fetchFeed, FeedFetchError } from '../../src/sources/fetch.js';
import { feedItems } from '../../src/sources/parse.js';
import { forEachDatabase } from '../support/databases.js';
import { rss, startFeedServer, withEtag, type FeedServer } from '../support/feed-server.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

// A curated source is an admin-supplied URL the server fetches again and again, and its feed is
// written by someone else: the fetch goes through the link preview's address guard and limits,
// and what the feed says is kept as plain text.

/** The test server is on 127.0.0.1: it alone is allowed, as a public host would be. */
const onlyTheTestServer = (address: string) => address === '127.0.0.1';

async function refused(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof FeedFetchError && error.code === code);
}

describe('security: curated source fetches', () => {
  let feeds: FeedServer;
  before(async () => {
    feeds = await startFeedServer();
  });
  after(() => feeds.close());

  it('refuses a redirect to a private or metadata address before connecting to it', async () => {
    for (const target of [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.5/feed',
      'http://[::1]:80/feed',
      'http://127.0.0.2/feed',
    ]) {
      feeds.routes.set('/hop', (_request, response) => response.writeHead(302, { location: target }).end());
      await refused(
        fetchFeed(feeds.url('/hop'), { etag: null, lastModified: null }, { isAllowedAddress: onlyTheTestServer }),
        'blocked_address',
      );
    }
  });

  it('refuses a private address given directly, and non-http schemes', async () => {
    await refused(fetchFeed('http://127.0.0.1:9/feed', { etag: null, lastModified: null }), 'blocked_address');
    await refused(fetchFeed('file:///etc/passwd', { etag: null, lastModified: null }), 'invalid_url');
    await refused(fetchFeed('http://user:pass@example.com/feed', { etag: null, lastModified: null }), 'invalid_url');
  });

  it('refuses a feed over the size limit, declared or streamed, without reading it all', async () => {
    const huge = 'x'.repeat(64 * 1024);
    feeds.routes.set('/declared', (_request, response) =>
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(10 * 1024 * 1024) }).end(),
    );
    feeds.routes.set('/streamed', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      // Chunked, no length: far more than the limit.
      for (let i = 0; i < 64; i++) response.write(huge);
      response.end();
    });
    const limits = { isAllowedAddress: onlyTheTestServer, maxBytes: 256 * 1024 };
    await refused(fetchFeed(feeds.url('/declared'), { etag: null, lastModified: null }, limits), 'too_large');
    await refused(fetchFeed(feeds.url('/streamed'), { etag: null, lastModified: null }, limits), 'too_large');
  });

  it('gives up at the deadline on a server that never answers', async () => {
    feeds.routes.set('/hang', () => {});
    await refused(
      fetchFeed(feeds.url('/hang'), { etag: null, lastModified: null }, { isAllowedAddress: onlyTheTestServer, timeoutMs: 300 }),
      'timeout',
    );
  });

  it('follows at most three redirects', async () => {
    for (let hop = 0; hop < 5; hop++)
      feeds.routes.set(`/r${hop}`, (_request, response) => response.writeHead(301, { location: `/r${hop + 1}` }).end());
    await refused(
      fetchFeed(feeds.url('/r0'), { etag: null, lastModified: null }, { isAllowedAddress: onlyTheTestServer }),
      'too_many_redirects',
    );
  });

  it('keeps markup in titles and summaries as plain text and drops links that are not http(s)', () => {
    const hostile = `<?xml version="1.0"?><rss version="2.0"><channel><title>&lt;b&gt;Feed&lt;/b&gt;</title>
      <item><guid>1</guid><title>&lt;img src=x onerror=alert(1)&gt;Hello &amp;lt;there&amp;gt;</title><link>https://example.com/1</link>
        <description><![CDATA[<script>alert(1)</script><p onclick="x()">Body</p>]]></description></item>
      <item><guid>2</guid><title>Click me</title><link>javascript:alert(1)</link></item>
      <item><guid>3</guid><title>Data</title><link>data:text/html,hi</link></item>
    </channel></rss>`;
    const { title, items } = feedItems(hostile, 'https://example.com/feed');
    assert.equal(title, 'Feed');
    assert.equal(items.length, 1, 'javascript: and data: links are dropped');
    assert.equal(items[0]!.title, 'Hello <there>', 'tags are removed; an escaped bracket stays text');
    assert.equal(items[0]!.summary, 'Body', 'scripts and their content are removed');
  });
});

forEachDatabase('security: curated sources through the API', (open) => {
  let h: Harness;
  let feeds: FeedServer;
  let ada: string;
  before(async () => {
    h = await startHarness(await open(), { sources: { tickMs: 0 } });
    feeds = await startFeedServer();
    ada = await signToken('emp-ada', { admin: true });
  });
  after(async () => {
    await feeds.close();
    await h.close();
  });

  it('refuses a source on a loopback, private or metadata address when it is added', async () => {
    for (const url of ['http://127.0.0.1/feed', 'http://localhost/feed', 'http://169.254.169.254/feed', 'http://[::ffff:10.0.0.1]/feed']) {
      const response = await h.request('POST', `${API}/admin/sources`, { token: ada, body: { url } });
      const problem = await json(response, 422);
      assert.equal(problem.errors[0].code, 'blocked_address', url);
    }
  });

  it('records a refused fetch as the source’s last error and queues nothing', async () => {
    feeds.routes.set('/feed.xml', withEtag(rss([{ guid: '1', title: 'Private', link: 'https://example.com/1' }]), '"1"'));
    // A name that resolves to this machine: accepted when added (names are checked when fetched), refused when fetched.
    const source = await json(
      await h.request('POST', `${API}/admin/sources`, {
        token: ada,
        body: { url: feeds.url('/feed.xml').replace('127.0.0.1', 'localtest.invalid') },
      }),
      201,
    );
    await h.advocacy.services.db
      .updateTable('curated_sources')
      .set({ url: feeds.url('/feed.xml') })
      .where('id', '=', source.id)
      .execute();
    const fetched = await json(await h.request('POST', `${API}/admin/sources/${source.id}/fetch`, { token: ada }), 200);
    assert.match(fetched.lastError, /not on the public internet/);
    assert.equal(feeds.requests.length, 0, 'no request reached the private address');
    const queue = await json(await h.request('GET', `${API}/admin/curation?source=${source.id}`, { token: ada }), 200);
    assert.deepEqual(queue.items, []);
  });
});
