import { html, nothing } from 'lit';
import type { NetworkId, PointRules, PointRulesVersion, PointRulesVersionList } from '@advocacy-kit/core';
import { NETWORK_IDS } from '@advocacy-kit/core';
import {
  createPointRulesAdmin,
  installHttpAdmin,
  type PointRulesAdminController,
  type PointRulesAdminState,
} from '@advocacy-kit/core/admin';
import { sharePoints, type PointsRules } from '@advocacy-kit/core/rules';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { formatNumber } from '../internal/format.js';
import { perClient } from '../internal/per-client.js';
import { fromLocalInput, toLocalInput } from '../internal/zoned-time.js';
import * as pointRulesStrings from './point-rules-admin.strings.js';
import { styles } from './point-rules-admin.styles.js';
import { AdminTime } from '../internal/admin-time.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

const controllerOf = perClient((client): PointRulesAdminController => createPointRulesAdmin({ backend: client.backend }));

type PointKey = keyof PointsRules;
const POINT_KEYS: readonly PointKey[] = ['share', 'click', 'clickDailyCapPerPost', 'conversion', 'suggestion'];
type Full = PointRulesVersionList['effective'];

/** The defaults with a version's values over them: what the form shows for that version. */
const withVersion = (defaults: Full, rules: PointRules): Full => ({
  points: { ...defaults.points, ...rules.points } as Full['points'],
  networkWeights: { ...defaults.networkWeights, ...rules.networkWeights } as Full['networkWeights'],
});

/**
 * @tag advocacy-point-rules-admin
 * @summary The point rules as admin settings: the values in effect, a form for a new version (points
 * per contribution, share weight per network, the daily click cap, an effective time in the
 * admin's zone and a note), and the versions — current, scheduled (editable, deletable) and past.
 *
 * @event advocacy-error - Loading or a change failed. `detail: { source: 'point-rules-admin', error }`.
 *
 * @csspart summary - The values in effect now.
 * @csspart form - The version form.
 * @csspart history - The table of versions.
 * @csspart status - What the last change did.
 * @csspart state - Loading and error states.
 *
 * @cssproperty --advocacy-color-accent - Buttons.
 * @cssproperty --advocacy-color-danger - Errors.
 * @cssproperty --advocacy-color-surface - Panel background.
 */
export class AdvocacyPointRulesAdminElement extends AdvocacyElement<pointRulesStrings.PointRulesAdminStrings> {
  static override styles = styles;

  static override properties = {
    editing: { state: true, attribute: false },
    draft: { state: true, attribute: false },
    notice: { state: true, attribute: false },
  };

  /** The scheduled version being edited, or null for a new one. */
  declare private editing: PointRulesVersion | null;
  /** The values the form shows (null: those in effect). */
  declare private draft: Full | null;
  declare private notice: string;

