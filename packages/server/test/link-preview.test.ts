import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { isPublicAddress } from '../src/admin/address-guard.js';
import { fetchLinkPreview, LinkPreviewError } from '../src/admin/link-preview.js';
import { readPageMeta } from '../src/admin/open-graph.js';

describe('address guard', () => {
  it('allows the public internet only', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) assert.equal(isPublicAddress(address), true, address);
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not-an-ip',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
  });
});

describe('Open Graph tags', () => {
  it('reads og tags, decodes entities and resolves the image against the page', () => {
    const meta = readPageMeta(
      `<html><head><title>Fallback</title>
        <meta property="og:title" content="Tom &amp; Jerry&#39;s &#x65E5;本">
        <meta content='A &quot;quoted&quot; summary' property='og:description'>
        <meta property="og:image" content="/img/card.png"><meta property="og:site_name" content="Example News">
      </head><body><meta property="og:title" content="not in head"></body></html>`,
      'https://news.example.com/a/b',
    );
    assert.deepEqual(meta, {
      title: "Tom & Jerry's 日本",
      description: 'A "quoted" summary',
      imageUrl: 'https://news.example.com/img/card.png',
      siteName: 'Example News',
    });
  });

  it('falls back to the title and description tags, and drops images that are not http(s)', () => {
    const meta = readPageMeta(
      '<head><title> Plain\n page </title><meta name="description" content="Described"><meta property="og:image" content="javascript:alert(1)"></head>',
      'https://example.com/',
    );
    assert.deepEqual(meta, { title: 'Plain page', description: 'Described', imageUrl: null, siteName: null });
  });
});

describe('fetchLinkPreview', () => {
  let server: Server;
  let base: string;
  let hits: string[] = [];
  // The test server is on loopback, which the default policy refuses: these tests allow it explicitly.
  const loopbackOnly = { isAllowedAddress: (address: string) => address === '127.0.0.1' };

  before(async () => {
    server = createServer((request, response) => {
      hits.push(request.url!);
      const url = new URL(request.url!, 'http://localhost');
      if (url.pathname === '/page') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end('<head><meta property="og:title" content="製品発表"><meta property="og:image" content="card.jpg"></head>');
      } else if (url.pathname.startsWith('/hop/')) {
        const left = Number(url.pathname.slice(5));
        response.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : '/page' });
        response.end();
      } else if (url.pathname === '/to-private') {
        response.writeHead(301, { location: 'http://10.0.0.1/admin' });
        response.end();
      } else if (url.pathname === '/slow') {
        setTimeout(() => response.end('<head></head>'), 2000);
      } else if (url.pathname === '/pdf') {
        response.writeHead(200, { 'content-type': 'application/pdf' });
        response.end('%PDF');
      } else if (url.pathname === '/huge') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.write('<head><title>Huge</title></head>');
        const chunk = 'x'.repeat(64 * 1024);
        const timer = setInterval(() => response.write(chunk), 1);
        response.on('close', () => clearInterval(timer));
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const fails = async (promise: Promise<unknown>, code: LinkPreviewError['code']) => {
    await assert.rejects(promise, (error: unknown) => error instanceof LinkPreviewError && error.code === code);
  };

  it('reads the preview of a page, resolving its image', async () => {
    const preview = await fetchLinkPreview(`${base}/page`, loopbackOnly);
    assert.deepEqual(preview, {
      url: `${base}/page`,
      finalUrl: `${base}/page`,
      title: '製品発表',
      description: null,
      imageUrl: `${base}/card.jpg`,
      siteName: null,
    });
  });

  it('refuses loopback and private addresses by default, by name or by IP, before connecting', async () => {
    hits = [];
    await fails(fetchLinkPreview(`${base}/page`), 'blocked_address');
    await fails(fetchLinkPreview(base.replace('localhost', '127.0.0.1') + '/page'), 'blocked_address');
    await fails(fetchLinkPreview('http://[::1]/'), 'blocked_address');
    await fails(fetchLinkPreview('http://169.254.169.254/latest/meta-data/'), 'blocked_address');
    assert.deepEqual(hits, []);
  });

  it('follows up to three redirects, re-checking each hop', async () => {
    assert.equal((await fetchLinkPreview(`${base}/hop/2`, loopbackOnly)).finalUrl, `${base}/page`);
    await fails(fetchLinkPreview(`${base}/hop/3`, loopbackOnly), 'too_many_redirects');
    await fails(fetchLinkPreview(`${base}/to-private`, loopbackOnly), 'blocked_address');
  });

  it('gives up on slow pages, pages that are not HTML, errors and other schemes', async () => {
    await fails(fetchLinkPreview(`${base}/slow`, { ...loopbackOnly, timeoutMs: 200 }), 'timeout');
    await fails(fetchLinkPreview(`${base}/pdf`, loopbackOnly), 'not_html');
    await fails(fetchLinkPreview(`${base}/missing`, loopbackOnly), 'http_status');
    await fails(fetchLinkPreview('file:///etc/passwd'), 'invalid_url');
    await fails(fetchLinkPreview('http://user:secret@example.com/'), 'invalid_url');
  });

  it('says in words why a site could not be reached, without the raw error code', async () => {
    // A port nobody listens on: the connection is refused.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const error = await fetchLinkPreview(`http://127.0.0.1:${port}/`, loopbackOnly).then(
      () => assert.fail('expected the preview to fail'),
      (cause: unknown) => cause,
    );
    assert.ok(error instanceof LinkPreviewError);
    assert.equal(error.code, 'unreachable');
    assert.equal(error.message, 'The site refused the connection; it may be down.');
    assert.doesNotMatch(error.message, /ECONN|\(/);
  });

  it('reads an endless page only up to the size limit', async () => {
    const preview = await fetchLinkPreview(`${base}/huge`, { ...loopbackOnly, maxBytes: 256 * 1024 });
    assert.equal(preview.title, 'Huge');
  });
});
