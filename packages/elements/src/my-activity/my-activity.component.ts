import { html, nothing, type TemplateResult } from 'lit';
import {
  type AdvocacyError,
  type AsyncState,
  type Employee,
  type MyPointsEntry,
  type MyShare,
  type NetworkId,
  type PointsBalance,
  type Suggestion,
} from '@advocacy-kit/core';
import { networkName, type BrandNetworkId } from '@advocacy-kit/core/share';
import { rewardText } from '@advocacy-kit/core/rewards';
import {
  createMyActivity,
  type MyActivityController,
  type PagedController,
  type PagedState,
  type PreferencesState,
} from '@advocacy-kit/core/self-service';
import { asAdvocacyError } from '../internal/errors.js';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { perClient } from '../internal/per-client.js';
import { emit } from '../internal/events.js';
import { tagFor } from '../internal/define.js';
import { formatNumber, relativeTime } from '../internal/format.js';
import * as activityStrings from './my-activity.strings.js';
import type { ActivityTab } from './my-activity.strings.js';
import { preferencesForm } from './preferences-form.js';
import { styles } from './my-activity.styles.js';

/** The self-service stores of a client, made once: two `<advocacy-my-activity>` share them. */
export const activityOf = perClient((client): MyActivityController => createMyActivity({ backend: client.backend }));

const TABS: readonly ActivityTab[] = ['shares', 'points', 'suggestions', 'badges', 'preferences'];
type ListTab = 'shares' | 'points' | 'suggestions';
const isList = (tab: ActivityTab): tab is ListTab => tab === 'shares' || tab === 'points' || tab === 'suggestions';

/**
 * @tag advocacy-my-activity
 * @summary The signed-in employee's own activity, in tabs: their shares with the clicks,
 * conversions and points each earned; their points ledger told in words; their suggestions with
 * the status and the reviewer's reason; their badges; and their preferences (digest and reminder
 * opt-outs, language, time zone). Dates are shown in the employee's time zone.
 *
 * @event advocacy-error - A list or the preferences failed to load or save. `detail: { source: 'my-activity', error }`.
 *
 * @csspart tabs - The tab list.
 * @csspart tab - One tab.
 * @csspart panel - The panel of the selected tab.
 * @csspart list - A list of shares, ledger rows or suggestions.
 * @csspart item - One of them.
 * @csspart balance - The points to spend, above the ledger.
 * @csspart state - Loading, empty and error states.
 * @csspart preferences - The preferences form.
 *
 * @cssproperty --advocacy-color-accent - The selected tab and buttons.
 * @cssproperty --advocacy-color-surface - Panel background.
 * @cssproperty --advocacy-color-border - Borders.
 * @cssproperty --advocacy-color-danger - Errors.
 */
export class AdvocacyMyActivityElement extends AdvocacyElement<(typeof activityStrings)['en']> {
  static override styles = styles;

  static override properties = {
    tab: { reflect: true },
    notice: { state: true, attribute: false },
  };

  /** The open tab: `shares` (default), `points`, `suggestions`, `badges` or `preferences`. */
  declare tab: ActivityTab;
  declare private notice: string;

  private readonly list = new StoreController<PagedState<{ id: string }>>(
    this,
    () => (this.client && isList(this.tab) ? this.activity()[this.tab].store : undefined),
    (state, previous) => this.reportError(state.status === 'error' ? state.error : null, previous?.status === 'error'),
  );
  private readonly balance = new StoreController<AsyncState<PointsBalance | null>>(this, () =>
    this.client && this.tab === 'points' ? this.activity().balance.store : undefined,
  );
  private readonly preferences = new StoreController<PreferencesState>(
    this,
    () => (this.client && this.tab === 'preferences' ? this.activity().preferences.store : undefined),
    (state, previous) => this.reportError(state.status === 'error' ? state.error : null, previous?.status === 'error'),
  );
  private readonly me = new StoreController<AsyncState<Employee>>(this, () => this.client?.me.store);
  /** `<advocacy-badges>` under the tag the prefix in force gives it, reused across renders. */
  private readonly badges = document.createElement(tagFor('badges')) as HTMLElement & { client?: unknown };