  private readonly state = new StoreController<PointRulesAdminState>(
    this,
    () => (this.client ? controllerOf(this.client).store : undefined),
    (state, previous) => {
      if (previous && state.status === 'error' && previous.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'point-rules-admin', error: state.error });
      }
    },
  );

  constructor() {
    super(pointRulesStrings);
    this.editing = null;
    this.draft = null;
    this.notice = '';
  }

  /** Loads the versions again. */
  refresh(): Promise<void> {
    return this.client ? controllerOf(this.client).refresh() : Promise.resolve();
  }

  private readonly time = new AdminTime(this);

  private get timeZone(): string {
    return this.time.zone;
  }

  private when(iso: string): string {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone: this.timeZone,
    };
    return new Intl.DateTimeFormat(this.lang_, options).format(new Date(iso));
  }

  private networkLabel(network: NetworkId): string {
    return this.t.networkNames[network];
  }

  protected override render() {
    const t = this.t;
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading">${t.title}</h2></div>
      <p class="intro">${t.intro}</p>
      ${this.renderBody()}
      <p class="status" part="status" role="status">${this.notice}</p>
    </section>`;
  }

  private renderBody() {
    const state = this.state.value;
    const t = this.t;
    if (state?.status === 'error' && !state.rules) {
      const unsupported = state.error?.code === 'not_found';
      return html`<div class="state" part="state" role="alert">
        <strong>${unsupported ? t.unsupported : t.errorTitle}</strong>
        ${unsupported ? nothing : html`<p>${this.errorMessage(state.error)}</p><button class="primary" @click=${() => this.refresh()}>${this.common.retry}</button>`}
      </div>`;
    }
    const rules = state?.rules;
    if (!state || !rules) {
      return html`<div class="state" part="state" aria-busy="true" aria-label=${this.common.loading}>
        <span class="skeleton"></span><span class="skeleton"></span>
      </div>`;
    }
    const n = (value: number) => formatNumber(value, this.lang_);
    const { effective } = rules;
    return html`<h3>${t.effectiveHeading}</h3>
      <p part="summary">
        ${t.effectiveSummary(
          n(sharePoints(effective, 'linkedin')),
          n(sharePoints(effective, 'copy')),
          n(effective.points.click),
          n(effective.points.clickDailyCapPerPost),
        )}
      </p>
      ${this.renderForm(state, this.draft ?? effective)} ${this.renderHistory(state, rules)}`;
  }

  private renderForm(state: PointRulesAdminState, values: Full) {
    const t = this.t;
    const busy = state.busy !== null;
    const editing = this.editing;
    const errors = state.actionError?.fieldErrors ?? [];
    return html`<form part="form" aria-labelledby="form-heading" novalidate @submit=${this.onSubmit} @input=${this.onInput}>
      <h3 id="form-heading">${editing ? t.editHeading : t.newHeading}</h3>
      <fieldset>
        <legend>${t.pointsLegend}</legend>
        ${POINT_KEYS.map(
          (key) => html`<label
            >${t.pointLabels[key]}
            <input id="points-${key}" name="points.${key}" type="number" min="0" max="100000" step="1" inputmode="numeric" .value=${String(values.points[key])}
          /></label>`,
        )}
      </fieldset>
      <fieldset aria-describedby="weights-hint">
        <legend>${t.weightsLegend}</legend>
        <p class="hint" id="weights-hint">${t.weightsHint}</p>
        ${NETWORK_IDS.map(
          (network) => html`<label
            >${this.networkLabel(network)}
            <input
              id="weight-${network}"
              name="networkWeights.${network}"
              type="number"
              min="0"
              max="10"
              step="0.1"
              inputmode="decimal"
              aria-describedby="points-of-${network}"
              .value=${String(values.networkWeights[network])}
            />
            <span class="meta" id="points-of-${network}">${t.sharePoints(formatNumber(sharePoints(values, network), this.lang_))}</span>
          </label>`,
        )}
      </fieldset>
      <label
        >${t.effectiveLabel(this.timeZone)}
        <input
          id="effective"
          name="effective"
          type="datetime-local"
          aria-describedby="effective-hint"
          .value=${editing ? toLocalInput(editing.effectiveFrom, this.timeZone) : ''}
      /></label>
      <p class="hint" id="effective-hint">${t.effectiveHint}</p>
      <label>${t.noteLabel}<input id="note" name="note" maxlength="500" .value=${editing?.note ?? ''} /></label>
      ${
        errors.length > 0 || state.actionError
          ? html`<div class="field-error" role="alert">
              ${errors.length > 0 ? errors.map((error) => html`<p>${t.fieldError(this.fieldLabel(error.field), error.message)}</p>`) : html`<p>${t.failed} ${this.errorMessage(state.actionError)}</p>`}
            </div>`
          : nothing
      }
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${busy}>${editing ? t.saveEdit : t.save}</button>
        ${editing ? html`<button type="button" @click=${this.stopEditing}>${t.cancelEdit}</button>` : nothing}
      </div>
    </form>`;
  }

  /** The label of a field an error names (`rules.points.share`, `rules.networkWeights.copy`, `effectiveFrom`). */
  private fieldLabel(field: string): string {
    const [, group, key] = field.split('.');
    if (group === 'points' && key && key in this.t.pointLabels) return this.t.pointLabels[key as PointKey];
    if (group === 'networkWeights' && key && (NETWORK_IDS as readonly string[]).includes(key)) return this.networkLabel(key as NetworkId);
    if (field === 'effectiveFrom') return this.t.effectiveLabel(this.timeZone);
    if (field === 'note') return this.t.noteLabel;
    return field;
  }

  private renderHistory(state: PointRulesAdminState, rules: PointRulesVersionList) {
    const t = this.t;
    if (rules.items.length === 0) return html`<h3>${t.historyHeading}</h3><p>${t.none}</p>`;
    return html`<h3 id="history-heading">${t.historyHeading}</h3>
      <table part="history" aria-labelledby="history-heading">
        <thead>
          <tr>
            ${Object.values(t.columns).map((column) => html`<th scope="col">${column}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rules.items.map((version) => {
            const when = this.when(version.effectiveFrom);
            return html`<tr>
              <td>${when}</td>
              <td>${t.statuses[version.status]}</td>
              <td>${this.changes(version.rules, rules.defaults)}</td>
              <td>${version.note ?? ''}</td>
              <td>${version.createdBy}</td>
              <td>
                ${
                  version.status === 'scheduled'
                    ? html`<div class="actions">
                        <button aria-label=${t.editLabel(when)} ?disabled=${state.busy !== null} @click=${() => this.startEditing(version, rules)}>${t.edit}</button>
                        <button aria-label=${t.removeLabel(when)} ?disabled=${state.busy !== null} @click=${() => this.deleteVersion(version)}>${t.remove}</button>
                      </div>`
                    : nothing
                }
              </td>
            </tr>`;
          })}
        </tbody>
      </table>`;
  }

  /** What a version sets apart from the defaults, in words: `Share 20, Copied link ×0.5`; "Defaults" when nothing. */
  private changes(rules: PointRules, defaults: Full): string {
    const n = (value: number) => formatNumber(value, this.lang_);
    const points = defaults.points as Record<string, number>;
    const weights = defaults.networkWeights as Record<string, number>;
    const parts = [
      ...Object.entries(rules.points ?? {})
        .filter(([key, value]) => value !== points[key])
        .map(([key, value]) => `${this.t.pointLabels[key as PointKey] ?? key} ${n(value!)}`),
      ...Object.entries(rules.networkWeights ?? {})
        .filter(([network, value]) => value !== weights[network])
        .map(([network, value]) => this.t.weight(this.networkLabel(network as NetworkId), n(value!))),
    ];
    return parts.length === 0 ? this.t.defaultsOnly : parts.join(', ');
  }

  /** Every value of the form, as a version's rules. */
  private readValues(): Full {
    const number = (name: string) => Number(this.renderRoot.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value ?? NaN);
    return {
      points: Object.fromEntries(POINT_KEYS.map((key) => [key, number(`points.${key}`)])) as Full['points'],
      networkWeights: Object.fromEntries(
        NETWORK_IDS.map((network) => [network, number(`networkWeights.${network}`)]),
      ) as Full['networkWeights'],
    };
  }

  private readonly onInput = () => {
    const values = this.readValues();
    const valid = Object.values(values.points).every(Number.isFinite) && Object.values(values.networkWeights).every(Number.isFinite);
    if (valid) this.draft = values;
  };

  private startEditing(version: PointRulesVersion, rules: PointRulesVersionList): void {
    this.editing = version;
    this.draft = withVersion(rules.defaults, version.rules);
    this.notice = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#points-share')?.focus());
  }

  private readonly stopEditing = () => {
    this.editing = null;
    this.draft = null;
  };

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!this.client) return;
    const controller = controllerOf(this.client);
    const rules = this.readValues();
    const local = this.renderRoot.querySelector<HTMLInputElement>('#effective')!.value;
    const note = this.renderRoot.querySelector<HTMLInputElement>('#note')!.value.trim();
    const effectiveFrom = local === '' ? undefined : (fromLocalInput(local, this.timeZone) ?? undefined);
    const editing = this.editing;
    void (async () => {
      try {
        if (editing) {
          await controller.update(editing.id, {
            rules,
            ...(effectiveFrom === undefined ? {} : { effectiveFrom }),
            note: note === '' ? null : note,
          });
        } else {
          await controller.create({ rules, ...(effectiveFrom === undefined ? {} : { effectiveFrom }), ...(note === '' ? {} : { note }) });
        }
        this.editing = null;
        this.draft = null;
        this.renderRoot.querySelector('form')?.reset();
        this.notice = this.t.saved;
      } catch (error) {
        this.notice = this.t.failed;
        emit(this, 'advocacy-error', { source: 'point-rules-admin', error: asAdvocacyError(error) });
      }
    })();
  };

  private deleteVersion(version: PointRulesVersion): void {
    if (!this.client) return;
    const controller = controllerOf(this.client);
    void (async () => {
      try {
        await controller.remove(version.id);
        if (this.editing?.id === version.id) this.stopEditing();
        this.notice = this.t.deleted;
      } catch (error) {
        this.notice = this.t.failed;
        emit(this, 'advocacy-error', { source: 'point-rules-admin', error: asAdvocacyError(error) });
      }
    })();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-point-rules-admin': AdvocacyPointRulesAdminElement;
  }
}
