import { html, nothing } from 'lit';
import type { AdvocacyError, AsyncState, Suggestion, SuggestionInput, Topic } from '@advocacy-kit/core';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { heading, headingLevelProperty, levelOf } from '../internal/heading.js';
import * as suggestStrings from './suggest.strings.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { localized } from '../internal/topics.js';
import { NOTE_MAX, fieldOf, validateSuggestion, type SuggestField } from './validate.js';
import { styles } from './suggest.styles.js';

/**
 * @tag advocacy-suggest
 * @summary A form to propose a link to the program team, with a note and topics. Checks the
 * link before sending, shows the server's per-field errors next to their fields, and confirms.
 *
 * @event advocacy-suggest - A suggestion was sent. `detail: { suggestion }`.
 * @event advocacy-error - Sending failed for another reason than the fields. `detail: { source: 'suggest', error }`.
 *
 * @csspart form - The form.
 * @csspart field - One labelled field.
 * @csspart input - The link input and the note text area.
 * @csspart field-error - A field's error message.
 * @csspart topics - The topic checkboxes.
 * @csspart submit-button - The send button.
 * @csspart confirmation - The thank-you panel.
 * @csspart mine - The employee's own suggestions with their status (or the error loading them).
 *
 * @cssproperty --advocacy-color-accent - The send button and checked topics.
 * @cssproperty --advocacy-color-danger - Field errors.
 * @cssproperty --advocacy-color-success - The confirmation.
 * @cssproperty --advocacy-color-surface - Panel background.
 * @cssproperty --advocacy-color-text - Main text.
 * @cssproperty --advocacy-color-border - Borders.
 * @cssproperty --advocacy-radius - Panel corner radius.
 * @cssproperty --advocacy-font-family - Font stack.
 */
export class AdvocacySuggestElement extends AdvocacyElement<(typeof suggestStrings)['en']> {
  static override styles = styles;

  static override properties = {
    headingLevel: headingLevelProperty,
    url: { state: true, attribute: false },
    note: { state: true, attribute: false },
    picked: { state: true, attribute: false },
    fieldErrors: { state: true, attribute: false },
    formError: { state: true, attribute: false },
    submitting: { state: true, attribute: false },
    sent: { state: true, attribute: false },
  };

  declare private url: string;
  declare private note: string;
  declare private picked: ReadonlySet<string>;
  declare private fieldErrors: Partial<Record<SuggestField, string>>;
  declare private formError: AdvocacyError | null;
  declare private submitting: boolean;
  declare private sent: Suggestion | null;

  private readonly topics = new StoreController<AsyncState<Topic[]>>(this, () => this.client?.topics.store);
  private readonly mine = new StoreController<AsyncState<Suggestion[]>>(this, () => this.client?.mySuggestions.store);

  /**
   * The level (2–6) of its title heading (its other headings follow one level below), to fit the host page's outline: under a page whose only heading
   * is an `<h1>`, use `heading-level="2"`. Default 2; other values fall back to it.
   */
  declare headingLevel: number | undefined;

  constructor() {
    super(suggestStrings);
    this.headingLevel = undefined;
    this.reset();
  }

  protected override render() {
    return html`<section aria-labelledby="title">
      <div class="header">
        ${heading(levelOf(this.headingLevel, 2), this.t.title, 'title')}
        ${this.sent ? nothing : html`<p class="intro">${this.t.intro}</p>`}
      </div>
      ${this.sent ? this.renderConfirmation() : this.renderForm()} ${this.renderMine()}
    </section>`;
  }

