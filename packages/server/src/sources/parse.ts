import { parseFeed } from 'feedsmith';

/** One item of a feed, as plain text. */
export interface FeedItem {
  /** What identifies it within its source: guid or id, else its link. */
  key: string;
  url: string;
  title: string;
  summary: string;
  imageUrl: string | null;
  publishedAt: string | null;
}

/** Items read from one feed at most; the newest come first in practice. */
export const MAX_ITEMS = 50;
const TITLE_MAX = 300;
const SUMMARY_MAX = 2000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Text from feed text that may carry markup: tags are removed, entities decoded, white space
 * collapsed. The result is only ever shown as text; nothing here makes it safe as HTML.
 */
export function plainText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  const text = value
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    // Control characters (tabs and line breaks among them) become spaces.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...text].slice(0, max).join('');
}

/** `value` when it is an absolute http(s) URL (relative ones resolved against `base`), else null. */
function httpUrl(value: unknown, base: string): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim(), base);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && url.href.length <= 2048
      ? url.href
      : null;
  } catch {
    return null;
  }
}

const textOf = (value: unknown): unknown =>
  value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;

function isoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

// feedsmith's types differ per format; the fields read below are checked where they are used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** The items of an RSS, Atom, RDF or JSON feed; throws when the text is none of them. */
export function feedItems(text: string, feedUrl: string): { title: string; items: FeedItem[] } {
  const { format, feed } = parseFeed(text) as { format: string; feed: Loose };
  const raw: Loose[] = (format === 'atom' ? feed.entries : feed.items) ?? [];
  const items: FeedItem[] = [];
  for (const entry of raw.slice(0, MAX_ITEMS)) {
    let link: unknown;
    let key: unknown;
    let summary: unknown;
    let image: unknown;
    let date: unknown;
    if (format === 'atom') {
      const links: Loose[] = entry.links ?? [];
      link = (links.find((candidate) => !candidate.rel || candidate.rel === 'alternate') ?? links[0])?.href;
      key = entry.id;
      summary = textOf(entry.summary) ?? textOf(entry.content);
      date = entry.published ?? entry.updated;
      image = entry.media?.thumbnails?.[0]?.url;
    } else if (format === 'json') {
      link = entry.url ?? entry.external_url;
      key = entry.id;
      summary = entry.summary ?? entry.content_text ?? entry.content_html;
      image = entry.image ?? entry.banner_image;
      date = entry.date_published ?? entry.date_modified;
    } else {
      link = entry.link;
      key = textOf(entry.guid);
      summary = entry.description ?? entry.content?.encoded;
      image = entry.enclosures?.find((enclosure: Loose) => String(enclosure.type ?? '').startsWith('image/'))?.url ?? entry.enclosure?.url;
      date = entry.pubDate ?? entry.dc?.date ?? entry.dc?.dates?.[0];
    }
    const url = httpUrl(link, feedUrl);
    const title = plainText(textOf(entry.title), TITLE_MAX);
    if (url === null || title === '') continue;
    const id = typeof key === 'string' && key.trim() !== '' ? key.trim().slice(0, 500) : url;
    items.push({
      key: id,
      url,
      title,
      summary: plainText(summary, SUMMARY_MAX),
      imageUrl: httpUrl(image, url),
      publishedAt: isoDate(date),
    });
  }
  return { title: plainText(textOf(feed.title), 200), items };
}
