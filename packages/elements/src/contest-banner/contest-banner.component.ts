import { html, nothing } from 'lit';
import type { AsyncState, Contest } from '@advocacy-kit/core';
import { contestText } from '@advocacy-kit/core/points';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import * as contestBannerStrings from './contest-banner.strings.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { formatNumber, relativeTime } from '../internal/format.js';
import { styles } from './contest-banner.styles.js';

/** The contest to show: the running one ending soonest, else the latest that ended. */
export function featuredContest(contests: Contest[]): Contest | undefined {
  const running = contests.filter((c) => c.status === 'active').sort((a, b) => Date.parse(a.endsAt) - Date.parse(b.endsAt));
  const ended = contests.filter((c) => c.status === 'ended').sort((a, b) => Date.parse(b.endsAt) - Date.parse(a.endsAt));
  return running[0] ?? ended[0];
}

/**
 * @tag advocacy-contest-banner
 * @summary The running points contest — title, prize (in the reader's language when the contest has it), when it ends, who leads and the signed-in
 * employee's rank — or, once it has ended, its final results. Shows nothing when there is no
 * contest.
 *
 * @event advocacy-error - The contests failed to load. `detail: { source: 'contests', error }`.
 *
 * @csspart banner - The banner.
 * @csspart prize - The prize line.
 * @csspart standing - The leader and the employee's rank.
 * @csspart state - The loading and error panels.
 *
 * @cssproperty --advocacy-color-accent - Banner accent.
 * @cssproperty --advocacy-color-surface - Banner background.
 * @cssproperty --advocacy-color-text - Main text.
 * @cssproperty --advocacy-color-text-muted - Secondary text.
 * @cssproperty --advocacy-color-border - Borders.
 * @cssproperty --advocacy-radius - Corner radius.
 * @cssproperty --advocacy-font-family - Font stack.
 */
export class AdvocacyContestBannerElement extends AdvocacyElement<(typeof contestBannerStrings)['en']> {
  static override styles = styles;

  constructor() {
    super(contestBannerStrings);
  }

  private readonly contests = new StoreController<AsyncState<Contest[]>>(
    this,
    () => this.client?.contests.store,
    (state, previous) => {
      if (state.status === 'error' && previous?.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'contests', error: state.error });
      }
    },
  );

  protected override render() {
    const state = this.contests.value;
    if (!state || state.status === 'idle' || (state.status === 'loading' && state.data === undefined)) {
      return html`<div class="banner loading" part="state" aria-busy="true">
        <span class="skeleton line"></span><span class="skeleton line short"></span>
        <p class="visually-hidden" role="status">${this.common.loading}</p>
      </div>`;
    }
    if (state.status === 'error') {
      return html`<div class="banner" part="state" role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.client?.contests.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    const contest = featuredContest(state.data ?? []);
    if (contest === undefined) return nothing;
    const n = (value: number) => formatNumber(value, this.lang_);
    const leader = contest.entries[0];
    const ended = contest.status === 'ended';
    const text = contestText(contest, this.lang_);
    return html`<section class="banner ${ended ? 'ended' : ''}" part="banner" aria-labelledby="title">
      <p class="eyebrow">${this.t.label} · ${ended ? this.t.finalResults : this.t.endsIn(relativeTime(contest.endsAt, this.lang_))}</p>
      <h2 id="title">${text.title}</h2>
      ${text.description ? html`<p class="description">${text.description}</p>` : nothing}
      <p class="prize" part="prize">${this.t.prize(text.prize)}</p>
      <div class="standing" part="standing">
        ${leader ? html`<p>${ended ? this.t.winner(leader.displayName, n(leader.points)) : this.t.leader(leader.displayName, n(leader.points))}</p>` : nothing}
        <p class="mine">${contest.me ? this.t.yourRank(n(contest.me.rank), n(contest.me.points)) : ended ? nothing : this.t.notRanked}</p>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-contest-banner': AdvocacyContestBannerElement;
  }
}
