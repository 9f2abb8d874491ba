import { html, nothing } from 'lit';
import type { AdvocacyError, PolicyVersion } from '@advocacy-kit/core';
import { installHttpAdmin, type PolicyAdminState } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { asAdvocacyError } from '../internal/errors.js';
import * as policyAdminStrings from './policy-admin.strings.js';
import { styles } from './policy-admin.styles.js';
import { editedLocales, policyAdminOf } from './store.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

const date = (iso: string, lang: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso));

/**
 * @tag advocacy-policy-admin
 * @summary The social-media policy for program admins: the version in force, a draft of the next
 * version per locale (plain text), saving it and publishing it (every employee then accepts the new
 * version before sharing again), and the versions so far.
 *
 * @csspart form - The draft form.
 * @csspart save-button - Saves the draft.
 * @csspart publish-button - Publishes the draft.
 * @csspart status - What the last action did.
 * @csspart versions - The list of versions.
 * @csspart state - Loading and error states.
 */
export class AdvocacyPolicyAdminElement extends AdvocacyElement<(typeof policyAdminStrings)['en']> {
  static override styles = styles;

  static override properties = {
    texts: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    failure: { state: true, attribute: false },
  };

  /** The texts being edited, by locale (`null` until the admin types). */
  declare private texts: Record<string, string> | null;
  declare private notice: string;
  declare private failure: AdvocacyError | null;

  private readonly policy = new StoreController<PolicyAdminState>(this, () => (this.client ? policyAdminOf(this.client).store : undefined));

  constructor() {
    super(policyAdminStrings);
    this.texts = null;
    this.notice = '';
    this.failure = null;
  }

  protected override render() {
    const state = this.policy.value;
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading">${this.t.title}</h2></div>
      ${
        state?.status === 'error'
          ? html`<div class="state" part="state" role="alert">
            <strong>${this.t.errorTitle}</strong>
            <p>${this.errorMessage(state.error)}</p>
            <button class="primary" @click=${() => this.client && policyAdminOf(this.client).refresh()}>${this.common.retry}</button>
          </div>`
          : state?.status === 'ready' || state?.versions.length
            ? this.renderReady(state)
            : html`<p class="state" part="state" role="status">${this.common.loading}</p>`
      }
    </section>`;
  }

  private renderReady(state: PolicyAdminState) {
    const t = this.t;
    const draft = state.versions.find((version) => version.status === 'draft');
    const current = state.versions.find((version) => version.status === 'published');
    const base = draft ?? current;
    const texts = this.texts ?? { ...base?.texts };
    const next = draft?.version ?? (current?.version ?? 0) + 1;
    const errors = this.failure?.fieldErrors ?? [];
    return html`
      <p>${current ? t.current(current.version, date(current.publishedAt!, this.lang_)) : t.none}</p>
      <form part="form" @submit=${this.save}>
        <h3>${draft ? t.draftOf(next) : t.newDraft(next)}</h3>
        <p id="hint" class="hint">${t.hint}</p>
        ${editedLocales(base?.texts).map((locale) => {
          const error = errors.find((fieldError) => fieldError.field.startsWith(`texts.${locale}`) || fieldError.field === 'texts');
          return html`<div class="field">
            <label for=${`text-${locale}`}>${t.textFor(locale)}</label>
            <textarea
              id=${`text-${locale}`}
              lang=${locale}
              aria-describedby=${error ? `hint error-${locale}` : 'hint'}
              aria-invalid=${error ? 'true' : 'false'}
              .value=${texts[locale] ?? ''}
              @input=${(event: Event) => (this.texts = { ...texts, [locale]: (event.target as HTMLTextAreaElement).value })}
            ></textarea>
            ${error ? html`<p id=${`error-${locale}`} class="field-error">${error.message}</p>` : nothing}
          </div>`;
        })}
        ${this.failure && errors.length === 0 ? html`<p class="field-error" role="alert">${this.errorMessage(this.failure)}</p>` : nothing}
        <p id="publish-hint" class="hint">${t.publishHint}</p>
        <div class="actions">
          <button part="save-button" type="submit" ?disabled=${state.busy}>${t.save}</button>
          <button class="primary" part="publish-button" type="button" aria-describedby="publish-hint" ?disabled=${state.busy || !draft || this.texts !== null} @click=${this.publish}>
            ${t.publish}
          </button>
        </div>
        <p part="status" role="status">${this.notice}</p>
      </form>
      <h3>${t.history}</h3>
      <ul class="list" part="versions">
        ${state.versions.map((version: PolicyVersion) => html`<li>${version.version} · ${version.publishedAt ? t.publishedOn(date(version.publishedAt, this.lang_)) : t.draft}</li>`)}
      </ul>
    `;
  }

  private readonly save = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!this.client) return;
    const state = this.policy.value;
    const base = state?.versions[0];
    // Only the locales with text: an emptied locale is left out of the next version.
    const texts = Object.fromEntries(Object.entries(this.texts ?? { ...base?.texts }).filter(([, text]) => text.trim() !== ''));
    await this.run(async (policy) => {
      await policy.saveDraft(texts);
      this.texts = null;
      this.notice = this.t.saved;
    });
  };

  private readonly publish = (): Promise<void> =>
    this.run(async (policy) => {
      const published = await policy.publish();
      this.notice = this.t.published(published.version);
    });

  private async run(action: (policy: ReturnType<typeof policyAdminOf>) => Promise<void>): Promise<void> {
    if (!this.client) return;
    this.failure = null;
    this.notice = '';
    try {
      await action(policyAdminOf(this.client));
    } catch (error) {
      this.failure = asAdvocacyError(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-policy-admin': AdvocacyPolicyAdminElement;
  }
}
