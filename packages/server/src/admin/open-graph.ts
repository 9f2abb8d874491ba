import { Parser } from 'htmlparser2';

/** What a page says about itself for link previews (Open Graph, then the HTML basics). */
export interface PageMeta {
  title: string | null;
  description: string | null;
  imageUrl: string | null;
  siteName: string | null;
}

/** Characters of a page read at most: the head, where the tags are, comes first. */
export const MAX_HEAD_CHARS = 64 * 1024;

/** Entities are decoded by the parser; this only folds white space. */
const clip = (text: string | undefined, max: number): string | null => {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? Array.from(value).slice(0, max).join('') : null;
};

/**
 * Reads a page's tags as its HTML arrives, with htmlparser2's streaming parser (linear in the
 * input, whatever the input is). `write` takes the next piece and answers true once the head is
 * over (`</head>` or `<body>`): nothing after it is read. At most `MAX_HEAD_CHARS` are parsed.
 */
export class PageMetaReader {
  readonly #meta = new Map<string, string>();
  readonly #parser: Parser;
  #title: string | null = null;
  #inTitle = false;
  #read = 0;
  #done = false;

  constructor(readonly baseUrl: string) {
    this.#parser = new Parser(
      {
        onopentag: (name, attributes) => {
          if (this.#done) return;
          if (name === 'body') return this.#stop();
          if (name === 'title' && this.#title === null) {
            this.#inTitle = true;
            this.#title = '';
          }
          if (name !== 'meta') return;
          const key = (attributes.property ?? attributes.name)?.toLowerCase();
          const content = attributes.content;
          if (key && content !== undefined && !this.#meta.has(key)) this.#meta.set(key, content);
        },
        ontext: (text) => {
          if (this.#inTitle && !this.#done) this.#title += text;
        },
        onclosetag: (name) => {
          if (name === 'title') this.#inTitle = false;
          if (name === 'head') this.#stop();
        },
      },
      { decodeEntities: true },
    );
  }

  /** Parses the next piece of the page; true when no more is needed. */
  write(text: string): boolean {
    if (this.#done) return true;
    const piece = text.slice(0, MAX_HEAD_CHARS - this.#read);
    this.#read += piece.length;
    this.#parser.write(piece);
    if (this.#read >= MAX_HEAD_CHARS) this.#stop();
    return this.#done;
  }

  /** What was read so far. */
  result(): PageMeta {
    const meta = this.#meta;
    let imageUrl: string | null = null;
    const image = meta.get('og:image') ?? meta.get('og:image:url') ?? meta.get('twitter:image');
    if (image) {
      try {
        const resolved = new URL(image.trim(), this.baseUrl);
        if (resolved.protocol === 'https:' || resolved.protocol === 'http:') imageUrl = resolved.href;
      } catch {
        imageUrl = null;
      }
    }
    // An unclosed <title> runs to the end of what was read; a browser would show no title.
    const title = this.#inTitle ? undefined : (this.#title ?? undefined);
    return {
      title: clip(meta.get('og:title') ?? meta.get('twitter:title') ?? title, 200),
      description: clip(meta.get('og:description') ?? meta.get('twitter:description') ?? meta.get('description'), 500),
      imageUrl,
      siteName: clip(meta.get('og:site_name'), 100),
    };
  }

  #stop(): void {
    this.#done = true;
  }
}

/**
 * Reads `og:title`, `og:description`, `og:image` and `og:site_name` (then `twitter:*`, `<title>`
 * and `meta name=description`) from the head of the page's HTML (its first `MAX_HEAD_CHARS`).
 * The image is resolved against `baseUrl` and kept only when it is http(s). Text is decoded and
 * trimmed, never interpreted as HTML.
 */
export function readPageMeta(html: string, baseUrl: string): PageMeta {
  const reader = new PageMetaReader(baseUrl);
  reader.write(html);
  return reader.result();
}
