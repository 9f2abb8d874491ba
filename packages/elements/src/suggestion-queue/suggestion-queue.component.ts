import { html, nothing } from 'lit';
import type { AdminSuggestion, AsyncState, Suggestion, Topic } from '@advocacy-kit/core';
import { installHttpAdmin, type SuggestionQueueState } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import * as adminEn from '../i18n/admin-en.js';
import * as adminJa from '../i18n/admin-ja.js';
import type { AdminStrings } from '../i18n/index.js';
import { StoreController } from '../internal/store-controller.js';
import { adminOf } from '../internal/admin.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { relativeTime } from '../internal/format.js';
import { topicName } from '../internal/topics.js';
import { tagFor } from '../internal/define.js';
import type { AdvocacyPostEditorElement } from '../post-editor/post-editor.component.js';
import { styles } from './suggestion-queue.styles.js';
import { linkable } from '../internal/url.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

type Strings = Pick<AdminStrings, 'adminCommon' | 'suggestionQueue'>;

const strings = {
  en: { adminCommon: adminEn.adminCommon, suggestionQueue: adminEn.suggestionQueue },
  ja: { adminCommon: adminJa.adminCommon, suggestionQueue: adminJa.suggestionQueue },
};

/**
 * @tag advocacy-suggestion-queue
 * @summary The employees' pending link suggestions, each with who sent it, the note, topics and
 * the link. Approve opens the post editor prefilled from the suggestion (saving it approves the
 * suggestion as that post); Reject asks for a reason, which the employee sees.
 *
 * @event advocacy-suggestion-approve - Approve was pressed. `detail: { suggestion, prefill }`. Call `preventDefault()` to open your own editor instead of the built-in dialog.
 * @event advocacy-suggestion-review - A suggestion was approved or rejected. `detail: { suggestion }`.
 * @event advocacy-error - Loading or a review failed. `detail: { source: 'suggestion-queue', error }`.
 *
 * @csspart list - The list of suggestions.
 * @csspart item - One suggestion.
 * @csspart approve-button - Opens the editor for a suggestion.
 * @csspart reject-button - Rejects a suggestion with the reason typed beside it.
 * @csspart dialog - The dialog holding the post editor.
 * @csspart status - What the last review did.
 * @csspart state - Loading, empty and error states.
 *
 * @cssproperty --advocacy-color-accent - Buttons.
 * @cssproperty --advocacy-color-danger - Errors.
 * @cssproperty --advocacy-color-surface - Panel background.
 */
export class AdvocacySuggestionQueueElement extends AdvocacyElement<Strings> {
  static override styles = styles;

  static override properties = {
    reasons: { state: true, attribute: false },
    reasonErrors: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    approving: { state: true, attribute: false },
  };

  declare private reasons: Readonly<Record<string, string>>;
  /** Reasons left empty, by suggestion id (the backend's own errors are in the store). */
  declare private reasonErrors: Readonly<Record<string, string>>;
  declare private notice: string;
  declare private approving: Suggestion | null;

