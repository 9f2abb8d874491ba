import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { TextDecoder } from 'node:util';
import { isPublicAddress } from './address-guard.js';
import { PageMetaReader, type PageMeta } from './open-graph.js';

/** A link's preview as the post editor shows it. */
export interface LinkPreview extends PageMeta {
  /** The URL asked for. */
  url: string;
  /** Where the last redirect led. */
  finalUrl: string;
}

export interface LinkPreviewOptions {
  /** The whole fetch, redirects and parsing included. Default 5 s. */
  timeoutMs?: number;
  /** Bytes of HTML read at most (the head, where the tags are, comes first). Default 64 KiB. */
  maxBytes?: number;
  /** Default 3. */
  maxRedirects?: number;
  /** Which resolved addresses may be connected to; default public internet only. Tests widen it. */
  isAllowedAddress?: (address: string) => boolean;
}

/** Why a preview could not be made; the route maps each to a field error on `url`. */
export class LinkPreviewError extends Error {
  constructor(
    readonly code: 'invalid_url' | 'blocked_address' | 'too_many_redirects' | 'timeout' | 'unreachable' | 'http_status' | 'not_html',
    message: string,
  ) {
    super(message);
  }
}

const USER_AGENT = 'AdvocacyKitLinkPreview/1.0 (+https://advocacy-kit.dev)';

/**
 * Fetches `url` from the server and reads its Open Graph tags. Every hop is checked before a
 * connection is made: the host name is resolved, *every* address it resolves to must be allowed
 * (so a name with one public and one private address is refused), and the connection goes to
 * the address that was checked (no second lookup an attacker's DNS could answer differently).
 * IP literals are checked the same way. Redirects are followed by hand, at most `maxRedirects`,
 * each re-checked; the body is read up to `maxBytes` and parsed as it arrives, stopping where
 * the head ends; everything, parsing included, shares one deadline.
 */
export async function fetchLinkPreview(url: string, options: LinkPreviewOptions = {}): Promise<LinkPreview> {
  const { timeoutMs = 5000, maxBytes = 64 * 1024, maxRedirects = 3, isAllowedAddress = isPublicAddress } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = parseHttpUrl(url);
  for (let hop = 0; ; hop++) {
    const response = await guardedGet(current, signal, isAllowedAddress);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.destroy();
      if (hop >= maxRedirects) throw new LinkPreviewError('too_many_redirects', `More than ${maxRedirects} redirects.`);
      current = parseHttpUrl(new URL(response.headers.location, current).href);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.destroy();
      throw new LinkPreviewError('http_status', `The page answered ${status}.`);
    }
    const type = response.headers['content-type'] ?? '';
    if (!/^(text\/html|application\/xhtml\+xml)\b/i.test(type)) {
      response.destroy();
      throw new LinkPreviewError('not_html', `The link is not a web page (${type.split(';')[0] || 'no content type'}).`);
    }
    return { url, finalUrl: current.href, ...(await readHead(response, type, new PageMetaReader(current.href), maxBytes, signal)) };
  }
}

/** `value` as an http(s) URL without credentials, else a LinkPreviewError (`invalid_url`). */
export function parseHttpUrl(value: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new LinkPreviewError('invalid_url', 'Not a URL.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new LinkPreviewError('invalid_url', 'Only http and https links have previews.');
  if (parsed.username || parsed.password) throw new LinkPreviewError('invalid_url', 'Links with credentials are not fetched.');
  return parsed;
}

/** A `lookup` for http.request that resolves every address, refuses if any is not allowed, and pins the first. */
function guardedLookup(isAllowed: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const refused = addresses.find((entry) => !isAllowed(entry.address));
      if (refused || addresses.length === 0) {
        return callback(
          new LinkPreviewError('blocked_address', `${hostname} resolves to an address that is not on the public internet.`),
          '',
          4,
        );
      }
      const first = addresses[0]!;
      if (options.all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, [first]);
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * One GET of `url` through the address guard (IP literals and every resolved address checked, the
 * connection pinned to the checked address); `headers` add to or replace the preview's own.
 * Redirects are the caller's to follow, each through this function again.
 */
export function guardedGet(
  url: URL,
  signal: AbortSignal,
  isAllowed: (address: string) => boolean,
  headers: Record<string, string> = {},
): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isAllowed(host)) {
    return Promise.reject(new LinkPreviewError('blocked_address', `${host} is not on the public internet.`));
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, {
      method: 'GET',
      signal,
      // A fresh connection per hop: a pooled socket would skip the address check.
      agent: false,
      lookup: guardedLookup(isAllowed),
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml;q=0.9', 'accept-language': 'ja,en;q=0.8', ...headers },
    });
    outgoing.on('response', resolve);
    outgoing.on('error', (error) => reject(transportError(error, signal)));
    outgoing.end();
  });
}

