import { html, nothing } from 'lit';
import type { AdminRewardRequest, AdvocacyError, Reward, RewardInput } from '@advocacy-kit/core';
import { rewardText } from '@advocacy-kit/core/rewards';
import { installHttpAdmin, createRewardsAdmin, type RewardsAdminController, type RewardsAdminState } from '@advocacy-kit/core/admin';
import { isHttpUrl } from '@advocacy-kit/core/links';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { formatNumber, relativeTime } from '../internal/format.js';
import * as rewardsAdminStrings from './rewards-admin.strings.js';
import { styles } from './rewards-admin.styles.js';
import { perClient } from '../internal/per-client.js';
import { AdminTime } from '../internal/admin-time.js';
import { fromLocalInput, toLocalInput } from '../internal/zoned-time.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

/** The rewards admin store of a client, created once per client. */
export const rewardsAdminOf = perClient((client): RewardsAdminController => createRewardsAdmin({ backend: client.backend }));

/** The reward form as typed: every field a string until it is saved. */
interface Draft {
  nameEn: string;
  nameJa: string;
  descriptionEn: string;
  descriptionJa: string;
  imageUrl: string;
  cost: string;
  stock: string;
  startsAt: string;
  endsAt: string;
  team: string;
}
type DraftField = keyof Draft;

const EMPTY: Draft = {
  nameEn: '',
  nameJa: '',
  descriptionEn: '',
  descriptionJa: '',
  imageUrl: '',
  cost: '',
  stock: '',
  startsAt: '',
  endsAt: '',
  team: '',
};

/** Contract field → form field, for the backend's field errors. */
const FIELD_OF: Record<string, DraftField> = {
  name: 'nameEn',
  description: 'descriptionEn',
  imageUrl: 'imageUrl',
  cost: 'cost',
  stock: 'stock',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  team: 'team',
};

/**
 * @tag advocacy-rewards-admin
 * @summary The program admin's rewards screen: the request queue (approve, reject with a reason
 * the employee sees, mark handed over), the catalogue (add, edit, deactivate) and manual point
 * adjustments with a reason.
 *
 * @event advocacy-error - Loading or an action failed. `detail: { source: 'rewards-admin', error }`.
 *
 * @csspart queue - The request queue.
 * @csspart request - One request.
 * @csspart approve-button - Approves a pending request.
 * @csspart reject-button - Rejects a pending request with the reason typed beside it.
 * @csspart fulfil-button - Marks an approved request handed over.
 * @csspart catalogue - The rewards.
 * @csspart reward - One reward.
 * @csspart reward-form - The add / edit form.
 * @csspart adjust-form - The manual adjustment form.
 * @csspart status - What the last action did.
 * @csspart state - Loading, empty and error states.
 *
 * @cssproperty --advocacy-color-accent - Buttons.
 * @cssproperty --advocacy-color-danger - Errors.
 * @cssproperty --advocacy-color-surface - Panel background.
 */
export class AdvocacyRewardsAdminElement extends AdvocacyElement<(typeof rewardsAdminStrings)['en']> {
  static override styles = styles;

  static override properties = {
    notice: { state: true, attribute: false },
    reasons: { state: true, attribute: false },
    reasonErrors: { state: true, attribute: false },
    draft: { state: true, attribute: false },
    editing: { state: true, attribute: false },
    draftErrors: { state: true, attribute: false },
    adjustment: { state: true, attribute: false },
    adjustErrors: { state: true, attribute: false },
  };

  private readonly time = new AdminTime(this);
  declare private notice: string;
  declare private reasons: Readonly<Record<string, string>>;
  declare private reasonErrors: Readonly<Record<string, string>>;
  declare private draft: Draft;
  /** The reward being edited; null while adding a new one. */
  declare private editing: Reward | null;
  declare private draftErrors: Partial<Record<DraftField | 'form', string>>;
  declare private adjustment: { employeeId: string; delta: string; reason: string };
  declare private adjustErrors: Partial<Record<'employeeId' | 'delta' | 'reason' | 'form', string>>;

