import { html, nothing } from 'lit';
import {
  createDeliverySettings,
  installHttpAdmin,
  type DeliverySettingsController,
  type DeliverySettingsState,
} from '@advocacy-kit/core/admin';
import type { DeliveryChannel, DeliveryMessage, DeliverySettings, DeliverySettingsInput } from '@advocacy-kit/core';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import * as deliveryStrings from './delivery-settings.strings.js';
import { styles } from './delivery-settings.styles.js';
import { perClient } from '../internal/per-client.js';
import { AdminTime } from '../internal/admin-time.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

const CHANNELS: readonly DeliveryChannel[] = ['email', 'teams', 'slack'];
const KINDS = ['digest', 'nudge', 'invitation'] as const;

const controllerOf = perClient((client): DeliverySettingsController => createDeliverySettings({ backend: client.backend }));

/**
 * @tag advocacy-delivery-settings
 * @summary Delivery settings for program admins: the SMTP server (the password write-only:
 * never shown, kept when left empty), the Teams and Slack workflow URLs, which kinds of message
 * go to which channel, a test message, and the delivery log with attempts and errors.
 *
 * @event advocacy-delivery-save - The settings were saved. `detail: { settings }` (never a password).
 * @event advocacy-delivery-test - A test message was sent. `detail: { message }` (delivered, or pending with its error).
 * @event advocacy-error - Loading or a change failed. `detail: { source: 'delivery-settings', error }`.
 *
 * @csspart form - The settings form.
 * @csspart save-button - Saves the settings.
 * @csspart test-button - Sends a test message.
 * @csspart log - The table of the delivery log.
 * @csspart status - What the last change did.
 * @csspart state - Loading, error and unsupported states.
 *
 * @cssproperty --advocacy-color-accent - Buttons.
 * @cssproperty --advocacy-color-danger - Errors.
 * @cssproperty --advocacy-color-surface - Panel background.
 */
export class AdvocacyDeliverySettingsElement extends AdvocacyElement<deliveryStrings.DeliverySettingsStrings> {
  static override styles = styles;

  static override properties = {
    notice: { state: true, attribute: false },
  };

  declare private notice: string;