  private readonly topics = new StoreController<AsyncState<Topic[]>>(this, () => this.client?.topics.store);
  private readonly queue = new StoreController<SuggestionQueueState>(
    this,
    () => (this.client ? adminOf(this.client).suggestions.store : undefined),
    (state, previous) => {
      if (previous && state.status === 'error' && previous.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'suggestion-queue', error: state.error });
      }
    },
  );
  private readonly editor = document.createElement(tagFor('post-editor')) as AdvocacyPostEditorElement;
  private invoker: HTMLElement | null = null;

  constructor() {
    super(strings);
    this.reasons = {};
    this.reasonErrors = {};
    this.notice = '';
    this.approving = null;
    this.editor.addEventListener('advocacy-post-save', (event) => {
      const suggestion = event.detail.suggestion;
      if (!suggestion) return;
      this.closeEditor();
      this.reviewed(suggestion, this.t.suggestionQueue.approvedNotice(suggestion.url));
    });
  }

  /** Loads the pending suggestions again. */
  refresh(): Promise<void> {
    return this.client ? adminOf(this.client).suggestions.refresh() : Promise.resolve();
  }

  protected override render() {
    this.editor.client = this.client;
    if (this.theme) this.editor.setAttribute('theme', this.theme);
    else this.editor.removeAttribute('theme');
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading" tabindex="-1">${this.t.suggestionQueue.title}</h2></div>
      <p class="status" part="status" role="status">${this.notice}</p>
      ${this.renderBody()}
      <dialog part="dialog" aria-label=${this.t.suggestionQueue.dialogLabel} @close=${this.onDialogClose} @cancel=${() => (this.approving = null)}>
        ${this.approving ? this.editor : nothing}
        <form method="dialog" class="dialog-close"><button>${this.t.suggestionQueue.cancel}</button></form>
      </dialog>
    </section>`;
  }

  private renderBody() {
    const state = this.queue.value;
    const items = state && (state.status === 'ready' || state.status === 'empty' || state.items.length > 0) ? state.items : undefined;
    if (state?.status === 'error' && !items) {
      return html`<div class="state" part="state" role="alert">
        <strong>${this.t.suggestionQueue.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    if (!items) {
      return html`<ul class="list" part="state" aria-busy="true" aria-label=${this.common.loading}>
        ${[0, 1, 2].map(() => html`<li class="item" aria-hidden="true"><span class="skeleton"></span><span class="skeleton short"></span></li>`)}
      </ul>`;
    }
    if (items.length === 0) return html`<div class="state" part="state"><p>${this.t.suggestionQueue.empty}</p></div>`;
    return html`<ul class="list" part="list">
      ${items.map((suggestion) => this.renderItem(suggestion))}
    </ul>`;
  }

  private renderItem(suggestion: AdminSuggestion) {
    const t = this.t.suggestionQueue;
    const names = suggestion.topics.map((id) => topicName(this.topics.value?.data, id, this.lang_));
    const id = suggestion.id;
    const failure = this.queue.value?.errors[id];
    const error =
      this.reasonErrors[id] ??
      (failure && (failure.fieldErrors.find((fieldError) => fieldError.field === 'reason')?.message ?? this.errorMessage(failure)));
    const busy = Boolean(this.queue.value?.busy[id]);
    return html`<li class="item" part="item">
      ${
        linkable(suggestion.url)
          ? html`<a class="link" href=${suggestion.url} target="_blank" rel="noopener noreferrer">${suggestion.url}</a>`
          : html`<span class="link">${suggestion.url}</span>`
      }
      <p class="meta">${t.from(suggestion.employeeName)} · ${t.submitted(relativeTime(suggestion.createdAt, this.lang_))}</p>
      ${suggestion.note ? html`<p class="note">${suggestion.note}</p>` : nothing}
      ${names.length > 0 ? html`<ul class="tags">${names.map((name) => html`<li>${name}</li>`)}</ul>` : nothing}
      <div class="actions">
        <button class="primary" part="approve-button" aria-label=${t.approveLink(suggestion.url)} ?disabled=${busy} @click=${(event: Event) => this.approve(suggestion, event.currentTarget as HTMLElement)}>
          ${t.approve}
        </button>
      </div>
      <div class="actions rejection">
        <div class="field reason">
          <label for="reason-${id}">${t.reasonLabel}</label>
          <input
            id="reason-${id}"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `reason-${id}-error reason-${id}-hint` : `reason-${id}-hint`}
            .value=${this.reasons[id] ?? ''}
            @input=${(event: Event) => (this.reasons = { ...this.reasons, [id]: (event.target as HTMLInputElement).value })}
            @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && this.reject(suggestion)}
          />
          <p id="reason-${id}-hint" class="hint">${t.reasonHint}</p>
          ${error ? html`<p id="reason-${id}-error" class="field-error">${error}</p>` : nothing}
        </div>
        <button part="reject-button" aria-label=${t.rejectLink(suggestion.url)} ?disabled=${busy} @click=${() => this.reject(suggestion)}>${t.reject}</button>
      </div>
    </li>`;
  }

  private async approve(suggestion: Suggestion, invoker: HTMLElement): Promise<void> {
    const prefill = { url: suggestion.url, summary: suggestion.note, topics: [...suggestion.topics] };
    const event = new CustomEvent('advocacy-suggestion-approve', {
      detail: { suggestion, prefill },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (!this.dispatchEvent(event)) return;
    this.invoker = invoker;
    this.editor.suggestion = suggestion;
    this.editor.prefill = prefill;
    this.approving = suggestion;
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')!.showModal();
    await this.editor.updateComplete;
    this.editor.shadowRoot?.querySelector<HTMLElement>('#title')?.focus();
  }

  private closeEditor(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private readonly onDialogClose = (): void => {
    this.approving = null;
    this.invoker?.focus();
    this.invoker = null;
  };

  private async reject(suggestion: Suggestion): Promise<void> {
    const client = this.client;
    const reason = (this.reasons[suggestion.id] ?? '').trim();
    if (!client || this.queue.value?.busy[suggestion.id]) return;
    const { [suggestion.id]: _error, ...others } = this.reasonErrors;
    this.reasonErrors = others;
    if (!reason) {
      this.reasonErrors = { ...this.reasonErrors, [suggestion.id]: this.t.suggestionQueue.reasonRequired };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#reason-${CSS.escape(suggestion.id)}`)?.focus();
      return;
    }
    try {
      const rejected = await adminOf(client).suggestions.reject(suggestion.id, reason);
      this.reviewed(rejected, this.t.suggestionQueue.rejectedNotice(suggestion.url));
    } catch (cause) {
      emit(this, 'advocacy-error', { source: 'suggestion-queue', error: asAdvocacyError(cause) });
    }
  }

  private reviewed(suggestion: Suggestion, notice: string): void {
    const { [suggestion.id]: _reason, ...reasons } = this.reasons;
    const { [suggestion.id]: _error, ...reasonErrors } = this.reasonErrors;
    this.reasons = reasons;
    this.reasonErrors = reasonErrors;
    this.notice = notice;
    emit(this, 'advocacy-suggestion-review', { suggestion });
    // The queue's store has dropped the suggestion already (and reloads itself).
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-suggestion-queue': AdvocacySuggestionQueueElement;
  }
}
