import type { LocalizedText } from '@advocacy-kit/core';

/** The text for a language, falling back to its base language, then English, then any. */
export function localized(text: LocalizedText, lang: string): string {
  const base = lang.toLowerCase().split('-')[0] ?? 'en';
  return text[lang] ?? text[base] ?? text.en ?? Object.values(text)[0] ?? '';
}
