import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { atom, rss, startFeedServer, withEtag, type FeedServer } from './support/feed-server.js';
import type { CurationItem } from '@advocacy-kit/core';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';
import { createLogger } from '../src/log.js';
import { SourceScheduler } from '../src/sources/scheduler.js';

const PAGE = (title: string) =>
  `<!doctype html><html><head><meta property="og:title" content="${title}"><meta property="og:image" content="https://cdn.example.com/${encodeURIComponent(title)}.jpg"><meta property="og:site_name" content="Example Site"></head><body></body></html>`;

forEachDatabase('sources: RSS and Atom feeds into the curation queue', (open) => {
  let h: Harness;
  let feeds: FeedServer;
  let ada: string;
  let ann: string;

  before(async () => {
    // The feeds are on this machine: the address guard is widened for the test (never in production).
    h = await startHarness(await open(), { sources: { tickMs: 0, allowPrivateAddresses: true } });
    feeds = await startFeedServer();
    for (const name of ['a', 'b', 'c']) {
      feeds.routes.set(`/articles/${name}`, (_request, response) =>
        response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE(`Article ${name}`)),
      );
    }
    ada = await signToken('emp-ada', { admin: true });
    ann = await signToken('emp-ann');
  });
  after(async () => {
    await feeds.close();
    await h.close();
  });

  const call = (method: string, path: string, body?: unknown, token = ada) => h.request(method, `${API}${path}`, { token, body });
  const queue = async (source: string) =>
    (await json(await call('GET', `/admin/curation?source=${source}&limit=100`), 200)).items as CurationItem[];

  it('queues an RSS feed’s items with their Open Graph preview; the second fetch is conditional and gets a 304', async () => {
    feeds.routes.set(
      '/rss.xml',
      withEtag(
        rss([
          { guid: 'a', title: 'Article A', link: feeds.url('/articles/a'), description: '<p>First &amp; <b>best</b></p>' },
          { guid: 'b', title: 'Article B', link: feeds.url('/articles/b') },
        ]),
        '"v1"',
      ),
    );
    const source = await json(
      await call('POST', '/admin/sources', { url: feeds.url('/rss.xml'), locale: 'en', topics: ['t-product'] }),
      201,
    );
    const fetched = await json(await call('POST', `/admin/sources/${source.id}/fetch`), 200);
    assert.equal(fetched.lastError, null);
    assert.equal(fetched.title, 'Example news', 'a source without a name takes the feed’s title');
    const items = await queue(source.id);
    assert.deepEqual(items.map((item) => item.title).sort(), ['Article A', 'Article B']);
    const first = items.find((item) => item.title === 'Article A')!;
    assert.equal(first.summary, 'First & best');
    assert.equal(first.imageUrl, 'https://cdn.example.com/Article%20a.jpg');
    assert.equal(first.siteName, 'Example Site');

    const asked = feeds.requests.filter((request) => request.path === '/rss.xml').length;
    await json(await call('POST', `/admin/sources/${source.id}/fetch`), 200);
    const second = feeds.requests.filter((request) => request.path === '/rss.xml').at(-1)!;
    assert.equal(feeds.requests.filter((request) => request.path === '/rss.xml').length, asked + 1);
    assert.equal(second.headers['if-none-match'], '"v1"', 'the ETag goes back as If-None-Match');
    assert.equal((await queue(source.id)).length, 2, 'a 304 queues nothing');
  });

  it('queues a new Atom entry once, however often the feed repeats it', async () => {
    const one = { id: 'urn:1', title: 'Entry one', link: feeds.url('/articles/a') };
    const two = { id: 'urn:2', title: 'Entry two', link: feeds.url('/articles/c'), summary: 'Second' };
    feeds.routes.set('/atom.xml', withEtag(atom([one]), '"a1"', 'application/atom+xml'));
    const source = await json(await call('POST', '/admin/sources', { url: feeds.url('/atom.xml'), title: 'Atom', locale: 'ja' }), 201);
    await json(await call('POST', `/admin/sources/${source.id}/fetch`), 200);
    feeds.routes.set('/atom.xml', withEtag(atom([two, one]), '"a2"', 'application/atom+xml'));
    await json(await call('POST', `/admin/sources/${source.id}/fetch`), 200);
    await json(await call('POST', `/admin/sources/${source.id}/fetch`), 200);
    const items = await queue(source.id);
    assert.deepEqual(items.map((item) => item.title).sort(), ['Entry one', 'Entry two']);
    assert.equal(items.find((item) => item.title === 'Entry two')!.summary, 'Second');
  });

  it('publishes an item as a curated post in one action, audited, and dismisses another', async () => {
    feeds.routes.set(
      '/publish.xml',
      withEtag(
        rss([
          { guid: 'p1', title: '障害対応の新しい形', link: feeds.url('/articles/b') },
          { guid: 'p2', title: 'Not for us', link: feeds.url('/articles/c') },
        ]),
        '"p"',
      ),
    );
    const source = await json(
      await call('POST', '/admin/sources', { url: feeds.url('/publish.xml'), title: 'JP news', locale: 'ja', topics: ['t-product'] }),
      201,
    );
    await json(await call('POST', `/admin/sources/${source.id}/fetch`), 200);
    const items = await queue(source.id);
    const keep = items.find((item) => item.title === '障害対応の新しい形')!;
    const drop = items.find((item) => item.title === 'Not for us')!;

    const post = await json(await call('POST', `/admin/curation/${keep.id}/publish`), 201);
    assert.equal(post.kind, 'curated');
    assert.equal(post.title, '障害対応の新しい形');
    assert.equal(post.locale, 'ja');
    assert.deepEqual(post.topics, ['t-product']);
    assert.equal(post.imageUrl, 'https://cdn.example.com/Article%20b.jpg');
    assert.equal(post.source, 'Example Site');
    const search = await json(await call('GET', `/feed?q=${encodeURIComponent('障害')}&locale=ja`, undefined, ann), 200);
    assert.ok(
      search.items.some((found: { id: string }) => found.id === post.id),
      'the new post is searchable at once',
    );
    const again = await call('POST', `/admin/curation/${keep.id}/publish`);
    assert.equal(again.status, 409);

    const dismissed = await json(await call('POST', `/admin/curation/${drop.id}/dismiss`), 200);
    assert.equal(dismissed.status, 'dismissed');
    assert.equal((await call('POST', `/admin/curation/${drop.id}/dismiss`)).status, 409);
    assert.deepEqual(await queue(source.id), []);

    const actions = await h.advocacy.services.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', 'in', ['curation_item.publish', 'curation_item.dismiss', 'post.create', 'source.create'])
      .execute();
    for (const [action, target] of [
      ['curation_item.publish', keep.id],
      ['post.create', post.id],
      ['curation_item.dismiss', drop.id],
      ['source.create', source.id],
    ]) {
      assert.ok(
        actions.some((row) => row.action === action && row.target_id === target),
        `${action} is audited`,
      );
    }
  });

  it('keeps the last error on the source and backs off after failures', async () => {
    feeds.routes.set('/broken.xml', (_request, response) => response.writeHead(500).end());
    const source = await json(await call('POST', '/admin/sources', { url: feeds.url('/broken.xml'), intervalMinutes: 30 }), 201);
    const first = await json(await call('POST', `/admin/sources/${source.id}/fetch`), 200);
    assert.equal(first.lastError, 'The feed answered 500.');
    assert.equal(first.failures, 1);
    const wait1 = Date.parse(first.nextFetchAt) - Date.parse(first.lastFetchedAt);
    assert.equal(wait1, 60 * 60_000, 'one failure doubles the 30-minute interval');
    const second = await json(await call('POST', `/admin/sources/${source.id}/fetch`), 200);
    assert.equal(Date.parse(second.nextFetchAt) - Date.parse(second.lastFetchedAt), 120 * 60_000);
    feeds.routes.set('/broken.xml', (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>not a feed</html>'),
    );
    const third = await json(await call('POST', `/admin/sources/${source.id}/fetch`), 200);
    assert.equal(third.lastError, 'The answer is not an RSS, Atom or JSON feed.');
    feeds.routes.set('/broken.xml', withEtag(rss([]), '"ok"'));
    const healed = await json(await call('POST', `/admin/sources/${source.id}/fetch`), 200);
    assert.equal(healed.lastError, null);
    assert.equal(healed.failures, 0);
  });

  it('the scheduler fetches the sources that are due, and only those', async () => {
    feeds.routes.set('/due.xml', withEtag(rss([{ guid: 'd1', title: 'Due item', link: feeds.url('/articles/a') }]), '"d"'));
    const source = await json(await call('POST', '/admin/sources', { url: feeds.url('/due.xml') }), 201);
    await json(await call('PATCH', `/admin/sources/${source.id}`, { paused: true }), 200);
    await h.advocacy.services.sources.tick(new Date(Date.now() + 1000));
    assert.equal(feeds.requests.filter((request) => request.path === '/due.xml').length, 0, 'a paused source is not fetched');
    await json(await call('PATCH', `/admin/sources/${source.id}`, { paused: false }), 200);
    await h.advocacy.services.sources.tick(new Date(Date.now() + 1000));
    assert.deepEqual(
      (await queue(source.id)).map((item) => item.title),
      ['Due item'],
    );
    await h.advocacy.services.sources.tick(new Date(Date.now() + 1000));
    assert.equal(feeds.requests.filter((request) => request.path === '/due.xml').length, 1, 'not due again before its interval');
    assert.equal((await call('DELETE', `/admin/sources/${source.id}`)).status, 204);
    assert.deepEqual(
      (await json(await call('GET', '/admin/sources'), 200)).items.filter((listed: { id: string }) => listed.id === source.id),
      [],
    );
  });

  it('three instances’ schedulers ticking at once fetch a due source once', async () => {
    feeds.routes.set('/shared.xml', withEtag(rss([{ guid: 's1', title: 'Shared item', link: feeds.url('/articles/b') }]), '"s"'));
    const source = await json(await call('POST', '/admin/sources', { url: feeds.url('/shared.xml') }), 201);
    const others = [1, 2].map(
      () => new SourceScheduler({ db: h.advocacy.services.db, config: h.config.sources, logger: createLogger('silent') }),
    );
    const now = new Date(Date.now() + 1000);
    await Promise.all([h.advocacy.services.sources, ...others].map((scheduler) => scheduler.tick(now)));
    assert.equal(feeds.requests.filter((request) => request.path === '/shared.xml').length, 1);
    assert.deepEqual(
      (await queue(source.id)).map((item) => item.title),
      ['Shared item'],
    );
  });
});

describe('sources: admin only', () => {
  forEachDatabase('sources: employees cannot reach the admin API', (open) => {
    let h: Harness;
    before(async () => (h = await startHarness(await open(), { sources: { tickMs: 0 } })));
    after(() => h.close());
    it('answers 403 to every sources and curation route', async () => {
      const ann = await signToken('emp-ann');
      for (const [method, path] of [
        ['GET', '/admin/sources'],
        ['POST', '/admin/sources'],
        ['PATCH', '/admin/sources/x'],
        ['DELETE', '/admin/sources/x'],
        ['POST', '/admin/sources/x/fetch'],
        ['GET', '/admin/curation'],
        ['POST', '/admin/curation/x/publish'],
        ['POST', '/admin/curation/x/dismiss'],
      ] as const) {
        const response = await h.request(method, `${API}${path}`, {
          token: ann,
          body: method === 'POST' || method === 'PATCH' ? { url: 'https://example.com/feed' } : undefined,
        });
        assert.equal(response.status, 403, `${method} ${path}`);
      }
    });
  });
});
