import { html, nothing } from 'lit';
import type { Reward, RewardRequest } from '@advocacy-kit/core';
import { createRewards, rewardText, type RewardsController, type RewardsState } from '@advocacy-kit/core/rewards';
import { isHttpUrl } from '@advocacy-kit/core/links';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { formatNumber, relativeTime } from '../internal/format.js';
import * as rewardsStrings from './rewards.strings.js';
import { styles } from './rewards.styles.js';
import { perClient } from '../internal/per-client.js';

/** The rewards store of a client, created once: two `<advocacy-rewards>` on a page share it. */
export const rewardsOf = perClient((client): RewardsController => createRewards({ backend: client.backend }));

/**
 * @tag advocacy-rewards
 * @summary The rewards catalogue the employee may request (for their team or everyone, in its
 * dates), their points to spend, and their requests with status and the reason of a rejection.
 * Requesting holds the reward's points until the program team decides; a pending request can be
 * cancelled.
 *
 * @event advocacy-reward-request - A reward was requested. `detail: { request }`.
 * @event advocacy-error - Loading, a request or a cancellation failed. `detail: { source: 'rewards', error }`.
 *
 * @csspart balance - The points to spend and the points held.
 * @csspart list - The catalogue.
 * @csspart item - One reward.
 * @csspart image - A reward's picture.
 * @csspart request-button - Requests a reward.
 * @csspart requests - The employee's requests.
 * @csspart cancel-button - Cancels a pending request.
 * @csspart status - What the last action did.
 * @csspart state - Loading, empty and error states.
 *
 * @cssproperty --advocacy-color-accent - Buttons.
 * @cssproperty --advocacy-color-danger - Errors.
 * @cssproperty --advocacy-color-surface - Panel background.
 * @cssproperty --advocacy-color-border - Borders.
 */
export class AdvocacyRewardsElement extends AdvocacyElement<(typeof rewardsStrings)['en']> {
  static override styles = styles;

  static override properties = {
    notice: { state: true, attribute: false },
  };

  declare private notice: string;