  private readonly time = new AdminTime(this);
  private readonly state = new StoreController<DeliverySettingsState>(
    this,
    () => (this.client ? controllerOf(this.client).store : undefined),
    (state, previous) => {
      if (previous && state.status === 'error' && previous.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'delivery-settings', error: state.error });
      }
    },
  );

  constructor() {
    super(deliveryStrings);
    this.notice = '';
  }

  /** Loads the settings and the log again. */
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
    return html`${this.renderForm(settings, state)} ${this.renderTest(state)} ${this.renderLog(state.messages)}`;
  }

  /** The field error of `field` from the last save, if any. */
  private fieldError(state: DeliverySettingsState, field: string): string | null {
    if (state.busy !== null || !state.actionError) return null;
    return state.actionError.fieldErrors.find((error) => error.field === field || error.field.startsWith(`${field}.`))?.message ?? null;
  }

  private input(state: DeliverySettingsState, name: string, label: string, value: string, options: { type?: string; hint?: string } = {}) {
    const error = this.fieldError(state, name);
    const described = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input
        id=${name}
        name=${name}
        type=${options.type ?? 'text'}
        .value=${value}
        autocomplete="off"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
      />
      ${options.hint ? html`<p id="${name}-hint" class="hint">${options.hint}</p>` : nothing}
      ${error ? html`<p id="${name}-error" class="field-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderForm(settings: DeliverySettings, state: DeliverySettingsState) {
    const t = this.t;
    return html`<form part="form" @submit=${(event: SubmitEvent) => this.save(event)}>
      <fieldset>
        <legend>${t.smtpTitle}</legend>
        ${this.input(state, 'smtpHost', t.host, settings.smtpHost ?? '', { hint: t.hostHint })}
        <div class="row">
          ${this.input(state, 'smtpPort', t.port, String(settings.smtpPort), { type: 'number' })}
          <div class="field">
            <label for="smtpSecurity">${t.security}</label>
            <select id="smtpSecurity" name="smtpSecurity">
              ${(['starttls', 'tls', 'none'] as const).map(
                (value) => html`<option value=${value} ?selected=${settings.smtpSecurity === value}>${t.securityOptions[value]}</option>`,
              )}
            </select>
          </div>
        </div>
        ${this.input(state, 'smtpUser', t.user, settings.smtpUser ?? '')}
        ${this.input(state, 'smtpPassword', t.password, '', {
          type: 'password',
          hint: settings.smtpPasswordSet ? t.passwordStored : t.passwordNone,
        })}
        ${
          settings.smtpPasswordSet
            ? html`<label class="check"><input type="checkbox" name="removePassword" /> ${t.removePassword}</label>`
            : nothing
        }
        ${this.input(state, 'fromAddress', t.from, settings.fromAddress ?? '', { type: 'email' })}
        ${this.input(state, 'replyTo', t.replyTo, settings.replyTo ?? '', { type: 'email' })}
      </fieldset>
      <fieldset>
        <legend>${t.chatTitle}</legend>
        ${this.input(state, 'teamsUrl', t.teamsUrl, settings.teamsUrl ?? '', { type: 'url', hint: t.chatHint })}
        ${this.input(state, 'slackUrl', t.slackUrl, settings.slackUrl ?? '', { type: 'url' })}
      </fieldset>
      <fieldset>
        <legend>${t.routesTitle}</legend>
        <table class="routes">
          <thead>
            <tr>
              <td></td>
              ${CHANNELS.map((channel) => html`<th scope="col">${t.channels[channel]}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${KINDS.map(
              (kind) =>
                html`<tr>
                  <th scope="row">${t.kinds[kind]}</th>
                  ${CHANNELS.map(
                    (channel) =>
                      html`<td>
                        <input
                          type="checkbox"
                          name="route-${kind}-${channel}"
                          aria-label="${t.kinds[kind]}: ${t.channels[channel]}"
                          .checked=${settings.routes[kind].includes(channel)}
                        />
                      </td>`,
                  )}
                </tr>`,
            )}
          </tbody>
        </table>
      </fieldset>
      ${
        state.actionError && state.busy === null && state.actionError.fieldErrors.length === 0
          ? html`<p class="field-error" role="alert">${this.errorMessage(state.actionError)}</p>`
          : nothing
      }
      <div>
        <button class="primary" part="save-button" type="submit" ?disabled=${state.busy !== null}>
          ${state.busy === 'save' ? t.saving : t.save}
        </button>
      </div>
    </form>`;
  }

  private renderTest(state: DeliverySettingsState) {
    const t = this.t;
    const last = state.lastTest;
    return html`<form class="test" @submit=${(event: SubmitEvent) => this.sendTest(event)}>
      <h3>${t.testTitle}</h3>
      <div class="row">
        <div class="field">
          <label for="testChannel">${t.testChannel}</label>
          <select id="testChannel" name="channel">
            ${CHANNELS.map((channel) => html`<option value=${channel}>${t.channels[channel]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="testTo">${t.testTo}</label>
          <input id="testTo" name="to" type="email" autocomplete="email" aria-describedby="testTo-hint" />
          <p id="testTo-hint" class="hint">${t.testToHint}</p>
        </div>
      </div>
      <div>
        <button part="test-button" type="submit" ?disabled=${state.busy !== null}>${state.busy === 'test' ? t.sending : t.sendTest}</button>
      </div>
      ${last ? html`<p class=${last.status === 'delivered' ? 'ok' : 'field-error'}>${this.testOutcome(last)}</p>` : nothing}
    </form>`;
  }

  private testOutcome(message: DeliveryMessage): string {
    return message.status === 'delivered' ? this.t.testDelivered : this.t.testFailed(message.error ?? message.status);
  }

  private renderLog(messages: DeliveryMessage[]) {
    const t = this.t;
    const columns = t.logColumns;
    return html`<h3>${t.logTitle}</h3>
      ${
        messages.length === 0
          ? html`<p>${t.logEmpty}</p>`
          : html`<div class="scroll">
            <table part="log">
              <thead>
                <tr>
                  ${[columns.when, columns.kind, columns.channel, columns.recipient, columns.status, columns.attempts, columns.error].map(
                    (column) => html`<th scope="col">${column}</th>`,
                  )}
                </tr>
              </thead>
              <tbody>
                ${messages.map(
                  (message) =>
                    html`<tr>
                      <td>${this.when(message.createdAt)}</td>
                      <td>${t.kindNames[message.kind]}</td>
                      <td>${t.channels[message.channel]}</td>
                      <td>${message.recipient ?? message.employeeId ?? ''}</td>
                      <td class="status-${message.status}">${t.statuses[message.status]}</td>
                      <td>${message.attempts}</td>
                      <td>${message.error ?? ''}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
      }`;
  }

  private when(iso: string): string {
    return this.time.format(iso, this.lang_, true);
  }

  /** The change the form asks for: text fields (empty is null), the password only when typed or removed, the routes. */
  private inputFrom(form: HTMLFormElement): DeliverySettingsInput {
    const data = new FormData(form);
    const text = (name: string) => {
      const value = String(data.get(name) ?? '').trim();
      return value === '' ? null : value;
    };
    const password = String(data.get('smtpPassword') ?? '');
    const routes = Object.fromEntries(
      KINDS.map((kind) => [kind, CHANNELS.filter((channel) => data.get(`route-${kind}-${channel}`) !== null)]),
    );
    return {
      smtpHost: text('smtpHost'),
      smtpPort: Number(data.get('smtpPort')),
      smtpSecurity: String(data.get('smtpSecurity')) as DeliverySettings['smtpSecurity'],
      smtpUser: text('smtpUser'),
      ...(data.get('removePassword') !== null ? { smtpPassword: null } : password !== '' ? { smtpPassword: password } : {}),
      fromAddress: text('fromAddress'),
      replyTo: text('replyTo'),
      teamsUrl: text('teamsUrl'),
      slackUrl: text('slackUrl'),
      routes: routes as DeliverySettings['routes'],
    };
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.client) return;
    const form = event.currentTarget as HTMLFormElement;
    this.notice = '';
    try {
      const settings = await controllerOf(this.client).save(this.inputFrom(form));
      const password = form.querySelector<HTMLInputElement>('#smtpPassword');
      if (password) password.value = '';
      this.notice = this.t.saved;
      this.dispatchEvent(new CustomEvent('advocacy-delivery-save', { detail: { settings }, bubbles: true, composed: true }));
    } catch (cause) {
      const error = this.state.value?.actionError ?? asAdvocacyError(cause);
      emit(this, 'advocacy-error', { source: 'delivery-settings', error });
      await this.updateComplete;
      const field = error.fieldErrors[0]?.field.split('.')[0];
      if (field) this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(field)}`)?.focus();
    }
  }

  private async sendTest(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.client) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const channel = String(data.get('channel')) as DeliveryChannel;
    const to = String(data.get('to') ?? '').trim();
    this.notice = '';
    try {
      const message = await controllerOf(this.client).sendTest({ channel, ...(channel === 'email' && to !== '' ? { to } : {}) });
      this.notice = this.testOutcome(message);
      this.dispatchEvent(new CustomEvent('advocacy-delivery-test', { detail: { message }, bubbles: true, composed: true }));
    } catch (cause) {
      const error = this.state.value?.actionError ?? asAdvocacyError(cause);
      this.notice = error.code === 'conflict' ? this.t.notConfigured : this.errorMessage(error);
      emit(this, 'advocacy-error', { source: 'delivery-settings', error });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-delivery-settings': AdvocacyDeliverySettingsElement;
  }
}
