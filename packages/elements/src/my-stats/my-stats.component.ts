import { html, nothing } from 'lit';
import { PERIODS, type AsyncState, type Badge, type Contest, type MyStats, type Period } from '@advocacy-kit/core';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { heading, headingLevelProperty, levelOf } from '../internal/heading.js';
import * as myStatsStrings from './my-stats.strings.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { formatDay, formatNumber } from '../internal/format.js';
import { segmented } from '../internal/segmented.js';
import { TimeChart } from '../internal/time-chart.js';
import { styles } from './my-stats.styles.js';

let instances = 0;

/**
 * @tag advocacy-my-stats
 * @summary The signed-in employee's results for a period: points, shares, unique clicks and
 * conversions, with a chart of points day by day, the badges earned and the rank in a running
 * contest (when the backend has badges and contests).
 *
 * The chart is an SVG with `role="img"` and a spoken summary, dates on its x axis and points on
 * its y axis. It is one tab stop: the arrow keys (and the pointer) pick a day, and a read-out
 * under it says the day and its figures. The same figures are in a visually hidden table for
 * screen-reader users who want every value.
 *
 * @event advocacy-error - The stats failed to load. `detail: { source: 'my-stats', error }`.
 *
 * @csspart header - Title and period choice.
 * @csspart period - The period choice.
 * @csspart figures - The four figures.
 * @csspart figure - One figure.
 * @csspart chart - The trend chart (the focusable box around its SVG).
 * @csspart achievements - Badges earned and the contest rank.
 * @csspart state - The loading and error panels.
 *
 * @cssproperty --advocacy-color-accent - Chart bars and the selected period.
 * @cssproperty --advocacy-color-surface - Panel background.
 * @cssproperty --advocacy-color-background - Figure tiles.
 * @cssproperty --advocacy-color-text - Main text.
 * @cssproperty --advocacy-color-text-muted - Labels.
 * @cssproperty --advocacy-color-border - Borders.
 * @cssproperty --advocacy-radius - Panel corner radius.
 * @cssproperty --advocacy-font-family - Font stack.
 */
export class AdvocacyMyStatsElement extends AdvocacyElement<(typeof myStatsStrings)['en']> {
  static override styles = styles;
  static override properties = { headingLevel: headingLevelProperty };

  /**
   * The level (2–6) of its title heading, to fit the host page's outline: under a page whose only heading
   * is an `<h1>`, use `heading-level="2"`. Default 2; other values fall back to it.
   */
  declare headingLevel: number | undefined;

  constructor() {
    super(myStatsStrings);
    this.headingLevel = undefined;
  }

