import { html, nothing } from 'lit';
import type { AdvocacyError } from '@advocacy-kit/core';
import type { DraftFieldError, PostDraft, PostDraftController, PostField } from '@advocacy-kit/core/admin';
import type { AdminStrings } from '../i18n/index.js';

/** What every part of the editor's form reads: the draft, its errors in words, and the controller to write to. */
export interface FormContext {
  t: AdminStrings['postEditor'] & AdminStrings['adminCommon'];
  draft: PostDraft;
  /** Each invalid field's message. */
  errors: Partial<Record<PostField, string>>;
  controller: PostDraftController;
  lang: string;
  timeZone: string;
}

/** A field error in the admin's words; the server's own messages are shown as they come. */
export function fieldMessage(
  field: PostField,
  error: DraftFieldError,
  t: AdminStrings['postEditor'],
  describe: (error: AdvocacyError) => string,
): string {
  switch (error.code) {
    case 'required':
      return field === 'title' ? t.titleRequired : field === 'url' ? t.urlRequired : error.message;
    case 'invalid_url':
      return field === 'imageUrl' ? t.imageInvalid : t.urlInvalid;
    case 'before_publish':
      return t.expireBeforePublish;
    case 'over_limit':
      return t.commentaryTooLong;
    case 'too_long':
      return field === 'suggestedCommentary' ? t.commentaryTooLong : t.tooLong(error.max ?? 0);
    case 'too_many':
      return t.tooMany(error.max ?? 0);
    case 'failed':
      return error.error ? describe(error.error) : error.message;
    default:
      return error.message;
  }
}

export function errorFor(context: FormContext, field: PostField) {
  const message = context.errors[field];
  return message ? html`<p id="${field}-error" class="field-error" part="field-error">${message}</p>` : nothing;
}

/** The ids describing a field: its error, then its hint. */
export function describedBy(context: FormContext, field: PostField, hint: boolean): string | typeof nothing {
  const ids = [context.errors[field] ? `${field}-error` : '', hint ? `${field}-hint` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : nothing;
}

type TextField = 'url' | 'title' | 'imageUrl' | 'source' | 'hashtags';

/** A labelled text input bound to one draft field, with its hint and error. */
export function textField(
  context: FormContext,
  field: TextField,
  label: string,
  options: { type?: string; required?: boolean; placeholder?: string; hint?: string } = {},
) {
  return input(context, field, label, context.draft[field], (value) => context.controller.update({ [field]: value }), options);
}

/** A labelled input with its hint and error, for any value kept as text. */
export function input(
  context: FormContext,
  field: PostField,
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: { type?: string; required?: boolean; placeholder?: string; hint?: string } = {},
) {
  return html`<div class="field" part="field">
    <label for=${field}>${label}</label>
    <input
      id=${field}
      part="input"
      type=${options.type ?? 'text'}
      ?required=${options.required}
      aria-required=${options.required ? 'true' : nothing}
      aria-invalid=${context.errors[field] ? 'true' : 'false'}
      aria-describedby=${describedBy(context, field, Boolean(options.hint))}
      placeholder=${options.placeholder ?? nothing}
      .value=${value}
      @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
    />
    ${options.hint ? html`<p id="${field}-hint" class="hint">${options.hint}</p>` : nothing}
    ${errorFor(context, field)}
  </div>`;
}

export function summaryField(context: FormContext) {
  return html`<div class="field" part="field">
    <label for="summary">${context.t.summaryLabel}</label>
    <textarea
      id="summary"
      part="input"
      rows="3"
      aria-invalid=${context.errors.summary ? 'true' : 'false'}
      aria-describedby=${describedBy(context, 'summary', false)}
      .value=${context.draft.summary}
      @input=${(event: Event) => context.controller.update({ summary: (event.target as HTMLTextAreaElement).value })}
    ></textarea>
    ${errorFor(context, 'summary')}
  </div>`;
}
