// Each employee component keeps its words in `<component>.strings.ts` beside it, both languages
// side by side: `export const en = {…}` defines the keys and `export const ja: typeof en = {…}`
// must have exactly those keys, with the same signatures for the words that are functions. The
// words every component shares are in `common.strings.ts`.

export type { CommonStrings } from './common.strings.js';
export type { AdminStrings } from './admin-strings.js';

/** One component's strings in every language we ship. */
export type Locales<S> = Readonly<Record<'en' | 'ja', S>>;

/** The strings for a BCP 47 tag: its language if we ship it, English otherwise. */
export function pick<S>(tables: Locales<S>, lang: string): S {
  return lang.toLowerCase().split('-')[0] === 'ja' ? tables.ja : tables.en;
}

/**
 * English's `one` or `other` form for a count (Japanese words have no plural). English's rule for
 * cardinals (CLDR: `one` is the integer 1 written without decimals) is `count === 1` for the whole
 * numbers counted here, without building an `Intl.PluralRules` on every call.
 */
export const plural = (count: number, one: string, other: string): string => (count === 1 ? one : other);
