import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { PageMeta } from '../../src/admin/open-graph.js';
import type { previewWhileTicking } from '../support/in-worker-preview.js';
import { callInWorker } from '../support/in-worker.js';

// A page's HTML is the attacker's input: reading its tags must take time in proportion to a
// bounded prefix, never minutes. Each parse runs in a worker thread, so a parser that holds its
// thread fails the test at the deadline instead of hanging the run.

const IN_WORKER = new URL('../support/in-worker-preview.ts', import.meta.url);
const DEADLINE_MS = 1_000;
const KB = 1024;

const nothing: PageMeta = { title: null, description: null, imageUrl: null, siteName: null };
const titled = (title: string): PageMeta => ({ ...nothing, title });

/** One `<meta aaaa…>` tag: an attribute name `size` long, with no `=` after it. */
const hostileTag = (size: number) => `<meta ${'a'.repeat(size)}>`;
const attributes = (count: number, attribute: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => attribute(index)).join(' ');

const PAGES: Array<[name: string, html: string, expected: PageMeta]> = [
  ['a 512 KB attribute name in one tag', `<head><title>Hostile</title>${hostileTag(512 * KB)}</head>`, titled('Hostile')],
  [
    'an unclosed comment',
    `<head><meta property="og:title" content="Before the comment"><!--${'-'.repeat(256 * KB)}`,
    titled('Before the comment'),
  ],
  ['a hundred thousand unclosed tags', '<head><meta '.repeat(100 * KB), nothing],
  ['a hundred thousand unclosed titles', '<title>'.repeat(100 * KB), nothing],
  [
    'thousands of attributes in one tag',
    `<head><meta ${attributes(2_500, (index) => `data-a${index}="${index}"`)} property="og:title" content="Many &amp; more"></head>`,
    titled('Many & more'),
  ],
  ['thousands of attributes without values', `<head><meta ${attributes(15_000, () => 'a=')}><title>Bare</title></head>`, titled('Bare')],
  // Only the first 64 KB are read: a tag after them is not seen.
  [
    'a tag after 64 KB',
    `<head><title>Early</title><script>${' '.repeat(64 * KB)}</script><meta property="og:description" content="Late"></head>`,
    titled('Early'),
  ],
];

describe('security: Open Graph parsing of hostile pages', () => {
  it('reads every hostile page, all of them within a second', async () => {
    const read = await callInWorker<PageMeta[]>(
      IN_WORKER,
      'readEachPage',
      [PAGES.map(([, html]) => html), 'https://news.example.com/a/'],
      DEADLINE_MS,
    );
    for (const [index, [name, , expected]] of PAGES.entries()) assert.deepEqual(read[index], expected, name);
  });

  describe('a hostile page served over HTTP', () => {
    let server: Server;
    let base: string;
    before(async () => {
      // The whole tag fits in the 512 KB the preview used to read, so it reaches the parser.
      server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(`<!doctype html><html><head><title>Served &amp; hostile</title>${hostileTag(500 * KB)}</head><body></body></html>`);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => {
      server.closeAllConnections();
      server.close();
    });

    it('is previewed while the event loop keeps turning', async () => {
      const { preview, ticks, longestStallMs } = await callInWorker<Awaited<ReturnType<typeof previewWhileTicking>>>(
        IN_WORKER,
        'previewWhileTicking',
        [`${base}/hostile`],
        3 * DEADLINE_MS,
      );
      assert.equal(preview.title, 'Served & hostile');
      assert.ok(ticks > 1, 'other work ran while the page was read');
      assert.ok(longestStallMs < 250, `the event loop stalled for ${Math.round(longestStallMs)} ms`);
    });
  });
});
