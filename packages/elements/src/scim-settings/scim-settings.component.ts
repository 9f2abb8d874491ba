import { html, nothing } from 'lit';
import { installHttpAdmin, createScimSettings, type ScimSettingsController, type ScimSettingsState } from '@advocacy-kit/core/admin';
import type { ScimToken } from '@advocacy-kit/core';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import * as scimStrings from './scim-settings.strings.js';
import { styles } from './scim-settings.styles.js';
import { perClient } from '../internal/per-client.js';
import { AdminTime } from '../internal/admin-time.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

const controllerOf = perClient((client): ScimSettingsController => createScimSettings({ backend: client.backend }));

/**
 * @tag advocacy-scim-settings
 * @summary SCIM provisioning for program admins: the base URL to paste into Microsoft Entra ID
 * or Okta, the tokens (created, by whom, last used — never the token), creating a token (shown
 * once, to copy) and revoking one after a confirmation.
 *
 * @event advocacy-scim-token-create - A token was created. `detail: { token }` (without its secret).
 * @event advocacy-scim-token-revoke - A token was revoked. `detail: { token }`.
 * @event advocacy-error - Loading or a change failed. `detail: { source: 'scim-settings', error }`.
 *
 * @csspart base-url - The read-only SCIM base URL.
 * @csspart create-button - Creates a token.
 * @csspart new-token - The token just created, with its copy button.
 * @csspart tokens - The table of tokens.
 * @csspart revoke-button - Asks to revoke a token.
 * @csspart status - What the last change did.
 * @csspart state - Loading, error and unsupported states.
 *
 * @cssproperty --advocacy-color-accent - Buttons and the new token's frame.
 * @cssproperty --advocacy-color-danger - Errors.
 * @cssproperty --advocacy-color-surface - Panel background.
 */
export class AdvocacyScimSettingsElement extends AdvocacyElement<scimStrings.ScimSettingsStrings> {
  static override styles = styles;

  static override properties = {
    confirming: { state: true, attribute: false },
    notice: { state: true, attribute: false },
  };

  /** The id of the token whose revocation waits for confirmation. */
  declare private confirming: string | null;
  declare private notice: string;

