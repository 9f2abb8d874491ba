import { html, nothing } from 'lit';
import { PERIODS, SCOPES, type AsyncState, type Leaderboard, type LeaderboardEntry, type Period, type Scope } from '@advocacy-kit/core';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { heading, headingLevelProperty, levelOf } from '../internal/heading.js';
import * as leaderboardStrings from './leaderboard.strings.js';
import { StoreController } from '../internal/store-controller.js';
import { avatar } from '../internal/avatar.js';
import { emit } from '../internal/events.js';
import { formatNumber } from '../internal/format.js';
import { segmented } from '../internal/segmented.js';
import { styles } from './leaderboard.styles.js';

let instances = 0;

/**
 * @tag advocacy-leaderboard
 * @summary Who shared most: ranks with avatars and points for a period (week, month, quarter,
 * all time) and a scope (company or my team). The signed-in employee is highlighted, and shown
 * below the list when outside the top. Equal points share a rank (1, 2, 2, 4), shown as a tie
 * ("=2", with "tied" for screen readers); within a tie the backend's order holds.
 *
 * @event advocacy-error - The leaderboard failed to load. `detail: { source: 'leaderboard', error }`.
 *
 * @csspart header - Title and controls.
 * @csspart period - The period choice.
 * @csspart scope - The scope choice.
 * @csspart list - The ranked list.
 * @csspart row - One ranked employee.
 * @csspart me - The signed-in employee's row.
 * @csspart avatar - An avatar picture or initials.
 * @csspart points - A points figure.
 * @csspart state - The loading, empty and error panels.
 *
 * @cssproperty --advocacy-color-accent - The selected controls and the top ranks.
 * @cssproperty --advocacy-color-highlight - The signed-in employee's row.
 * @cssproperty --advocacy-color-surface - Panel background.
 * @cssproperty --advocacy-color-text - Main text.
 * @cssproperty --advocacy-color-text-muted - Teams and secondary text.
 * @cssproperty --advocacy-color-border - Borders.
 * @cssproperty --advocacy-radius - Panel corner radius.
 * @cssproperty --advocacy-font-family - Font stack.
 */
export class AdvocacyLeaderboardElement extends AdvocacyElement<(typeof leaderboardStrings)['en']> {
  static override styles = styles;
  static override properties = { headingLevel: headingLevelProperty };

  /**
   * The level (2–6) of its title heading, to fit the host page's outline: under a page whose only heading
   * is an `<h1>`, use `heading-level="2"`. Default 2; other values fall back to it.
   */
  declare headingLevel: number | undefined;

  constructor() {
    super(leaderboardStrings);
    this.headingLevel = undefined;
  }

  private readonly board = new StoreController<AsyncState<Leaderboard>>(
    this,
    () => this.client?.leaderboard.store,
    (state, previous) => {
      if (state.status === 'error' && previous?.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'leaderboard', error: state.error });
      }
    },
  );
  private readonly period = new StoreController<Period>(this, () => this.client?.leaderboard.period);
  private readonly scope = new StoreController<Scope>(this, () => this.client?.leaderboard.scope);
  private readonly name = `advocacy-leaderboard-${++instances}`;

  protected override render() {
    return html`<section aria-labelledby="title">
      <div class="header" part="header">
        ${heading(levelOf(this.headingLevel, 2), this.t.title, 'title')}
        <div class="controls">
          ${segmented({
            legend: this.common.periodLabel,
            name: `${this.name}-period`,
            part: 'period',
            values: PERIODS,
            current: this.period.value,
            label: (period) => this.common.periods[period],
            onPick: (period) => this.client?.leaderboard.setPeriod(period),
          })}
          ${segmented({
            legend: this.t.scopeLabel,
            name: `${this.name}-scope`,
            part: 'scope',
            values: SCOPES,
            current: this.scope.value,
            label: (scope) => this.t.scopes[scope],
            onPick: (scope) => this.client?.leaderboard.setScope(scope),
          })}
        </div>
      </div>
      ${this.renderBody(this.board.value)}
    </section>`;
  }

  private renderBody(state: AsyncState<Leaderboard> | undefined) {
    if (!state || state.status === 'idle' || state.status === 'loading') {
      return html`<ol class="list" part="list" aria-busy="true" aria-label=${this.t.title}>
          ${[0, 1, 2, 3, 4].map(() => html`<li class="row" aria-hidden="true"><span class="skeleton line"></span></li>`)}
        </ol>
        <p class="visually-hidden" role="status">${this.common.loading}</p>`;
    }
    if (state.status === 'error') {
      return html`<div class="state" part="state" role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.client?.leaderboard.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    const board = state.data;
    const entries = board?.entries ?? [];
    const me = board?.me ?? null;
    // Equal points share a rank; a shared rank is shown as a tie.
    const tied = (entry: LeaderboardEntry) => entries.some((other) => other.rank === entry.rank && other.employeeId !== entry.employeeId);
    // The employee's own rank, below the board when they are not on it: also when nobody is (an
    // anonymous board where no one has opted in to be shown still tells them where they stand).
    const mine =
      me && !entries.some((entry) => entry.employeeId === me.employeeId)
        ? html`<ol class="list mine" part="list" aria-label=${this.t.you}>
            ${this.renderRow(me, true, tied(me))}
          </ol>`
        : nothing;
    if (!board || entries.length === 0) {
      return html`<div class="state" part="state" role="status"><p>${this.t.empty}</p></div>
        ${mine}`;
    }
    return html`<ol class="list" part="list" aria-label=${this.t.title}>
        ${entries.map((entry) => this.renderRow(entry, entry.employeeId === me?.employeeId, tied(entry)))}
      </ol>
      ${mine}
      <p class="participants">${this.t.participants(formatNumber(board.participants, this.lang_))}</p>`;
  }

  private renderRow(entry: LeaderboardEntry, isMe: boolean, tied: boolean) {
    return html`<li class="row ${isMe ? 'is-me' : ''} ${entry.rank <= 3 ? 'top' : ''}" part=${isMe ? 'row me' : 'row'} aria-current=${isMe ? 'true' : 'false'}>
      <span class="rank">${this.t.rank(entry.rank, tied)}${tied && this.t.tied ? html`<span class="visually-hidden"> (${this.t.tied})</span>` : nothing}</span>
      ${avatar(entry.displayName, entry.avatarUrl)}
      <span class="who">
        <span class="name">${entry.displayName}${isMe ? html` <span class="you">${this.t.youMarker}</span>` : nothing}</span>
        <span class="team">${entry.teamName}</span>
      </span>
      <span class="points" part="points">${this.t.points(formatNumber(entry.points, this.lang_))}</span>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-leaderboard': AdvocacyLeaderboardElement;
  }
}