  private readonly rewards = new StoreController<RewardsState>(
    this,
    () => (this.client ? rewardsOf(this.client).store : undefined),
    (state, previous) => {
      if (previous && state.status === 'error' && previous.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'rewards', error: state.error });
      }
    },
  );

  constructor() {
    super(rewardsStrings);
    this.notice = '';
  }

  /** Loads the catalogue, the balance and the requests again. */
  refresh(): Promise<void> {
    return this.client ? rewardsOf(this.client).refresh() : Promise.resolve();
  }

  private points(n: number): string {
    return formatNumber(n, this.lang_);
  }

  protected override render() {
    return html`<section aria-labelledby="title">
      <div class="header">
        <h2 id="title" tabindex="-1">${this.t.title}</h2>
        ${this.renderBalance()}
      </div>
      <p class="visually-hidden" part="status" role="status">${this.notice}</p>
      ${this.renderCatalogue()} ${this.renderRequests()}
    </section>`;
  }

  private renderBalance() {
    const balance = this.rewards.value?.balance;
    if (!balance) return nothing;
    return html`<p class="balance" part="balance">
      <strong>${this.t.balance(this.points(balance.balance))}</strong>
      ${balance.held > 0 ? html`<span class="muted">${this.t.held(this.points(balance.held))}</span>` : nothing}
    </p>`;
  }

  private renderCatalogue() {
    const state = this.rewards.value;
    const loaded = state && (state.status === 'ready' || state.status === 'empty' || state.balance !== null);
    if (state?.status === 'error' && state.balance === null) {
      return html`<div class="state" part="state" role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    if (!loaded) {
      return html`<ul class="catalogue" part="state" aria-busy="true" aria-label=${this.common.loading}>
        ${[0, 1, 2].map(() => html`<li aria-hidden="true"><span class="skeleton"></span></li>`)}
      </ul>`;
    }
    if (state.rewards.length === 0) return html`<div class="state" part="state"><p>${this.t.empty}</p></div>`;
    return html`<ul class="catalogue" part="list">
      ${state.rewards.map((reward) => this.renderReward(reward, state))}
    </ul>`;
  }

  private renderReward(reward: Reward, state: RewardsState) {
    const t = this.t;
    const name = rewardText(reward.name, this.lang_);
    const description = rewardText(reward.description, this.lang_);
    const balance = state.balance?.balance ?? 0;
    const short = reward.cost - balance;
    const soldOut = reward.stock === 0;
    const busy = state.busy[reward.id] === 'request';
    const failure = state.errors[reward.id];
    const id = `reward-${reward.id}`;
    return html`<li class="reward" part="item" aria-labelledby="${id}-name">
      ${isHttpUrl(reward.imageUrl) ? html`<img part="image" src=${reward.imageUrl} alt="" loading="lazy" referrerpolicy="no-referrer" />` : nothing}
      <h3 id="${id}-name">${name}</h3>
      ${description ? html`<p class="description">${description}</p>` : nothing}
      <p class="cost">${t.cost(this.points(reward.cost))}${reward.stock !== null ? html` · <span class="muted">${soldOut ? t.soldOut : t.left(this.points(reward.stock))}</span>` : nothing}</p>
      ${short > 0 && !soldOut ? html`<p class="hint" id="${id}-hint">${t.shortBy(this.points(short))}</p>` : nothing}
      ${failure ? html`<p class="field-error" id="${id}-error" role="alert">${this.requestError(failure)}</p>` : nothing}
      <button
        class="primary"
        part="request-button"
        aria-label=${t.requestLabel(name, this.points(reward.cost))}
        aria-describedby=${failure ? `${id}-error` : short > 0 ? `${id}-hint` : nothing}
        ?disabled=${busy || soldOut || short > 0}
        @click=${() => this.request(reward)}
      >
        ${busy ? t.requesting : t.request}
      </button>
    </li>`;
  }

  private requestError(error: NonNullable<RewardsState['errors'][string]>): string {
    if (error.fieldErrors.some((f) => f.code === 'insufficient_points')) return this.t.insufficient;
    if (error.code === 'conflict') return this.t.outOfStock;
    return this.errorMessage(error);
  }

  private renderRequests() {
    const state = this.rewards.value;
    if (!state || state.balance === null) return nothing;
    const t = this.t;
    return html`<section class="requests" part="requests" aria-labelledby="mine-title">
      <h3 id="mine-title" tabindex="-1">${t.mineTitle}</h3>
      ${
        state.requests.length === 0
          ? html`<p class="muted">${t.mineEmpty}</p>`
          : html`<ul>
              ${state.requests.map((request) => this.renderRequest(request, state))}
            </ul>`
      }
    </section>`;
  }

  private renderRequest(request: RewardRequest, state: RewardsState) {
    const t = this.t;
    const name = rewardText(request.rewardName, this.lang_);
    const failure = state.errors[request.id];
    return html`<li>
      <span>${name}</span>
      <strong>${t.statuses[request.status]}</strong>
      <span class="muted">${t.cost(this.points(request.cost))} · ${relativeTime(request.createdAt, this.lang_)}</span>
      ${request.status === 'rejected' && request.reason ? html`<p class="hint">${t.reason(request.reason)}</p>` : nothing}
      ${failure ? html`<p class="field-error" role="alert">${this.errorMessage(failure)}</p>` : nothing}
      ${
        request.status === 'pending'
          ? html`<button part="cancel-button" aria-label=${t.cancelLabel(name)} ?disabled=${Boolean(state.busy[request.id])} @click=${() => this.cancel(request)}>
              ${t.cancel}
            </button>`
          : nothing
      }
    </li>`;
  }

  private async request(reward: Reward): Promise<void> {
    if (!this.client) return;
    const name = rewardText(reward.name, this.lang_);
    try {
      const request = await rewardsOf(this.client).request(reward.id);
      this.notice = this.t.requested(name);
      emit(this, 'advocacy-reward-request', { request });
      // The button may now be disabled (the balance dropped): keyboard focus moves to the request.
      await this.focusRequests();
    } catch (cause) {
      emit(this, 'advocacy-error', { source: 'rewards', error: asAdvocacyError(cause) });
    }
  }

  private async focusRequests(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#mine-title')?.focus();
  }

  private async cancel(request: RewardRequest): Promise<void> {
    if (!this.client) return;
    try {
      await rewardsOf(this.client).cancel(request.id);
      this.notice = this.t.cancelled(rewardText(request.rewardName, this.lang_));
      await this.focusRequests();
    } catch (cause) {
      emit(this, 'advocacy-error', { source: 'rewards', error: asAdvocacyError(cause) });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-rewards': AdvocacyRewardsElement;
  }
}
