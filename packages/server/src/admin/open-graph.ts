/** What a page says about itself for link previews (Open Graph, then the HTML basics). */
export interface PageMeta {
  title: string | null;
  description: string | null;
  imageUrl: string | null;
  siteName: string | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The attributes of one tag (`<meta property="og:title" content="…">`), names lower-cased. */
function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    found.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return found;
}

const clip = (text: string | undefined, max: number): string | null => {
  if (!text) return null;
  const value = decode(text);
  return value ? Array.from(value).slice(0, max).join('') : null;
};

/**
 * Reads `og:title`, `og:description`, `og:image` and `og:site_name` (then `twitter:*`, `<title>`
 * and `meta name=description`) from the page's HTML. The image is resolved against `baseUrl`
 * and kept only when it is http(s). Text is decoded and trimmed, never interpreted as HTML.
 */
export function readPageMeta(html: string, baseUrl: string): PageMeta {
  const head = html.slice(0, html.search(/<\/head\s*>/i) >>> 0 || html.length);
  const meta = new Map<string, string>();
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const key = (attrs.get('property') ?? attrs.get('name'))?.toLowerCase();
    const content = attrs.get('content');
    if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
  }
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(head)?.[1];
  let imageUrl: string | null = null;
  const image = meta.get('og:image') ?? meta.get('og:image:url') ?? meta.get('twitter:image');
  if (image) {
    try {
      const resolved = new URL(decode(image), baseUrl);
      if (resolved.protocol === 'https:' || resolved.protocol === 'http:') imageUrl = resolved.href;
    } catch {
      imageUrl = null;
    }
  }
  return {
    title: clip(meta.get('og:title') ?? meta.get('twitter:title') ?? titleTag, 200),
    description: clip(meta.get('og:description') ?? meta.get('twitter:description') ?? meta.get('description'), 500),
    imageUrl,
    siteName: clip(meta.get('og:site_name'), 100),
  };
}
