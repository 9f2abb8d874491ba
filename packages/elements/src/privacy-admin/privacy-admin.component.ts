import { html, nothing } from 'lit';
import type { AsyncState, PrivacySettings } from '@advocacy-kit/core';
import { installHttpAdmin, createPrivacyAdmin, type PrivacyAdminController } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { formatNumber } from '../internal/format.js';
import * as privacyStrings from './privacy-admin.strings.js';
import { styles } from './privacy-admin.styles.js';
import { perClient } from '../internal/per-client.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

const privacyOf = perClient((client): PrivacyAdminController => createPrivacyAdmin({ backend: client.backend }));

/**
 * @tag advocacy-privacy-admin
 * @summary The program admin's privacy tools: how long raw clicks are kept (totals never change),
 * and for one person, their data export (a JSON file) and erasure (after a confirmation).
 *
 * @event advocacy-error - Loading or an action failed. `detail: { source: 'privacy-admin', error }`.
 *
 * @csspart retention - The retention form.
 * @csspart person - The form for one person's data.
 * @csspart export-button - Exports the person's data.
 * @csspart erase-button - Asks to erase the person.
 * @csspart dialog - The erasure confirmation.
 * @csspart status - What the last action did.
 *
 * @cssproperty --advocacy-color-accent - Buttons.
 * @cssproperty --advocacy-color-danger - The erase confirmation.
 * @cssproperty --advocacy-color-surface - Panel background.
 */
export class AdvocacyPrivacyAdminElement extends AdvocacyElement<(typeof privacyStrings)['en']> {
  static override styles = styles;

  static override properties = {
    notice: { state: true, attribute: false },
    daysError: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    pending: { state: true, attribute: false },
  };

  declare private notice: string;
  declare private daysError: string;
  declare private busy: boolean;
  /** The employee id waiting for the erasure confirmation. */
  declare private pending: string;

  private readonly settings = new StoreController<AsyncState<PrivacySettings>>(
    this,
    () => (this.client ? privacyOf(this.client).settings : undefined),
    (state, previous) => {
      if (state.status === 'error' && previous?.status !== 'error' && state.error)
        emit(this, 'advocacy-error', { source: 'privacy-admin', error: state.error });
    },
  );

  constructor() {
    super(privacyStrings);
    this.notice = '';
    this.daysError = '';
    this.busy = false;
    this.pending = '';
  }

  protected override render() {
    const t = this.t;
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading">${t.title}</h2></div>
      ${this.renderRetention()}
      <form part="person" aria-labelledby="person-heading" @submit=${(event: Event) => event.preventDefault()}>
        <h3 id="person-heading">${t.personHeading}</h3>
        <label>${t.personLabel}<input id="person" name="person" autocomplete="off" maxlength="200" /></label>
        <div class="actions">
          <button type="button" part="export-button" ?disabled=${this.busy} @click=${this.onExport}>${t.exportPerson}</button>
          <button type="button" part="erase-button" ?disabled=${this.busy} @click=${this.onAskErase}>${t.erase}</button>
        </div>
      </form>
      <p part="status" role="status">${this.notice}</p>
      <dialog part="dialog" aria-labelledby="erase-title" aria-describedby="erase-body" @close=${() => (this.pending = '')}>
        <h3 id="erase-title">${t.eraseTitle}</h3>
        <p id="erase-body">${this.pending ? t.eraseBody(this.pending) : nothing}</p>
        <div class="actions">
          <button type="button" @click=${() => this.dialog?.close()}>${t.cancel}</button>
          <button type="button" class="primary" @click=${this.onErase}>${t.eraseConfirm}</button>
        </div>
      </dialog>
    </section>`;
  }

  private renderRetention() {
    const t = this.t;
    const state = this.settings.value;
    if (state?.status === 'error') {
      return html`<div class="state" role="alert">
        <strong>${t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.client && privacyOf(this.client).refreshSettings()}>${this.common.retry}</button>
      </div>`;
    }
    const days = state?.data?.clickRetentionDays ?? null;
    return html`<form part="retention" aria-labelledby="retention-heading" novalidate @submit=${this.onSave}>
      <h3 id="retention-heading">${t.retentionHeading}</h3>
      <p class="now">${state?.data ? (days === null ? t.retentionKeep : t.retentionNow(formatNumber(days, this.lang_))) : this.common.loading}</p>
      <label
        >${t.retentionLabel}
        <input
          id="days"
          name="days"
          type="number"
          min="1"
          max="3650"
          step="1"
          inputmode="numeric"
          .value=${days === null ? '' : String(days)}
          aria-describedby="days-hint${this.daysError ? ' days-error' : ''}"
          aria-invalid=${this.daysError ? 'true' : 'false'}
        />
      </label>
      <p class="hint" id="days-hint">${t.retentionHint}</p>
      ${this.daysError ? html`<p class="field-error" id="days-error">${this.daysError}</p>` : nothing}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy || !state?.data}>${t.save}</button></div>
    </form>`;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private personId(): string {
    return (this.renderRoot.querySelector<HTMLInputElement>('#person')?.value ?? '').trim();
  }

  /** Runs an action, with the busy flag and a status line; failures are announced too. */
  private async act(run: () => Promise<string>): Promise<void> {
    this.busy = true;
    try {
      this.notice = await run();
    } catch (error) {
      const failure = asAdvocacyError(error);
      this.notice = `${this.t.failed} ${this.errorMessage(failure)}`;
      emit(this, 'advocacy-error', { source: 'privacy-admin', error: failure });
    } finally {
      this.busy = false;
    }
  }

  private readonly onSave = (event: SubmitEvent) => {
    event.preventDefault();
    if (!this.client) return;
    const raw = this.renderRoot.querySelector<HTMLInputElement>('#days')!.value.trim();
    const days = raw === '' ? null : Number(raw);
    if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 3650)) {
      this.daysError = this.t.invalidDays;
      return;
    }
    this.daysError = '';
    const client = this.client;
    void this.act(async () => {
      await privacyOf(client).saveRetention(days);
      return this.t.saved;
    });
  };

  private readonly onExport = () => {
    const id = this.personId();
    if (!this.client) return;
    if (!id) {
      this.notice = this.t.needId;
      return;
    }
    const client = this.client;
    void this.act(async () => {
      const data = await privacyOf(client).exportPerson(id);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `advocacy-data-${data.employee.id}-${data.exportedAt.slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      return this.t.exported(id);
    });
  };

  private readonly onAskErase = () => {
    const id = this.personId();
    if (!id) {
      this.notice = this.t.needId;
      return;
    }
    this.pending = id;
    this.dialog?.showModal();
  };

  private readonly onErase = () => {
    const id = this.pending;
    this.dialog?.close();
    if (!this.client || !id) return;
    const client = this.client;
    void this.act(async () => {
      const result = await privacyOf(client).erase(id);
      return result.alreadyErased ? this.t.alreadyErased(result.employeeId) : this.t.erased(result.employeeId);
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-privacy-admin': AdvocacyPrivacyAdminElement;
  }
}
