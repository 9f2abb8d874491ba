import { html, nothing } from 'lit';
import type { AdvocacyError, Contest, ContestInput, ContestPatch } from '@advocacy-kit/core';
import type { en } from './contests-admin.strings.js';
import { fromLocalInput, toLocalInput } from '../internal/zoned-time.js';

/** The form's fields, by input id. */
export type ContestField = 'title' | 'description' | 'prize' | 'title-ja' | 'description-ja' | 'prize-ja' | 'team' | 'starts' | 'ends';
export type ContestFieldErrors = Partial<Record<ContestField, string>>;

/** The form's values as typed (dates as `datetime-local` strings). */
export type ContestDraft = Record<ContestField | 'scope', string>;

/** A typed `datetime-local` value in the admin's zone as an ISO time (an unreadable value stays unreadable for the checks). */
const isoOf = (local: string, timeZone: string): string => fromLocalInput(local, timeZone) ?? 'invalid';

/** The values a form starts with: the contest's when editing (times in the admin's `timeZone`), blanks for a new one. */
export function draftOf(contest: Contest | null, timeZone: string): ContestDraft {
  const ja = contest?.translations?.['ja'] ?? {};
  return {
    title: contest?.title ?? '',
    description: contest?.description ?? '',
    prize: contest?.prize ?? '',
    'title-ja': ja.title ?? '',
    'description-ja': ja.description ?? '',
    'prize-ja': ja.prize ?? '',
    scope: contest?.scope ?? 'company',
    team: contest?.team ?? '',
    starts: contest ? toLocalInput(contest.startsAt, timeZone) : '',
    ends: contest ? toLocalInput(contest.endsAt, timeZone) : '',
  };
}

/** What the form can tell before sending: required fields, an end after the start, a team for a team contest. */
export function checkDraft(draft: ContestDraft, t: typeof en, startLocked: boolean): ContestFieldErrors {
  const errors: ContestFieldErrors = {};
  if (!draft.title.trim()) errors.title = t.required;
  if (!draft.prize.trim()) errors.prize = t.required;
  if (draft.scope === 'team' && !draft.team.trim()) errors.team = t.required;
  if (!startLocked && Number.isNaN(Date.parse(draft.starts))) errors.starts = t.required;
  if (Number.isNaN(Date.parse(draft.ends))) errors.ends = t.required;
  else if (!startLocked && Date.parse(draft.ends) <= Date.parse(draft.starts)) errors.ends = t.endAfterStart;
  return errors;
}

/** The Japanese texts given, merged over the contest's other translations (a blank field is left out). */
function translationsOf(draft: ContestDraft, contest: Contest | null): NonNullable<ContestInput['translations']> {
  const { ja: _previous, ...others } = contest?.translations ?? {};
  const ja: { title?: string; description?: string; prize?: string } = {};
  for (const key of ['title', 'description', 'prize'] as const) {
    const value = draft[`${key}-ja`].trim();
    if (value) ja[key] = value;
  }
  return Object.keys(ja).length > 0 ? { ...others, ja } : others;
}

export function inputOf(draft: ContestDraft, timeZone: string): ContestInput {
  const translations = translationsOf(draft, null);
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    prize: draft.prize.trim(),
    scope: draft.scope === 'team' ? 'team' : 'company',
    ...(draft.scope === 'team' ? { team: draft.team.trim() } : {}),
    startsAt: isoOf(draft.starts, timeZone),
    endsAt: isoOf(draft.ends, timeZone),
    ...(Object.keys(translations).length > 0 ? { translations } : {}),
  };
}

export function patchOf(draft: ContestDraft, contest: Contest, startLocked: boolean, timeZone: string): ContestPatch {
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    prize: draft.prize.trim(),
    ...(startLocked ? {} : { startsAt: isoOf(draft.starts, timeZone) }),
    endsAt: isoOf(draft.ends, timeZone),
    translations: translationsOf(draft, contest),
  };
}

const FIELD_OF: Record<string, ContestField> = {
  title: 'title',
  description: 'description',
  prize: 'prize',
  team: 'team',
  startsAt: 'starts',
  endsAt: 'ends',
  'translations.ja.title': 'title-ja',
  'translations.ja.description': 'description-ja',
  'translations.ja.prize': 'prize-ja',
};

/** The backend's field errors on the form's fields (`translations/ja/prize` and `translations.ja.prize` alike). */
export function fieldErrorsOf(error: AdvocacyError): ContestFieldErrors {
  const errors: ContestFieldErrors = {};
  for (const fieldError of error.fieldErrors) {
    const field = FIELD_OF[fieldError.field.replace(/^\//, '').replaceAll('/', '.')];
    if (field) errors[field] ??= fieldError.message;
  }
  return errors;
}

/** One labelled input with its error (tied by aria-describedby). */
export function field(
  id: ContestField,
  label: string,
  value: string,
  errors: ContestFieldErrors,
  options: { type?: string; maxlength?: number; disabled?: boolean; multiline?: boolean } = {},
) {
  const error = errors[id];
  const describedBy = error ? `${id}-error` : nothing;
  const control = options.multiline
    ? html`<textarea id=${id} name=${id} rows="2" maxlength=${options.maxlength ?? nothing} .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy}></textarea>`
    : html`<input
        id=${id}
        name=${id}
        type=${options.type ?? 'text'}
        maxlength=${options.maxlength ?? nothing}
        ?disabled=${options.disabled ?? false}
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
      />`;
  return html`<label>${label}${control}</label>${error ? html`<p id="${id}-error" class="field-error">${error}</p>` : nothing}`;
}
