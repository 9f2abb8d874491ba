import { html, nothing } from 'lit';
import type { AdvocacyError, BlockedTerm } from '@advocacy-kit/core';
import { installHttpAdmin, type PolicyAdminState } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { asAdvocacyError } from '../internal/errors.js';
import { editedLocales, policyAdminOf } from '../policy-admin/store.js';
import * as complianceAdminStrings from './compliance-admin.strings.js';
import { styles } from './compliance-admin.styles.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

/**
 * @tag advocacy-compliance-admin
 * @summary Compliance for program admins: the blocked words and phrases (per language, each with
 * the reason the employee sees) and the disclosure added to every shared text, per locale.
 *
 * @csspart terms - The list of blocked terms.
 * @csspart term-form - The form that blocks a term.
 * @csspart disclosure-form - The disclosures form.
 * @csspart status - What the last action did.
 * @csspart state - Loading and error states.
 */
export class AdvocacyComplianceAdminElement extends AdvocacyElement<(typeof complianceAdminStrings)['en']> {
  static override styles = styles;

  static override properties = {
    notice: { state: true, attribute: false },
    termFailure: { state: true, attribute: false },
    disclosureFailure: { state: true, attribute: false },
  };

  declare private notice: string;
  declare private termFailure: AdvocacyError | null;
  declare private disclosureFailure: AdvocacyError | null;

  private readonly policy = new StoreController<PolicyAdminState>(this, () => (this.client ? policyAdminOf(this.client).store : undefined));

  constructor() {
    super(complianceAdminStrings);
    this.notice = '';
    this.termFailure = null;
    this.disclosureFailure = null;
  }

  protected override render() {
    const state = this.policy.value;
    const rules = state?.compliance;
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading">${this.t.title}</h2></div>
      <p part="status" role="status">${this.notice}</p>
      ${
        state?.status === 'error'
          ? html`<div class="state" part="state" role="alert">
            <strong>${this.t.errorTitle}</strong>
            <p>${this.errorMessage(state.error)}</p>
            <button class="primary" @click=${() => this.client && policyAdminOf(this.client).refresh()}>${this.common.retry}</button>
          </div>`
          : rules
            ? html`${this.renderTerms(rules.blockedTerms, state.busy)} ${this.renderDisclosures(rules.disclosures, state.busy)}`
            : html`<p class="state" part="state" role="status">${this.common.loading}</p>`
      }
    </section>`;
  }

  private renderTerms(terms: BlockedTerm[], busy: boolean) {
    const t = this.t;
    const error = (field: string) => this.termFailure?.fieldErrors.find((fieldError) => fieldError.field === field)?.message;
    const field = (name: 'term' | 'reason', label: string) => html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} required aria-invalid=${error(name) ? 'true' : 'false'} aria-describedby=${`${name}-error`} />
      <p id=${`${name}-error`} class="field-error">${error(name) ?? ''}</p>
    </div>`;
    return html`<h3>${t.termsTitle}</h3>
      <p class="hint">${t.termsHint}</p>
      ${
        terms.length === 0
          ? html`<p>${t.noTerms}</p>`
          : html`<ul class="list" part="terms">
            ${terms.map(
              (term) => html`<li class="term">
                <span><strong lang=${term.locale}>${term.term}</strong> (${term.locale}) — ${term.reason}</span>
                <button ?disabled=${busy} aria-label=${t.remove(term.term)} @click=${() => this.unblock(term)}>×</button>
              </li>`,
            )}
          </ul>`
      }
      <form part="term-form" @submit=${this.add} novalidate>
        <div class="field">
          <label for="locale">${t.locale}</label>
          <select id="locale" name="locale">
            ${['en', 'ja'].map((locale) => html`<option value=${locale} ?selected=${this.lang_.startsWith(locale)}>${locale}</option>`)}
          </select>
        </div>
        ${field('term', t.term)} ${field('reason', t.reason)}
        ${this.termFailure && !this.termFailure.fieldErrors.length ? html`<p class="field-error" role="alert">${this.errorMessage(this.termFailure)}</p>` : nothing}
        <div class="actions"><button class="primary" type="submit" ?disabled=${busy}>${t.add}</button></div>
      </form>`;
  }

  private renderDisclosures(disclosures: Record<string, string>, busy: boolean) {
    const t = this.t;
    return html`<h3>${t.disclosureTitle}</h3>
      <form part="disclosure-form" @submit=${this.saveDisclosures} novalidate>
        <p id="disclosure-hint" class="hint">${t.disclosureHint}</p>
        ${editedLocales(disclosures).map(
          (locale) => html`<div class="field">
            <label for=${`disclosure-${locale}`}>${t.disclosureFor(locale)}</label>
            <input id=${`disclosure-${locale}`} name=${locale} lang=${locale} maxlength="100" aria-describedby="disclosure-hint" .value=${disclosures[locale] ?? ''} />
          </div>`,
        )}
        ${this.disclosureFailure ? html`<p class="field-error" role="alert">${this.errorMessage(this.disclosureFailure)}</p>` : nothing}
        <div class="actions"><button class="primary" type="submit" ?disabled=${busy}>${t.saveDisclosure}</button></div>
      </form>`;
  }

  private readonly add = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = Object.fromEntries(new FormData(form)) as { locale: string; term: string; reason: string };
    this.termFailure = null;
    try {
      const term = await this.store().addTerm(data);
      form.reset();
      this.notice = this.t.added(term.term);
    } catch (error) {
      this.termFailure = asAdvocacyError(error);
      this.notice = '';
    }
  };

  private async unblock(term: BlockedTerm): Promise<void> {
    try {
      await this.store().removeTerm(term.id);
      this.notice = this.t.removed(term.term);
    } catch (error) {
      this.termFailure = asAdvocacyError(error);
    }
  }

  private readonly saveDisclosures = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.target as HTMLFormElement)) as Record<string, string>;
    this.disclosureFailure = null;
    try {
      await this.store().setDisclosures(data);
      this.notice = this.t.disclosureSaved;
    } catch (error) {
      this.disclosureFailure = asAdvocacyError(error);
      this.notice = '';
    }
  };

  private store() {
    return policyAdminOf(this.client!);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-compliance-admin': AdvocacyComplianceAdminElement;
  }
}