  constructor() {
    super(activityStrings);
    this.tab = 'shares';
    this.notice = '';
  }

  activity(): MyActivityController {
    return activityOf(this.client!);
  }

  /** The employee's time zone (from their profile), else the browser's. */
  get timeZone(): string | undefined {
    return this.me.value?.data?.timeZone;
  }

  private reportError(error: AdvocacyError | null, wasError: boolean): void {
    if (error && !wasError) emit(this, 'advocacy-error', { source: 'my-activity', error });
  }

  protected override render() {
    const t = this.t;
    return html`<section aria-labelledby="title">
      <h2 id="title">${t.title}</h2>
      <div class="tabs" role="tablist" aria-labelledby="title" part="tabs" @keydown=${this.onTabKey}>
        ${TABS.map(
          (tab) => html`<button
            role="tab"
            part="tab"
            id="tab-${tab}"
            aria-selected=${tab === this.tab ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${tab === this.tab ? 0 : -1}
            @click=${() => this.select(tab)}
          >
            ${t.tabs[tab]}
          </button>`,
        )}
      </div>
      <div id="panel" role="tabpanel" part="panel" aria-labelledby="tab-${this.tab}" tabindex="0">${this.renderPanel()}</div>
    </section>`;
  }

  private renderPanel(): TemplateResult | HTMLElement {
    if (this.tab === 'badges') {
      this.badges.client = this.client;
      return this.badges;
    }
    if (this.tab === 'preferences') return this.renderPreferences();
    const state = this.list.value;
    const header = this.tab === 'points' ? this.renderBalance() : nothing;
    if (!state || state.status === 'idle' || (state.status === 'loading' && state.items.length === 0)) {
      return html`${header}
        <ul class="list" aria-busy="true" aria-label=${this.t.tabs[this.tab]}>
          ${[0, 1, 2].map(() => html`<li aria-hidden="true"><span class="skeleton line"></span></li>`)}
        </ul>
        <p class="visually-hidden" role="status">${this.common.loading}</p>`;
    }
    const controller = this.activity()[this.tab as ListTab] as PagedController<{ id: string }>;
    if (state.status === 'error') {
      return html`<div class="state" part="state" role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => controller.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    if (state.status === 'empty')
      return html`${header}<div class="state" part="state" role="status"><p>${this.t.empty[this.tab as ListTab]}</p></div>`;
    const row = (item: { id: string }) =>
      this.tab === 'shares'
        ? this.renderShare(item as MyShare)
        : this.tab === 'points'
          ? this.renderRow(item as MyPointsEntry)
          : this.renderSuggestion(item as Suggestion);
    return html`${header}
      <ul class="list" part="list">
        ${state.items.map((item) => html`<li part="item">${row(item)}</li>`)}
      </ul>
      ${state.loadMoreError ? html`<p class="field-error" role="alert">${this.t.loadMoreError}</p>` : nothing}
      ${
        state.hasMore || state.loadMoreError
          ? html`<button ?disabled=${state.loadingMore} @click=${() => controller.loadMore()}>
              ${state.loadingMore ? this.common.loading : state.loadMoreError ? this.common.retry : this.t.loadMore}
            </button>`
          : nothing
      }`;
  }

  private renderBalance() {
    const balance = this.balance.value?.data;
    return balance
      ? html`<p class="balance" part="balance"><strong>${this.t.balance(formatNumber(balance.balance, this.lang_))}</strong></p>`
      : nothing;
  }

  /** "3 days ago", with the date and time in the employee's zone beside it. */
  private when(iso: string) {
    let absolute: string;
    try {
      absolute = new Intl.DateTimeFormat(this.lang_, { dateStyle: 'medium', timeStyle: 'short', timeZone: this.timeZone }).format(
        new Date(iso),
      );
    } catch {
      absolute = new Intl.DateTimeFormat(this.lang_, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    }
    return html`<time datetime=${iso}>${relativeTime(iso, this.lang_)} · ${absolute}</time>`;
  }

  private network(id: NetworkId | null | undefined): string {
    if (!id) return '';
    return id === 'email' || id === 'copy' || id === 'native' ? this.t.otherNetworks[id] : networkName(id as BrandNetworkId, this.lang_);
  }

  private renderShare(share: MyShare) {
    const t = this.t;
    const figures = [
      share.clicks === undefined ? null : t.clicks(share.clicks),
      share.conversions === undefined ? null : t.conversions(share.conversions),
      share.points === undefined ? null : t.points(formatNumber(share.points, this.lang_)),
    ].filter((figure): figure is string => figure !== null);
    return html`<strong class="what">${share.postTitle || t.aPost}</strong>
      <span class="meta">${t.sharedTo(this.network(share.network))} · ${this.when(share.createdAt)}</span>
      ${figures.length > 0 ? html`<span class="figures">${figures.join(' · ')}</span>` : nothing}`;
  }

  private renderRow(row: MyPointsEntry) {
    const t = this.t;
    const words = t.reasons[row.reason]({
      title: row.postTitle ?? t.aPost,
      network: this.network(row.network) || '—',
      reward: row.rewardName ? rewardText(row.rewardName, this.lang_) : t.aReward,
      note: row.note ?? '',
    });
    const delta = `${row.delta > 0 ? '+' : row.delta < 0 ? '−' : ''}${formatNumber(Math.abs(row.delta), this.lang_)}`;
    return html`<span class="what">${words}</span>
      <strong class="delta ${row.delta < 0 ? 'minus' : 'plus'}">${delta}</strong>
      <span class="meta">${this.when(row.createdAt)}</span>`;
  }

  private renderSuggestion(suggestion: Suggestion) {
    const t = this.t;
    return html`<span class="what url">${suggestion.url}</span>
      <strong class="status status-${suggestion.status}">${t.statuses[suggestion.status]}</strong>
      ${suggestion.note ? html`<span class="note">${suggestion.note}</span>` : nothing}
      ${suggestion.status === 'rejected' && suggestion.reviewReason ? html`<span class="reason">${t.reason(suggestion.reviewReason)}</span>` : nothing}
      <span class="meta">${this.when(suggestion.reviewedAt ?? suggestion.createdAt)}</span>`;
  }

  private renderPreferences() {
    const t = this.t;
    const state = this.preferences.value;
    if (state?.status === 'error') {
      return html`<div class="state" part="state" role="alert">
        <strong>${t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.activity().preferences.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    const data = state?.data;
    if (!data) return html`<p class="state" part="state" role="status" aria-busy="true">${this.common.loading}</p>`;
    // A refusal that names no field of the form is said in words below it.
    const named = state.saveError?.fieldErrors.some((error) => error.field.includes('locale') || error.field.includes('timeZone'));
    return preferencesForm({
      t,
      preferences: data,
      state,
      otherError: state.saveError && !named ? this.errorMessage(state.saveError) : '',
      notice: this.notice,
      onSubmit: this.save,
    });
  }

  private readonly save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    this.notice = '';
    try {
      await this.activity().preferences.update({
        digest: form.get('digest') !== null,
        nudges: form.get('nudges') !== null,
        locale: form.get('locale') as 'en' | 'ja',
        timeZone: String(form.get('timeZone')),
      });
      this.notice = this.t.saved;
      // The language and time zone are the employee's: what reads `me` shows them at once.
      void this.client?.me.refresh();
    } catch (cause) {
      emit(this, 'advocacy-error', { source: 'my-activity', error: asAdvocacyError(cause) });
    }
  };

  private select(tab: ActivityTab, focus = false): void {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  /** The ARIA tabs pattern: arrows move between tabs (wrapping), Home and End go to the ends. */
  private readonly onTabKey = (event: KeyboardEvent): void => {
    const index = TABS.indexOf(this.tab);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    this.select(TABS[next]!, true);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-my-activity': AdvocacyMyActivityElement;
  }
}
