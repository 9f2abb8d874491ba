import type { Contest } from '../backend/contract.js';

export interface ContestText {
  title: string;
  description: string;
  prize: string;
}

/**
 * A contest's title, description and prize in `language`: each from its translation for the exact
 * locale, else for its language (`ja` for `ja-JP`), else the default text.
 */
export function contestText(contest: Pick<Contest, 'title' | 'description' | 'prize' | 'translations'>, language: string): ContestText {
  const translations = contest.translations ?? {};
  const exact = translations[language];
  const base = translations[language.split('-')[0]!];
  const pick = (field: keyof ContestText): string => exact?.[field] || base?.[field] || contest[field];
  return { title: pick('title'), description: pick('description'), prize: pick('prize') };
}
