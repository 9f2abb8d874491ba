/**
 * Full-text search over posts, defined once for every backend.
 *
 * A post's searchable text is its title, its summary and every suggested commentary (each locale,
 * each network), each NFKC-normalised and lower-cased (`normalizeText`: full-width Ａ is A,
 * half-width ｶ is カ, `Cloud` is `cloud`) and joined by line breaks. A query is split on white
 * space into terms, normalised the same way; a post matches when its text contains every term as
 * a substring. There are no word boundaries, so 「障害」 finds 障害対応 and a two-character term
 * matches as exactly as a long one. The memory backend applies `matchesSearch`; the reference
 * server stores `searchDocument` and runs the same substring test in SQL (with a trigram index
 * to narrow it down where the database has one).
 */
import { normalizeText } from './compliance.js';

/** At most this many terms of a query are used; the rest are ignored. */
export const SEARCH_MAX_TERMS = 8;

/** The fields of a post that search reads. */
export interface Searchable {
  title: string;
  summary: string;
  suggestedCommentary: Readonly<Record<string, Readonly<Record<string, string | undefined>>>>;
}

/** The normalised terms of a query: none for a blank one (which matches every post). */
export function searchTerms(query: string | null | undefined): string[] {
  if (!query) return [];
  const terms = normalizeText(query)
    .split(' ')
    .filter((term) => term !== '');
  return [...new Set(terms)].slice(0, SEARCH_MAX_TERMS);
}

/** A post's searchable text: title, summary and every suggested commentary, normalised, one per line. */
export function searchDocument(post: Searchable): string {
  const commentary = Object.values(post.suggestedCommentary).flatMap((byNetwork) =>
    Object.values(byNetwork).filter((text) => text !== undefined),
  );
  return [post.title, post.summary, ...commentary].map(normalizeText).join('\n');
}

/** Whether a post's searchable text contains every term. */
export function matchesSearch(document: string, terms: readonly string[]): boolean {
  return terms.every((term) => document.includes(term));
}
