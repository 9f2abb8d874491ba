import { en } from './en.js';
import { ja } from './ja.js';
import type { Strings } from './strings.js';

export type { Strings } from './strings.js';

const tables: Record<string, Strings> = { en, ja };

/** The string table for a BCP 47 tag: its language if we ship it, English otherwise. */
export function stringsFor(lang: string): Strings {
  const language = lang.toLowerCase().split('-')[0] ?? 'en';
  return tables[language] ?? en;
}
