import type { Locale, NetworkId, Post } from '../backend/contract.js';

/** What X counts every URL as, whatever its length (t.co wrapping). */
export const X_URL_LENGTH = 23;
const URL_PATTERN = /https?:\/\/[^\s]+/giu;
const EMOJI = /\p{Extended_Pictographic}/u;

/** Splits text into user-perceived characters (grapheme clusters) where the platform can. */
export function graphemes(text: string): string[] {
  if ('Segmenter' in Intl) {
    return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
  }
  return Array.from(text);
}

/** Code points twitter-text weighs 1 (Latin-1 through Georgian, and some punctuation); all others weigh 2. */
const light = (c: number) => c <= 0x10ff || (c >= 0x2000 && c <= 0x200d) || (c >= 0x2010 && c <= 0x201f) || (c >= 0x2032 && c <= 0x2037);

/**
 * Length of a post as X counts it (twitter-text v3): text is NFC-normalised, every
 * `http(s)://` URL counts 23, an emoji (even a ZWJ sequence) counts 2, code points in the
 * Latin ranges count 1 and everything else (CJK, kana, hangul, …) counts 2. The limit is 280.
 * Bare domains without a scheme are counted as text.
 */
export function weightedLength(text: string): number {
  let length = 0;
  const rest = text.normalize('NFC').replace(URL_PATTERN, () => {
    length += X_URL_LENGTH;
    return '';
  });
  for (const cluster of graphemes(rest)) {
    if (EMOJI.test(cluster)) length += 2;
    else for (const ch of cluster) length += light(ch.codePointAt(0)!) ? 1 : 2;
  }
  return length;
}

/** The text shared to a network: the employee's commentary, then the tracking link. */
export function composeShareText(commentary: string, url: string): string {
  const words = commentary.trim();
  return words ? `${words} ${url}` : url;
}

/**
 * The post's suggested commentary for a locale and network: the network's own text, else the
 * locale's default; tries the full locale (`en-GB`), its language (`en`), then the post's own
 * locale. Empty when the post suggests nothing.
 */
export function suggestedCommentaryFor(post: Post, locale: Locale, network?: NetworkId): string {
  for (const tag of [locale, locale.split('-')[0]!, post.locale]) {
    const texts = post.suggestedCommentary[tag];
    const text = (network && texts?.[network]) || texts?.default;
    if (text) return text;
  }
  return '';
}