  private readonly time = new AdminTime(this);
  private readonly state = new StoreController<ScimSettingsState>(
    this,
    () => (this.client ? controllerOf(this.client).store : undefined),
    (state, previous) => {
      if (previous && state.status === 'error' && previous.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'scim-settings', error: state.error });
      }
    },
  );

  constructor() {
    super(scimStrings);
    this.confirming = null;
    this.notice = '';
  }

  /** Loads the settings again. */
  refresh(): Promise<void> {
    return this.client ? controllerOf(this.client).refresh() : Promise.resolve();
  }

  protected override render() {
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading" tabindex="-1">${this.t.title}</h2></div>
      <p class="intro">${this.t.intro}</p>
      ${this.renderBody()}
      <p class="status" part="status" role="status">${this.notice}</p>
    </section>`;
  }

  private renderBody() {
    const state = this.state.value;
    if (state?.status === 'error' && !state.settings) {
      const unsupported = state.error?.code === 'not_found';
      return html`<div class="state" part="state" role="alert">
        <strong>${unsupported ? this.t.unsupported : this.t.errorTitle}</strong>
        ${
          unsupported
            ? nothing
            : html`<p>${this.errorMessage(state.error)}</p>
              <button class="primary" @click=${() => this.refresh()}>${this.common.retry}</button>`
        }
      </div>`;
    }
    const settings = state?.settings;
    if (!state || !settings) {
      return html`<div class="state" part="state" aria-busy="true" aria-label=${this.common.loading}>
        <span class="skeleton"></span><span class="skeleton"></span>
      </div>`;
    }
    const t = this.t;
    return html`<div class="field">
        <label for="base-url">${t.baseUrlLabel}</label>
        <div class="copy-row">
          <input id="base-url" part="base-url" readonly .value=${settings.baseUrl} aria-describedby="base-url-hint" />
          <button aria-label=${t.copyLabel(t.baseUrlLabel)} @click=${() => this.copy('base-url')}>${t.copy}</button>
        </div>
        <p id="base-url-hint" class="hint">${t.baseUrlHint}</p>
      </div>
      <p class="hint">${t.employeeId(settings.employeeId, settings.subjectClaim)}</p>
      ${settings.envToken ? html`<p class="hint">${t.envToken}</p>` : nothing}
      ${state.created ? this.renderCreated(state.created.token) : nothing}
      <h3>${t.tokensTitle}</h3>
      ${
        settings.tokens.length === 0
          ? html`<p>${t.none}</p>`
          : html`<table part="tokens">
            <thead>
              <tr>
                <th scope="col">${t.created}</th>
                <th scope="col">${t.createdBy}</th>
                <th scope="col">${t.lastUsed}</th>
                <th scope="col">${t.actions}</th>
              </tr>
            </thead>
            <tbody>
              ${settings.tokens.map((token) => this.renderToken(token, state))}
            </tbody>
          </table>`
      }
      <p class="hint">${t.rotateHint}</p>
      ${state.actionError ? html`<p class="field-error" role="alert">${this.actionMessage(state)}</p>` : nothing}
      <div>
        <button class="primary" part="create-button" ?disabled=${state.busy !== null} @click=${() => this.create()}>
          ${state.busy === 'create' ? t.creating : t.create}
        </button>
      </div>`;
  }

  private renderCreated(token: string) {
    const t = this.t;
    return html`<div class="new-token" part="new-token">
      <h3 id="new-token-title" tabindex="-1">${t.newTokenTitle}</h3>
      <p id="new-token-warning">${t.newTokenWarning}</p>
      <label for="new-token">${t.newTokenLabel}</label>
      <div class="copy-row">
        <input id="new-token" readonly .value=${token} aria-describedby="new-token-warning" />
        <button aria-label=${t.copyLabel(t.newTokenLabel)} @click=${() => this.copy('new-token')}>${t.copy}</button>
      </div>
      <div><button @click=${() => this.dismiss()}>${t.done}</button></div>
    </div>`;
  }

  private renderToken(token: ScimToken, state: ScimSettingsState) {
    const t = this.t;
    const created = this.when(token.createdAt);
    const confirming = this.confirming === token.id;
    return html`<tr>
      <td>${created}</td>
      <td>${token.createdBy}</td>
      <td>${token.lastUsedAt ? this.when(token.lastUsedAt) : t.never}</td>
      <td>
        ${
          confirming
            ? html`<div class="confirm" role="group" aria-label=${t.revokeLabel(created)}>
              <span>${t.confirmRevoke}</span>
              <button class="primary" id="confirm-${token.id}" ?disabled=${state.busy !== null} @click=${() => this.revoke(token)}>${t.confirm}</button>
              <button @click=${() => this.cancelRevoke(token.id)}>${t.cancel}</button>
            </div>`
            : html`<button part="revoke-button" id="revoke-${token.id}" aria-label=${t.revokeLabel(created)} ?disabled=${state.busy !== null} @click=${() => this.askRevoke(token.id)}>
              ${t.revoke}
            </button>`
        }
      </td>
    </tr>`;
  }

  private when(iso: string): string {
    return this.time.format(iso, this.lang_, true);
  }

  private actionMessage(state: ScimSettingsState): string {
    if (state.actionError?.code === 'conflict') return this.t.tooMany;
    if (state.actionError?.code === 'not_found' && !state.settings) return this.t.unsupported;
    return this.errorMessage(state.actionError);
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async copy(id: 'base-url' | 'new-token'): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) return;
    try {
      await navigator.clipboard.writeText(input.value);
      this.notice = this.t.copied;
    } catch {
      input.focus();
      input.select();
      this.notice = this.t.copyByHand;
    }
  }

  private async create(): Promise<void> {
    if (!this.client) return;
    this.notice = '';
    try {
      const { token: _secret, ...token } = await controllerOf(this.client).create();
      this.dispatchEvent(new CustomEvent('advocacy-scim-token-create', { detail: { token }, bubbles: true, composed: true }));
      await this.focusOn('#new-token-title');
    } catch (cause) {
      emit(this, 'advocacy-error', { source: 'scim-settings', error: this.state.value?.actionError ?? asAdvocacyError(cause) });
    }
  }

  private dismiss(): void {
    if (!this.client) return;
    controllerOf(this.client).dismissCreated();
    void this.focusOn('[part="create-button"]');
  }

  private askRevoke(id: string): void {
    this.confirming = id;
    void this.focusOn(`#confirm-${CSS.escape(id)}`);
  }

  private cancelRevoke(id: string): void {
    this.confirming = null;
    void this.focusOn(`#revoke-${CSS.escape(id)}`);
  }

  private async revoke(token: ScimToken): Promise<void> {
    if (!this.client) return;
    try {
      await controllerOf(this.client).revoke(token.id);
      this.confirming = null;
      this.notice = this.t.revoked;
      this.dispatchEvent(new CustomEvent('advocacy-scim-token-revoke', { detail: { token }, bubbles: true, composed: true }));
      await this.focusOn('h2');
    } catch (cause) {
      this.confirming = null;
      emit(this, 'advocacy-error', { source: 'scim-settings', error: this.state.value?.actionError ?? asAdvocacyError(cause) });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-scim-settings': AdvocacyScimSettingsElement;
  }
}
