import type { NetworkId } from '../backend/contract.js';
import { graphemes, weightedLength } from './text.js';

/** How a network counts the length of a post. */
export type CountingRule = 'weighted' | 'graphemes' | 'characters';

export interface IntentInput {
  /** The tracking URL. */
  url: string;
  /** The composed text: commentary and URL (see `composeShareText`). */
  text: string;
  title: string;
}

export interface ShareNetwork {
  id: NetworkId;
  /**
   * Whether the network's share intent carries the text. When it doesn't (LinkedIn, Facebook,
   * XING, Hatena), the share flow puts the text on the clipboard, and the UI should say so.
   */
  takesText: boolean;
  /** The longest post the network accepts, counted by `counting`; `null` when there is no practical limit. */
  limit: number | null;
  counting: CountingRule;
  /** The intent to open, or `null` for `copy` and `native`, which have none. */
  intentUrl(input: IntentInput): string | null;
}

const q = encodeURIComponent;

const network = (
  id: NetworkId,
  takesText: boolean,
  limit: number | null,
  counting: CountingRule,
  intentUrl: (input: IntentInput) => string | null,
): ShareNetwork => ({ id, takesText, limit, counting, intentUrl });

/** Every network core can share to, keyed by id. Names are in `networkNames`. */
export const networks: Readonly<Record<NetworkId, ShareNetwork>> = {
  linkedin: network('linkedin', false, 3000, 'characters', (s) => `https://www.linkedin.com/sharing/share-offsite/?url=${q(s.url)}`),
  x: network('x', true, 280, 'weighted', (s) => `https://x.com/intent/post?text=${q(s.text)}`),
  facebook: network('facebook', false, null, 'characters', (s) => `https://www.facebook.com/sharer/sharer.php?u=${q(s.url)}`),
  threads: network('threads', true, 500, 'graphemes', (s) => `https://www.threads.net/intent/post?text=${q(s.text)}`),
  bluesky: network('bluesky', true, 300, 'graphemes', (s) => `https://bsky.app/intent/compose?text=${q(s.text)}`),
  xing: network('xing', false, null, 'characters', (s) => `https://www.xing.com/spi/shares/new?url=${q(s.url)}`),
  line: network('line', true, null, 'characters', (s) => `https://line.me/R/share?text=${q(s.text)}`),
  hatena: network('hatena', false, 100, 'characters', (s) => `https://b.hatena.ne.jp/add?mode=confirm&url=${q(s.url)}&title=${q(s.title)}`),
  email: network('email', true, null, 'characters', (s) => `mailto:?subject=${q(s.title)}&body=${q(s.text)}`),
  copy: network('copy', true, null, 'characters', () => null),
  native: network('native', true, null, 'characters', () => null),
};

export const getNetwork = (id: NetworkId): ShareNetwork => networks[id];

/** The networks that are brands: all but `email`, `copy` and `native`, which a UI words in its own language. */
export type BrandNetworkId = Exclude<NetworkId, 'email' | 'copy' | 'native'>;

/**
 * Each network's own name, as the brand writes it. Brand names are not translated, so every
 * UI, email and export takes them from here instead of from its string tables.
 */
export const networkNames: Readonly<Record<BrandNetworkId, string>> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  threads: 'Threads',
  bluesky: 'Bluesky',
  xing: 'XING',
  line: 'LINE',
  hatena: 'Hatena Bookmark',
};

/** A network's name for readers of `language` (a BCP 47 tag): Hatena calls itself はてなブックマーク in Japanese. */
export function networkName(id: BrandNetworkId, language: string): string {
  return id === 'hatena' && language.startsWith('ja') ? 'はてなブックマーク' : networkNames[id];
}

/** The length of `text` as the network counts it. */
export function countText(id: NetworkId, text: string): number {
  const rule = networks[id].counting;
  return rule === 'weighted' ? weightedLength(text) : rule === 'graphemes' ? graphemes(text).length : Array.from(text).length;
}

/** Characters left before the network's limit (negative when over); `null` when it has none. */
export function remainingText(id: NetworkId, text: string): number | null {
  const { limit } = networks[id];
  return limit === null ? null : limit - countText(id, text);
}