  private readonly admin = new StoreController<RewardsAdminState>(
    this,
    () => (this.client ? rewardsAdminOf(this.client).store : undefined),
    (state, previous) => {
      if (previous && state.status === 'error' && previous.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'rewards-admin', error: state.error });
      }
    },
  );

  constructor() {
    super(rewardsAdminStrings);
    this.notice = '';
    this.reasons = {};
    this.reasonErrors = {};
    this.draft = { ...EMPTY };
    this.editing = null;
    this.draftErrors = {};
    this.adjustment = { employeeId: '', delta: '', reason: '' };
    this.adjustErrors = {};
  }

  /** Loads the catalogue and the queue again. */
  refresh(): Promise<void> {
    return this.client ? rewardsAdminOf(this.client).refresh() : Promise.resolve();
  }

  private get controller(): RewardsAdminController | undefined {
    return this.client ? rewardsAdminOf(this.client) : undefined;
  }

  private points(n: number): string {
    return formatNumber(n, this.lang_);
  }

  protected override render() {
    const state = this.admin.value;
    const loaded = state && (state.status === 'ready' || state.status === 'empty' || state.teams.length > 0);
    let body;
    if (state?.status === 'error' && !loaded) {
      body = html`<div class="state" part="state" role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.refresh()}>${this.common.retry}</button>
      </div>`;
    } else if (!loaded) {
      body = html`<ul class="list" part="state" aria-busy="true" aria-label=${this.common.loading}>
        ${[0, 1, 2].map(() => html`<li aria-hidden="true"><span class="skeleton"></span></li>`)}
      </ul>`;
    } else {
      body = html`${this.renderQueue(state)} ${this.renderCatalogue(state)} ${this.renderForm(state)} ${this.renderAdjust(state)}`;
    }
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading" tabindex="-1">${this.t.title}</h2></div>
      <p class="status" part="status" role="status">${this.notice}</p>
      ${body}
    </section>`;
  }

  /* ---------------------------------------------------------- queue */

  private renderQueue(state: RewardsAdminState) {
    const t = this.t;
    return html`<section part="queue" aria-labelledby="queue-title">
      <h3 id="queue-title" tabindex="-1">${t.queueTitle}</h3>
      ${
        state.requests.length === 0
          ? html`<p class="meta">${t.queueEmpty}</p>`
          : html`<ul class="list">
              ${state.requests.map((request) => this.renderRequest(request, state))}
            </ul>`
      }
    </section>`;
  }

  private renderRequest(request: AdminRewardRequest, state: RewardsAdminState) {
    const t = this.t;
    const id = request.id;
    const reward = rewardText(request.rewardName, this.lang_);
    const who = request.employeeName;
    const busy = Boolean(state.busy[id]);
    const failure = state.errors[id];
    const error =
      this.reasonErrors[id] ?? (failure && (failure.fieldErrors.find((f) => f.field === 'reason')?.message ?? this.errorMessage(failure)));
    return html`<li class="item" part="request">
      <strong>${t.requestedBy(who, reward)}</strong>
      <p class="meta">${t.statuses[request.status]} · ${t.points(this.points(request.cost))} · ${relativeTime(request.createdAt, this.lang_)}</p>
      ${
        request.status === 'pending'
          ? html`<div class="actions">
              <button class="primary" part="approve-button" aria-label=${t.approveLabel(who, reward)} ?disabled=${busy} @click=${() => this.decide(request, 'approve')}>
                ${t.approve}
              </button>
              <div class="field reason">
                <label for="reason-${id}">${t.reasonLabel}</label>
                <input
                  id="reason-${id}"
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${error ? `reason-${id}-error reason-${id}-hint` : `reason-${id}-hint`}
                  .value=${this.reasons[id] ?? ''}
                  @input=${(event: Event) => (this.reasons = { ...this.reasons, [id]: (event.target as HTMLInputElement).value })}
                  @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && this.decide(request, 'reject')}
                />
                <p id="reason-${id}-hint" class="hint">${t.reasonHint}</p>
                ${error ? html`<p id="reason-${id}-error" class="field-error">${error}</p>` : nothing}
              </div>
              <button part="reject-button" aria-label=${t.rejectLabel(who, reward)} ?disabled=${busy} @click=${() => this.decide(request, 'reject')}>${t.reject}</button>
            </div>`
          : html`<div class="actions">
              <button class="primary" part="fulfil-button" aria-label=${t.fulfilLabel(who, reward)} ?disabled=${busy} @click=${() => this.decide(request, 'fulfil')}>
                ${t.fulfil}
              </button>
              ${failure ? html`<p class="field-error" role="alert">${this.errorMessage(failure)}</p>` : nothing}
            </div>`
      }
    </li>`;
  }

  private async decide(request: AdminRewardRequest, decision: 'approve' | 'reject' | 'fulfil'): Promise<void> {
    const controller = this.controller;
    if (!controller || this.admin.value?.busy[request.id]) return;
    const { [request.id]: _error, ...others } = this.reasonErrors;
    this.reasonErrors = others;
    const reward = rewardText(request.rewardName, this.lang_);
    const reason = (this.reasons[request.id] ?? '').trim();
    if (decision === 'reject' && !reason) {
      this.reasonErrors = { ...this.reasonErrors, [request.id]: this.t.reasonRequired };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#reason-${CSS.escape(request.id)}`)?.focus();
      return;
    }
    try {
      await controller.decide(request.id, decision === 'reject' ? { decision, reason } : { decision });
      const { [request.id]: _reason, ...reasons } = this.reasons;
      this.reasons = reasons;
      this.notice = { approve: this.t.approvedNotice, reject: this.t.rejectedNotice, fulfil: this.t.fulfilledNotice }[decision](reward);
      // The request left the list or changed its buttons: keep keyboard focus in the queue.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#queue-title')?.focus();
    } catch (cause) {
      emit(this, 'advocacy-error', { source: 'rewards-admin', error: asAdvocacyError(cause) });
    }
  }

  /* ---------------------------------------------------------- catalogue */

  private renderCatalogue(state: RewardsAdminState) {
    const t = this.t;
    return html`<section part="catalogue" aria-labelledby="catalogue-title">
      <h3 id="catalogue-title">${t.catalogueTitle}</h3>
      ${
        state.rewards.length === 0
          ? html`<p class="meta">${t.catalogueEmpty}</p>`
          : html`<ul class="list">
              ${state.rewards.map((reward) => this.renderReward(reward, state))}
            </ul>`
      }
    </section>`;
  }

  private renderReward(reward: Reward, state: RewardsAdminState) {
    const t = this.t;
    const name = rewardText(reward.name, this.lang_);
    const team = reward.team === null ? t.everyone : (state.teams.find((x) => x.id === reward.team)?.name ?? reward.team);
    const busy = Boolean(state.busy[reward.id]);
    const failure = state.errors[reward.id];
    return html`<li class="item" part="reward">
      <h4>${name}</h4>
      <p class="meta">
        ${reward.active ? t.active : t.inactive} · ${t.points(this.points(reward.cost))} ·
        ${reward.stock === null ? t.unlimited : t.stockLeft(this.points(reward.stock))} · ${team}
      </p>
      ${failure ? html`<p class="field-error" role="alert">${this.errorMessage(failure)}</p>` : nothing}
      <div class="actions">
        <button aria-label=${t.editLabel(name)} @click=${() => this.edit(reward)}>${t.edit}</button>
        ${
          reward.active
            ? html`<button aria-label=${t.deactivateLabel(name)} ?disabled=${busy} @click=${() => this.setActive(reward, false)}>${t.deactivate}</button>`
            : html`<button aria-label=${t.activateLabel(name)} ?disabled=${busy} @click=${() => this.setActive(reward, true)}>${t.activate}</button>`
        }
      </div>
    </li>`;
  }

  private async setActive(reward: Reward, active: boolean): Promise<void> {
    try {
      await this.controller?.setActive(reward.id, active);
      this.notice = this.t.savedNotice(rewardText(reward.name, this.lang_));
    } catch (cause) {
      emit(this, 'advocacy-error', { source: 'rewards-admin', error: asAdvocacyError(cause) });
    }
  }

  private async edit(reward: Reward): Promise<void> {
    this.editing = reward;
    this.draftErrors = {};
    this.draft = {
      nameEn: reward.name['en'] ?? '',
      nameJa: reward.name['ja'] ?? '',
      descriptionEn: reward.description['en'] ?? '',
      descriptionJa: reward.description['ja'] ?? '',
      imageUrl: reward.imageUrl ?? '',
      cost: String(reward.cost),
      stock: reward.stock === null ? '' : String(reward.stock),
      startsAt: toLocalInput(reward.startsAt, this.time.zone),
      endsAt: toLocalInput(reward.endsAt, this.time.zone),
      team: reward.team ?? '',
    };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#f-nameEn')?.focus();
  }

  /* ---------------------------------------------------------- reward form */

  private field(name: DraftField, label: string, options: { type?: string; hint?: string; multiline?: boolean } = {}) {
    const error = this.draftErrors[name];
    const id = `f-${name}`;
    const describedBy = [error ? `${id}-error` : '', options.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || nothing;
    const onInput = (event: Event) => (this.draft = { ...this.draft, [name]: (event.target as HTMLInputElement).value });
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${
        options.multiline
          ? html`<textarea id=${id} rows="2" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy} .value=${this.draft[name]} @input=${onInput}></textarea>`
          : html`<input
              id=${id}
              type=${options.type ?? 'text'}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy}
              .value=${this.draft[name]}
              @input=${onInput}
            />`
      }
      ${options.hint ? html`<p id="${id}-hint" class="hint">${options.hint}</p>` : nothing}
      ${error ? html`<p id="${id}-error" class="field-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderForm(state: RewardsAdminState) {
    const t = this.t;
    const busy = Boolean(state.busy[this.editing?.id ?? 'new']);
    const title = this.editing ? t.editTitle(rewardText(this.editing.name, this.lang_)) : t.newTitle;
    return html`<form part="reward-form" novalidate aria-labelledby="form-title" @submit=${this.onSave}>
      <h3 id="form-title">${title}</h3>
      ${this.draftErrors.form ? html`<p class="notice error" role="alert">${this.draftErrors.form}</p>` : nothing}
      <div class="grid">
        ${this.field('nameEn', t.nameEn)} ${this.field('nameJa', t.nameJa)}
        ${this.field('descriptionEn', t.descriptionEn, { multiline: true })} ${this.field('descriptionJa', t.descriptionJa, { multiline: true })}
        ${this.field('imageUrl', t.imageUrl, { type: 'url', hint: t.imageHint })} ${this.field('cost', t.cost, { type: 'number' })}
        ${this.field('stock', t.stock, { type: 'number', hint: t.stockHint })}
        ${this.field('startsAt', t.startsAt, { type: 'datetime-local', hint: t.datesHint(this.time.zone) })}
        ${this.field('endsAt', t.endsAt, { type: 'datetime-local', hint: t.datesHint(this.time.zone) })}
        <div class="field">
          <label for="f-team">${t.team}</label>
          <select id="f-team" aria-invalid=${this.draftErrors.team ? 'true' : 'false'} @change=${(event: Event) => (this.draft = { ...this.draft, team: (event.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${this.draft.team === ''}>${t.everyone}</option>
            ${state.teams.map((team) => html`<option value=${team.id} ?selected=${this.draft.team === team.id}>${team.name}</option>`)}
          </select>
          ${this.draftErrors.team ? html`<p class="field-error">${this.draftErrors.team}</p>` : nothing}
        </div>
      </div>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${busy}>${busy ? t.saving : this.editing ? t.save : t.create}</button>
        ${this.editing ? html`<button type="button" @click=${this.resetForm}>${t.cancelEdit}</button>` : nothing}
      </div>
    </form>`;
  }

  private readonly resetForm = (): void => {
    this.editing = null;
    this.draft = { ...EMPTY };
    this.draftErrors = {};
  };

  /** The draft as the contract's input, or field errors. */
  private validateDraft(): RewardInput | Partial<Record<DraftField, string>> {
    const t = this.t;
    const d = this.draft;
    const errors: Partial<Record<DraftField, string>> = {};
    if (!d.nameEn.trim() && !d.nameJa.trim()) errors.nameEn = t.nameRequired;
    const cost = Number(d.cost);
    if (!/^\d+$/.test(d.cost.trim()) || cost < 1) errors.cost = t.costInvalid;
    if (d.stock.trim() && !/^\d+$/.test(d.stock.trim())) errors.stock = t.stockInvalid;
    if (d.imageUrl.trim() && !isHttpUrl(d.imageUrl.trim())) errors.imageUrl = t.urlInvalid;
    if (Object.keys(errors).length > 0) return errors;
    const text = (en: string, ja: string) => ({ ...(en.trim() && { en: en.trim() }), ...(ja.trim() && { ja: ja.trim() }) });
    return {
      name: text(d.nameEn, d.nameJa),
      description: text(d.descriptionEn, d.descriptionJa),
      imageUrl: d.imageUrl.trim() || null,
      cost,
      stock: d.stock.trim() ? Number(d.stock) : null,
      startsAt: d.startsAt ? fromLocalInput(d.startsAt, this.time.zone) : null,
      endsAt: d.endsAt ? fromLocalInput(d.endsAt, this.time.zone) : null,
      team: d.team || null,
    };
  }

  private readonly onSave = async (event: Event): Promise<void> => {
    event.preventDefault();
    const controller = this.controller;
    if (!controller) return;
    const input = this.validateDraft();
    if (!('cost' in input) || typeof input.cost !== 'number') {
      this.draftErrors = input as Partial<Record<DraftField, string>>;
      await this.focusFirstError();
      return;
    }
    this.draftErrors = {};
    try {
      const saved = await controller.saveReward(this.editing?.id ?? null, input as RewardInput);
      this.resetForm();
      this.notice = this.t.savedNotice(rewardText(saved.name, this.lang_));
    } catch (cause) {
      const error = asAdvocacyError(cause);
      this.draftErrors = this.fieldErrorsOf(error);
      await this.focusFirstError();
      emit(this, 'advocacy-error', { source: 'rewards-admin', error });
    }
  };

  private fieldErrorsOf(error: AdvocacyError): Partial<Record<DraftField | 'form', string>> {
    const errors: Partial<Record<DraftField | 'form', string>> = {};
    for (const fieldError of error.fieldErrors) {
      const field = FIELD_OF[fieldError.field.replace(/^\//, '').split(/[./]/)[0]!];
      if (field) errors[field] ??= fieldError.message;
    }
    if (Object.keys(errors).length === 0) errors.form = this.errorMessage(error);
    return errors;
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"], form [role="alert"]')?.focus();
  }

  /* ---------------------------------------------------------- adjustments */

  private renderAdjust(state: RewardsAdminState) {
    const t = this.t;
    const a = this.adjustment;
    const e = this.adjustErrors;
    const busy = Boolean(state.busy['adjust']);
    const input = (name: 'employeeId' | 'delta' | 'reason', label: string, hint: string, type = 'text') => {
      const id = `a-${name}`;
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <input
          id=${id}
          type=${type}
          aria-invalid=${e[name] ? 'true' : 'false'}
          aria-describedby=${e[name] ? `${id}-error ${id}-hint` : `${id}-hint`}
          .value=${a[name]}
          @input=${(event: Event) => (this.adjustment = { ...this.adjustment, [name]: (event.target as HTMLInputElement).value })}
        />
        <p id="${id}-hint" class="hint">${hint}</p>
        ${e[name] ? html`<p id="${id}-error" class="field-error">${e[name]}</p>` : nothing}
      </div>`;
    };
    return html`<form part="adjust-form" novalidate aria-labelledby="adjust-title" @submit=${this.onAdjust}>
      <h3 id="adjust-title">${t.adjustTitle}</h3>
      <p class="meta">${t.adjustIntro}</p>
      ${e.form ? html`<p class="notice error" role="alert">${e.form}</p>` : nothing}
      <div class="grid">
        ${input('employeeId', t.employee, t.employeeHint)} ${input('delta', t.delta, t.deltaHint, 'number')}
        ${input('reason', t.reason, t.adjustReasonHint)}
      </div>
      <div class="actions"><button class="primary" type="submit" ?disabled=${busy}>${busy ? t.saving : t.adjust}</button></div>
    </form>`;
  }

  private readonly onAdjust = async (event: Event): Promise<void> => {
    event.preventDefault();
    const controller = this.controller;
    if (!controller) return;
    const t = this.t;
    const employeeId = this.adjustment.employeeId.trim();
    const reason = this.adjustment.reason.trim();
    const delta = Number(this.adjustment.delta);
    const errors: typeof this.adjustErrors = {};
    if (!employeeId) errors.employeeId = t.employeeRequired;
    if (!/^-?\d+$/.test(this.adjustment.delta.trim()) || delta === 0) errors.delta = t.deltaInvalid;
    if (!reason) errors.reason = t.adjustReasonRequired;
    this.adjustErrors = errors;
    if (Object.keys(errors).length === 0) {
      try {
        const entry = await controller.adjust({ employeeId, delta, reason });
        this.adjustment = { employeeId: '', delta: '', reason: '' };
        this.notice = t.adjustedNotice(this.points(entry.delta), employeeId);
        return;
      } catch (cause) {
        const error = asAdvocacyError(cause);
        const fields: typeof this.adjustErrors = {};
        for (const f of error.fieldErrors) {
          const name = f.field.replace(/^\//, '');
          if (name === 'employeeId' || name === 'delta' || name === 'reason') fields[name] ??= f.message;
        }
        this.adjustErrors = Object.keys(fields).length > 0 ? fields : { form: this.errorMessage(error) };
        emit(this, 'advocacy-error', { source: 'rewards-admin', error });
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="adjust-form"] [aria-invalid="true"], [part="adjust-form"] [role="alert"]')?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-rewards-admin': AdvocacyRewardsAdminElement;
  }
}
