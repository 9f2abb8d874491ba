import type { IncomingMessage } from 'node:http';
import { TextDecoder } from 'node:util';
import { isPublicAddress } from '../admin/address-guard.js';
import { guardedGet, LinkPreviewError, parseHttpUrl, transportError } from '../admin/link-preview.js';

/** What the last successful answer said about its version, sent back on the next fetch. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FeedResponse = { status: 'not_modified' } | ({ status: 'ok'; text: string; finalUrl: string } & Validators);

export interface FeedFetchOptions {
  /** The whole fetch, redirects included. Default 10 s. */
  timeoutMs?: number;
  /** A larger feed is refused, not cut (cut XML does not parse). Default 2 MiB. */
  maxBytes?: number;
  /** Default 3. */
  maxRedirects?: number;
  /** Which resolved addresses may be connected to; default the public internet only (tests widen it). */
  isAllowedAddress?: (address: string) => boolean;
}

/** Why a feed could not be fetched; the message becomes the source's `lastError`. */
export class FeedFetchError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1';

/**
 * A conditional GET of a feed through the link preview's address guard: every hop's addresses are
 * checked before connecting, redirects are followed by hand (each checked again), the body is
 * read up to `maxBytes` and refused beyond, and all of it shares one deadline. A 304 answers
 * `not_modified`.
 */
export async function fetchFeed(url: string, validators: Validators, options: FeedFetchOptions = {}): Promise<FeedResponse> {
  const { timeoutMs = 10_000, maxBytes = 2 * 1024 * 1024, maxRedirects = 3, isAllowedAddress = isPublicAddress } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = { accept: ACCEPT };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    let current = parseHttpUrl(url);
    for (let hop = 0; ; hop++) {
      const response = await guardedGet(current, signal, isAllowedAddress, headers);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304 && response.headers.location) {
        response.destroy();
        if (hop >= maxRedirects) throw new FeedFetchError('too_many_redirects', `More than ${maxRedirects} redirects.`);
        current = parseHttpUrl(new URL(response.headers.location, current).href);
        continue;
      }
      if (status === 304) {
        response.destroy();
        return { status: 'not_modified' };
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw new FeedFetchError('http_status', `The feed answered ${status}.`);
      }
      const text = await readBody(response, maxBytes, signal);
      const header = (name: string) => {
        const value = response.headers[name];
        return typeof value === 'string' && value.length <= 500 ? value : null;
      };
      return { status: 'ok', text, finalUrl: current.href, etag: header('etag'), lastModified: header('last-modified') };
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    const failure = error instanceof LinkPreviewError ? error : transportError(error as Error, signal);
    throw new FeedFetchError(
      failure instanceof LinkPreviewError ? failure.code : 'unreachable',
      failure.message.replace('The page', 'The feed'),
    );
  }
}

async function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<string> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new FeedFetchError('too_large', `The feed is larger than ${Math.round(maxBytes / 1024)} KiB.`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new FeedFetchError('too_large', `The feed is larger than ${Math.round(maxBytes / 1024)} KiB.`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    throw transportError(error as Error, signal);
  } finally {
    response.destroy();
  }
  const charset = /charset=["']?([\w-]+)/i.exec(String(response.headers['content-type'] ?? ''))?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(Buffer.concat(chunks));
}
