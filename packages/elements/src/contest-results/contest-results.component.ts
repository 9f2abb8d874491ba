import { html, nothing } from 'lit';
import type { AsyncState, Contest, LeaderboardEntry } from '@advocacy-kit/core';
import { contestText } from '@advocacy-kit/core/points';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { heading, headingLevelProperty, levelOf } from '../internal/heading.js';
import { emit } from '../internal/events.js';
import { formatNumber } from '../internal/format.js';
import { StoreController } from '../internal/store-controller.js';
import * as resultsStrings from './contest-results.strings.js';
import { styles } from './contest-results.styles.js';

/** Ended contests, latest end first. */
export const endedContests = (contests: Contest[]): Contest[] =>
  contests.filter((c) => c.status === 'ended').sort((a, b) => Date.parse(b.endsAt) - Date.parse(a.endsAt));

/**
 * @tag advocacy-contest-results
 * @summary The final standings of contests that ended in the last 30 days: each contest's top
 * places (equal points share a place, shown as a tie, "=2"), and the signed-in employee's own
 * place. Leavers are not listed. Title and prize in the reader's language when the contest has it.
 *
 * @event advocacy-error - The contests failed to load. `detail: { source: 'contests', error }`.
 *
 * @csspart contest - One ended contest.
 * @csspart row - One place in its standings.
 * @csspart mine - The employee's own place.
 *
 * @cssproperty --advocacy-color-surface - Panel background.
 * @cssproperty --advocacy-color-text-muted - Dates and prizes.
 */
export class AdvocacyContestResultsElement extends AdvocacyElement<(typeof resultsStrings)['en']> {
  static override styles = styles;

  /** How many places to list per contest. */
  static override properties = { top: { type: Number }, headingLevel: headingLevelProperty };
  declare top: number;
  /**
   * The level (2–6) of its title heading (each contest's heading is one level below), to fit the host page's outline: under a page whose only heading
   * is an `<h1>`, use `heading-level="2"`. Default 2; other values fall back to it.
   */
  declare headingLevel: number | undefined;

  constructor() {
    super(resultsStrings);
    this.top = 5;
    this.headingLevel = undefined;
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
    return html`<section aria-labelledby="title">
      ${heading(levelOf(this.headingLevel, 2), this.t.title, 'title')}
      ${this.renderBody(state)}
    </section>`;
  }

  private renderBody(state: AsyncState<Contest[]> | undefined) {
    if (!state || state.status === 'idle' || (state.status === 'loading' && state.data === undefined)) {
      return html`<p role="status">${this.common.loading}</p>`;
    }
    if (state.status === 'error') {
      return html`<div role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.client?.contests.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    const ended = endedContests(state.data ?? []);
    if (ended.length === 0) return html`<p>${this.t.empty}</p>`;
    const n = (value: number) => formatNumber(value, this.lang_);
    const day = (iso: string) => new Date(iso).toLocaleDateString(this.lang_, { dateStyle: 'medium' });
    return html`<ul class="contests">
      ${ended.map((contest) => {
        const text = contestText(contest, this.lang_);
        const top = contest.entries.slice(0, this.top);
        const tied = (entry: LeaderboardEntry) => contest.entries.some((o) => o.rank === entry.rank && o.employeeId !== entry.employeeId);
        const me = contest.me;
        return html`<li class="contest" part="contest">
          ${heading(levelOf(this.headingLevel, 2) + 1, text.title, `contest-${contest.id}`, 'contest-title')}
          <p class="meta">${this.t.ended(day(contest.endsAt))} · ${this.t.prize(text.prize)}</p>
          ${
            top.length === 0
              ? html`<p>${this.t.noResults}</p>`
              : html`<ol aria-label=${text.title}>
                ${top.map((entry) => {
                  const isMe = entry.employeeId === me?.employeeId;
                  const isTied = tied(entry);
                  return html`<li class="row ${isMe ? 'is-me' : ''}" part="row" aria-current=${isMe ? 'true' : 'false'}>
                    <span class="rank"
                      >${this.t.rank(entry.rank, isTied)}${isTied && this.t.tied ? html`<span class="visually-hidden"> (${this.t.tied})</span>` : nothing}</span
                    >
                    <span>${entry.displayName}${isMe ? ` ${this.t.youMarker}` : ''}</span>
                    <span>${this.t.points(n(entry.points))}</span>
                  </li>`;
                })}
              </ol>`
          }
          <p class="mine" part="mine">${me ? this.t.yourPlace(n(me.rank), n(me.points)) : this.t.notPlaced}</p>
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-contest-results': AdvocacyContestResultsElement;
  }
}
