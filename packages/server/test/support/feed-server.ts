import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server for feed tests: routes by path, and a log of every request's headers. */
export interface FeedServer {
  url: (path: string) => string;
  /** What each path answers; replace an entry to change a feed between fetches. */
  routes: Map<string, (request: IncomingMessage, response: ServerResponse) => void>;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes: FeedServer['routes'] = new Map();
  const requests: FeedServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: request.headers });
    const route = routes.get(path);
    if (route) route(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    routes,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers `body` with an ETag, or 304 when the request's If-None-Match is that ETag. */
export function withEtag(body: string, etag: string, type = 'application/rss+xml; charset=utf-8') {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': type, etag }).end(body);
  };
}

export const rss = (items: { guid: string; title: string; link: string; description?: string }[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example news</title><link>https://example.com/</link>
${items
  .map(
    (item) =>
      `<item><guid>${item.guid}</guid><title>${item.title}</title><link>${item.link}</link><description>${item.description ?? ''}</description><pubDate>Sat, 05 Dec 2026 09:00:00 GMT</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;

export const atom = (entries: { id: string; title: string; link: string; summary?: string }[]) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom example</title><id>urn:feed</id><updated>2026-12-05T00:00:00Z</updated>
${entries
  .map(
    (entry) =>
      `<entry><id>${entry.id}</id><title>${entry.title}</title><link href="${entry.link}"/><updated>2026-12-05T08:00:00Z</updated><summary>${entry.summary ?? ''}</summary></entry>`,
  )
  .join('\n')}
</feed>`;
