import { html } from 'lit';
import type { AsyncState, Badge } from '@advocacy-kit/core';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { heading, headingLevelProperty, levelOf } from '../internal/heading.js';
import * as badgesStrings from './badges.strings.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { formatNumber } from '../internal/format.js';
import { styles } from './badges.styles.js';

/** A star for earned badges, a ring for the rest; decorative, the text says the same. */
const icon = (earned: boolean) =>
  earned
    ? html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5-4.8-4.6 6.6-.9z" /></svg>`
    : html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="8.5" /></svg>`;

/**
 * @tag advocacy-badges
 * @summary The signed-in employee's badges: the ones earned, with the date, and the progress
 * toward the others (first share, ten shares, first lead, a weekly streak).
 *
 * @event advocacy-error - The badges failed to load. `detail: { source: 'badges', error }`.
 *
 * @csspart list - The list of badges.
 * @csspart badge - One badge.
 * @csspart earned - An earned badge (with `badge`).
 * @csspart progress - The progress bar of a badge not yet earned.
 * @csspart state - The loading, empty and error panels.
 *
 * @cssproperty --advocacy-color-accent - Earned badges and progress.
 * @cssproperty --advocacy-color-surface - Panel background.
 * @cssproperty --advocacy-color-text - Main text.
 * @cssproperty --advocacy-color-text-muted - Goals and badges not yet earned.
 * @cssproperty --advocacy-color-border - Borders.
 * @cssproperty --advocacy-radius - Panel corner radius.
 * @cssproperty --advocacy-font-family - Font stack.
 */
export class AdvocacyBadgesElement extends AdvocacyElement<(typeof badgesStrings)['en']> {
  static override styles = styles;
  static override properties = { headingLevel: headingLevelProperty };

  /**
   * The level (2–6) of its title heading, to fit the host page's outline: under a page whose only heading
   * is an `<h1>`, use `heading-level="2"`. Default 2; other values fall back to it.
   */
  declare headingLevel: number | undefined;

  constructor() {
    super(badgesStrings);
    this.headingLevel = undefined;
  }

  private readonly badges = new StoreController<AsyncState<Badge[]>>(
    this,
    () => this.client?.badges.store,
    (state, previous) => {
      if (state.status === 'error' && previous?.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'badges', error: state.error });
      }
    },
  );

  protected override render() {
    const state = this.badges.value;
    const list = state?.data ?? [];
    const earned = list.filter((badge) => badge.awardedAt !== null).length;
    return html`<section aria-labelledby="title">
      <div class="header">
        ${heading(levelOf(this.headingLevel, 2), this.t.title, 'title')}
        ${state?.status === 'ready' ? html`<p class="count">${this.t.earnedCount(formatNumber(earned, this.lang_), formatNumber(list.length, this.lang_))}</p>` : ''}
      </div>
      ${this.renderBody(state)}
    </section>`;
  }

  private renderBody(state: AsyncState<Badge[]> | undefined) {
    if (!state || state.status === 'idle' || (state.status === 'loading' && state.data === undefined)) {
      return html`<ul class="list" part="list" aria-busy="true" aria-label=${this.t.title}>
          ${[0, 1, 2, 3].map(() => html`<li class="badge" aria-hidden="true"><span class="skeleton line"></span></li>`)}
        </ul>
        <p class="visually-hidden" role="status">${this.common.loading}</p>`;
    }
    if (state.status === 'error') {
      return html`<div class="state" part="state" role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.client?.badges.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    const list = state.data ?? [];
    if (list.length === 0) return html`<div class="state" part="state" role="status"><p>${this.t.empty}</p></div>`;
    return html`<ul class="list" part="list">
      ${list.map((badge) => this.renderBadge(badge))}
    </ul>`;
  }

  private renderBadge(badge: Badge) {
    const earned = badge.awardedAt !== null;
    const target = formatNumber(badge.target, this.lang_);
    const date = earned ? new Intl.DateTimeFormat(this.lang_, { dateStyle: 'medium' }).format(new Date(badge.awardedAt!)) : '';
    const progress = this.t.progress(formatNumber(badge.progress, this.lang_), target);
    return html`<li class="badge ${earned ? 'earned' : 'locked'}" part=${earned ? 'badge earned' : 'badge'}>
      ${icon(earned)}
      <span class="text">
        <strong class="name">${this.t.names[badge.id]}</strong>
        <span class="goal">${this.t.goals[badge.id](target)}</span>
        ${
          earned
            ? html`<span class="when">${this.t.earnedOn(date)}</span>`
            : html`<span class="meter"
              ><progress part="progress" max=${badge.target} .value=${badge.progress} aria-label=${`${this.t.names[badge.id]}: ${progress}`}></progress
              ><span class="figure" aria-hidden="true">${progress}</span></span
            >`
        }
      </span>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-badges': AdvocacyBadgesElement;
  }
}