  /** The employee's own suggestions with their status, and the reviewer's note on those not taken. */
  private renderMine() {
    const state = this.mine.value;
    if (state?.status === 'error') {
      return html`<p class="notice error" part="mine" role="alert">
        ${this.t.mineError} <button @click=${() => this.client?.mySuggestions.refresh()}>${this.common.retry}</button>
      </p>`;
    }
    if (!state?.data?.length) return nothing;
    return html`<section part="mine" aria-labelledby="mine-title">
      ${heading(levelOf(this.headingLevel, 2) + 1, this.t.mineTitle, 'mine-title')}
      <ul>
        ${state.data.map(
          (suggestion) =>
            html`<li>
              <span>${suggestion.url}</span> — <strong>${this.t.statuses[suggestion.status]}</strong>
              ${suggestion.status === 'rejected' && suggestion.reviewReason ? html`<p class="hint">${this.t.reason(suggestion.reviewReason)}</p>` : nothing}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderForm() {
    const topics = this.topics.value?.data ?? [];
    const errors = this.fieldErrors;
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${this.formError ? html`<p class="notice error" role="alert"><strong>${this.errorMessage(this.formError)}</strong></p>` : nothing}
      <div class="field" part="field">
        <label for="url">${this.t.urlLabel}</label>
        <input
          id="url"
          part="input"
          type="url"
          inputmode="url"
          autocomplete="url"
          required
          aria-required="true"
          aria-invalid=${errors.url ? 'true' : 'false'}
          aria-describedby=${errors.url ? 'url-error url-hint' : 'url-hint'}
          placeholder="https://"
          .value=${this.url}
          @input=${(event: Event) => (this.url = (event.target as HTMLInputElement).value)}
        />
        <p id="url-hint" class="hint">${this.t.urlHint}</p>
        ${errors.url ? html`<p id="url-error" class="field-error" part="field-error">${errors.url}</p>` : nothing}
      </div>
      <div class="field" part="field">
        <label for="note">${this.t.noteLabel}</label>
        <textarea
          id="note"
          part="input"
          rows="3"
          maxlength=${NOTE_MAX}
          aria-invalid=${errors.note ? 'true' : 'false'}
          aria-describedby=${errors.note ? 'note-error note-hint' : 'note-hint'}
          .value=${this.note}
          @input=${(event: Event) => (this.note = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p id="note-hint" class="hint">${this.t.noteHint(NOTE_MAX)}</p>
        ${errors.note ? html`<p id="note-error" class="field-error" part="field-error">${errors.note}</p>` : nothing}
      </div>
      ${
        topics.length > 0
          ? html`<fieldset
            class="chips"
            part="topics"
            aria-invalid=${errors.topics ? 'true' : 'false'}
            aria-describedby=${errors.topics ? 'topics-error' : nothing}
          >
            <legend>${this.t.topicsLabel}</legend>
            ${topics.map(
              (topic) => html`<label class="chip">
                <input type="checkbox" .checked=${this.picked.has(topic.id)} @change=${() => this.toggle(topic.id)} />
                ${localized(topic.names, this.lang_)}
              </label>`,
            )}
            ${errors.topics ? html`<p id="topics-error" class="field-error" part="field-error">${errors.topics}</p>` : nothing}
          </fieldset>`
          : nothing
      }
      <button class="primary" part="submit-button" type="submit" ?disabled=${this.submitting} aria-busy=${this.submitting ? 'true' : 'false'}>
        ${this.submitting ? this.t.submitting : this.t.submit}
      </button>
    </form>`;
  }

  private renderConfirmation() {
    return html`<div class="confirmation" part="confirmation" role="status">
      <strong>${this.t.thanksTitle}</strong>
      <p>${this.t.thanksBody}</p>
      <button @click=${this.another}>${this.t.another}</button>
    </div>`;
  }

  private toggle(topicId: string): void {
    const next = new Set(this.picked);
    if (!next.delete(topicId)) next.add(topicId);
    this.picked = next;
  }

  private readonly onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    if (!client || this.submitting) return;
    const input: SuggestionInput = { url: this.url.trim(), note: this.note.trim(), topics: [...this.picked] };
    this.formError = null;
    this.fieldErrors = validateSuggestion(input, this.t);
    if (Object.keys(this.fieldErrors).length > 0) {
      await this.focusFirstInvalid();
      return;
    }
    this.submitting = true;
    try {
      const suggestion = await client.suggest(input);
      this.sent = suggestion;
      emit(this, 'advocacy-suggest', { suggestion });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.confirmation button')?.focus();
    } catch (cause) {
      const error = asAdvocacyError(cause);
      const byField: Partial<Record<SuggestField, string>> = {};
      for (const fieldError of error.fieldErrors) {
        const field = fieldOf(fieldError.field);
        if (field && !byField[field]) byField[field] = fieldError.message;
      }
      this.fieldErrors = byField;
      if (Object.keys(byField).length > 0) {
        this.formError = null;
        await this.focusFirstInvalid();
      } else {
        this.formError = error;
        emit(this, 'advocacy-error', { source: 'suggest', error });
      }
    } finally {
      this.submitting = false;
    }
  };

  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]:is(input, textarea), fieldset[aria-invalid="true"] input')?.focus();
  }

  private readonly another = async (): Promise<void> => {
    this.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#url')?.focus();
  };

  private reset(): void {
    this.url = '';
    this.note = '';
    this.picked = new Set();
    this.fieldErrors = {};
    this.formError = null;
    this.submitting = false;
    this.sent = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-suggest': AdvocacySuggestElement;
  }
}