/** A transport failure as a LinkPreviewError (`timeout` once the deadline passed, else `unreachable`). */
export function transportError(error: Error, signal: AbortSignal): Error {
  if (error instanceof LinkPreviewError) return error;
  if (signal.aborted) return new LinkPreviewError('timeout', 'The page took too long to answer.');
  return new LinkPreviewError('unreachable', unreachableMessage((error as NodeJS.ErrnoException).code));
}

/** What a network error code means, in words an editor can act on. */
function unreachableMessage(code: string | undefined): string {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_NONAME':
      return 'No site answers at this address: check the spelling of the link.';
    case 'EAI_AGAIN':
      return 'The address could not be looked up just now; try again in a moment.';
    case 'ECONNREFUSED':
      return 'The site refused the connection; it may be down.';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'The site closed the connection before answering.';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'The site cannot be reached from the server.';
    default:
      if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return "The site's security certificate could not be verified.";
      return 'The page could not be reached.';
  }
}

/** Bytes looked at for a `<meta charset>` before decoding starts. */
const SNIFF_BYTES = 2048;
/** Characters parsed between two turns of the event loop. */
const PARSE_SLICE = 8 * 1024;

/**
 * Reads the body up to `maxBytes`, decoding and parsing it as it arrives, and stops downloading
 * once the reader has seen the end of the head. The parse yields to the event loop between
 * slices and gives up when the preview's deadline passes.
 */
async function readHead(
  response: IncomingMessage,
  contentType: string,
  reader: PageMetaReader,
  maxBytes: number,
  signal: AbortSignal,
): Promise<PageMeta> {
  let decoder: TextDecoder | null = null;
  const sniffed: Buffer[] = [];
  let total = 0;
  const parse = async (bytes: Buffer, last: boolean): Promise<boolean> => {
    if (decoder === null) {
      const start = Buffer.concat([...sniffed.splice(0), bytes]);
      decoder = decoderFor(start, contentType);
      bytes = start;
    }
    const text = decoder.decode(bytes, { stream: !last });
    for (let at = 0; at < text.length; at += PARSE_SLICE) {
      if (signal.aborted) throw new LinkPreviewError('timeout', 'The page took too long to answer.');
      if (reader.write(text.slice(at, at + PARSE_SLICE))) return true;
      await nextTurn();
    }
    return false;
  };
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      // Stop downloading at the limit: the rest of a long page is never read.
      const bytes = chunk.subarray(0, maxBytes - total);
      total += bytes.length;
      const full = total >= maxBytes;
      if (decoder === null && total < SNIFF_BYTES && !full) {
        sniffed.push(bytes);
        continue;
      }
      if ((await parse(bytes, full)) || full) return reader.result();
    }
    await parse(Buffer.alloc(0), true);
    return reader.result();
  } catch (error) {
    throw transportError(error as Error, signal);
  } finally {
    response.destroy();
  }
}

/** The declared character set (header, then `<meta charset>` near the start), else UTF-8. */
function decoderFor(start: Buffer, contentType: string): TextDecoder {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(start.subarray(0, SNIFF_BYTES).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}
