import type { EmployeeStrings } from './strings.js';
import type * as en from './en.js';
import type * as ja from './ja.js';

export type * from './strings.js';

/** Fails to compile unless a language's table has every namespace, each with every key. */
type Complete<Table extends EmployeeStrings> = Table;
type English = Complete<typeof en>;
type Japanese = Complete<typeof ja>;

/** One component's strings in every language we ship. */
export type Locales<S> = Readonly<Record<'en' | 'ja', S>>;

/** The strings for a BCP 47 tag: its language if we ship it, English otherwise. */
export function pick<S>(tables: Locales<S>, lang: string): S {
  return lang.toLowerCase().split('-')[0] === 'ja' ? tables.ja : tables.en;
}
export type { AdminStrings } from './admin-strings.js';