  private readonly stats = new StoreController<AsyncState<MyStats>>(
    this,
    () => this.client?.myStats.store,
    (state, previous) => {
      if (state.status === 'error' && previous?.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'my-stats', error: state.error });
      }
    },
  );
  private readonly period = new StoreController<Period>(this, () => this.client?.myStats.period);
  private readonly badges = new StoreController<AsyncState<Badge[]>>(this, () => this.client?.badges.store);
  private readonly contests = new StoreController<AsyncState<Contest[]>>(this, () => this.client?.contests.store);
  private readonly name = `advocacy-stats-period-${++instances}`;
  private readonly trend = new TimeChart(this);

  protected override render() {
    return html`<section aria-labelledby="title">
      <div class="header" part="header">
        ${heading(levelOf(this.headingLevel, 2), this.t.title, 'title')}
        ${segmented({
          legend: this.common.periodLabel,
          name: this.name,
          part: 'period',
          values: PERIODS,
          current: this.period.value,
          label: (period) => this.common.periods[period],
          onPick: (period) => this.client?.myStats.setPeriod(period),
        })}
      </div>
      ${this.renderBody(this.stats.value)}
    </section>`;
  }

  private renderBody(state: AsyncState<MyStats> | undefined) {
    if (!state || state.status === 'idle' || state.status === 'loading') {
      return html`<div class="figures" part="figures" aria-hidden="true">
          ${[0, 1, 2, 3].map(() => html`<div class="figure skeleton"></div>`)}
        </div>
        <p class="visually-hidden" role="status">${this.common.loading}</p>`;
    }
    if (state.status === 'error' || !state.data) {
      return html`<div class="state" part="state" role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.client?.myStats.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    const stats = state.data;
    const figures: Array<[string, number]> = [
      [this.t.points, stats.points],
      [this.t.shares, stats.shares],
      [this.t.clicks, stats.clicks],
      [this.t.conversions, stats.conversions],
    ];
    return html`<dl class="figures" part="figures">
        ${figures.map(
          ([label, value]) => html`<div class="figure" part="figure">
            <dt>${label}</dt>
            <dd>${formatNumber(value, this.lang_)}</dd>
          </div>`,
        )}
      </dl>
      ${stats.rank !== null ? html`<p class="rank">${this.t.companyRank(stats.rank)}</p>` : nothing}
      ${this.renderAchievements()}
      ${this.renderTrend(stats)}`;
  }

  /** Badges earned and the best standing in a running contest, once loaded; nothing otherwise. */
  private renderAchievements() {
    const n = (value: number) => formatNumber(value, this.lang_);
    const badges = this.badges.value?.status === 'ready' ? this.badges.value.data! : [];
    const running =
      this.contests.value?.status === 'ready' ? this.contests.value.data!.filter((c) => c.status === 'active' && c.me !== null) : [];
    const lines = [
      ...(badges.length > 0 ? [this.t.badgesEarned(n(badges.filter((b) => b.awardedAt !== null).length), n(badges.length))] : []),
      ...running.map((c) => this.t.contestRank(n(c.me!.rank), c.title)),
    ];
    if (lines.length === 0) return nothing;
    return html`<ul class="achievements" part="achievements">
      ${lines.map((line) => html`<li>${line}</li>`)}
    </ul>`;
  }

  private renderTrend(stats: MyStats) {
    const series = stats.series;
    const total = series.reduce((sum, point) => sum + point.points, 0);
    if (series.length === 0 || total === 0) return html`<p class="chart-empty">${this.t.chartEmpty}</p>`;
    const best = series.reduce((top, point) => (point.points > top.points ? point : top));
    const label = this.t.chartSummary(
      formatNumber(total, this.lang_),
      series.length,
      formatNumber(best.points, this.lang_),
      formatDay(best.date, this.lang_),
    );
    const n = (value: number) => formatNumber(value, this.lang_);
    const chart = this.trend.render({
      days: series.map((point) => point.date.slice(0, 10)),
      series: [{ label: this.t.points, className: 'points', values: series.map((point) => point.points) }],
      name: this.t.chartName,
      summary: label,
      hint: this.t.chartHint,
      // The read-out gives the day's shares and clicks too, like the table.
      details: [
        { label: this.t.shares, values: series.map((point) => point.shares) },
        { label: this.t.clicks, values: series.map((point) => point.clicks) },
      ],
      readout: this.t.chartReadout,
      formatDay: (day) => formatDay(day, this.lang_),
      formatValue: n,
    });
    // The table is for screen readers. A table keeps its content's width whatever width it is
    // given, so it is hidden by a box that clips it: hidden itself, it widened a phone's page.
    return html`${chart}
      <div class="visually-hidden"><table>
        <caption>${this.t.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t.tableDate}</th>
            <th scope="col">${this.t.points}</th>
            <th scope="col">${this.t.shares}</th>
            <th scope="col">${this.t.clicks}</th>
          </tr>
        </thead>
        <tbody>
          ${series.map(
            (point) => html`<tr>
              <th scope="row">${formatDay(point.date, this.lang_)}</th>
              <td>${formatNumber(point.points, this.lang_)}</td>
              <td>${formatNumber(point.shares, this.lang_)}</td>
              <td>${formatNumber(point.clicks, this.lang_)}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-my-stats': AdvocacyMyStatsElement;
  }
}
