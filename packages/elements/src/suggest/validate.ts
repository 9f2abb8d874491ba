import type { SuggestionInput } from '@advocacy-kit/core';
import { isHttpUrl } from '@advocacy-kit/core/links';
import type { SuggestStrings } from './suggest.strings.js';

export const NOTE_MAX = 1000;

export type SuggestField = 'url' | 'note' | 'topics';

/** The form's own checks, before anything is sent. Field → message; empty when valid. */
export function validateSuggestion(input: SuggestionInput, t: SuggestStrings): Partial<Record<SuggestField, string>> {
  const errors: Partial<Record<SuggestField, string>> = {};
  const url = input.url.trim();
  if (url === '') errors.url = t.urlRequired;
  // A link to share needs a host with a dot: `https://intranet` is not one.
  else if (!isHttpUrl(url) || !new URL(url).hostname.includes('.')) errors.url = t.urlInvalid;
  if (input.note.length > NOTE_MAX) errors.note = t.noteTooLong(NOTE_MAX);
  return errors;
}

/** The form field a server field path (`url`, `topics.0`) belongs to. */
export function fieldOf(path: string): SuggestField | undefined {
  const head = path.replace(/^\//, '').split(/[./]/)[0];
  return head === 'url' || head === 'note' || head === 'topics' ? head : undefined;
}
