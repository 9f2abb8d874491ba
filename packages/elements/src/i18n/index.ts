export type * from './strings.js';

/** One component's strings in every language we ship. */
export type Locales<S> = Readonly<Record<'en' | 'ja', S>>;

/** The strings for a BCP 47 tag: its language if we ship it, English otherwise. */
export function pick<S>(tables: Locales<S>, lang: string): S {
  return lang.toLowerCase().split('-')[0] === 'ja' ? tables.ja : tables.en;
}
export type { AdminStrings } from './admin-strings.js';
