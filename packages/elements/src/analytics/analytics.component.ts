import { html, nothing, type PropertyValues } from 'lit';
import { CONTENT_KINDS, type AnalyticsSummary, type AsyncState, type Breakdown, type NetworkId, type Topic } from '@advocacy-kit/core';
import { ANALYTICS_PRESETS, type AnalyticsReport } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import * as en from '../i18n/en.js';
import * as ja from '../i18n/ja.js';
import * as adminEn from '../i18n/admin-en.js';
import * as adminJa from '../i18n/admin-ja.js';
import type { AdminStrings, CommonStrings } from '../i18n/index.js';
import { StoreController } from '../internal/store-controller.js';
import { adminOf } from '../internal/admin.js';
import { emit } from '../internal/events.js';
import { formatDay, formatNumber } from '../internal/format.js';
import { localized } from '../internal/topics.js';
import { segmented } from '../internal/segmented.js';
import { downloadCsv, toCsv } from '../internal/csv.js';
import { barChart, lineChart, mixChart } from './charts.js';
import { DEFAULT_CONTENT_MIX as MIX_TARGET } from '@advocacy-kit/core/rules';
import { compare, type Range } from './periods.js';
import { styles } from './analytics.styles.js';

type Strings = CommonStrings & Pick<AdminStrings, 'adminCommon' | 'adminResults' | 'analytics'>;

const strings = {
  en: { ...en.common, adminCommon: adminEn.adminCommon, adminResults: adminEn.adminResults, analytics: adminEn.analytics },
  ja: { ...ja.common, adminCommon: adminJa.adminCommon, adminResults: adminJa.adminResults, analytics: adminJa.analytics },
};

type Dimension = 'byNetwork' | 'byTopic' | 'byTeam' | 'byKind';
type Cell = string | number;

/**
 * @tag advocacy-analytics
 * @summary What the program earns over a chosen period, against the period before it:
 * participation, shares, estimated reach, unique human clicks, click-through, conversions and
 * their value; shares by network, topic, team and kind of content; the top advocates (by shares)
 * and top posts (by unique clicks); the content mix against the 6-3-1 target; and shares and
 * clicks day by day. Every plot is an accessible SVG with its numbers in a table, and every
 * table exports to CSV.
 *
 * @event advocacy-error - Loading failed. `detail: { source: 'analytics', error }`.
 *
 * @csspart range - The period choice.
 * @csspart kpis - The key figures.
 * @csspart kpi - One key figure with its change.
 * @csspart breakdown - One breakdown (chart, table, export).
 * @csspart top - The top advocates or the top posts (table, export).
 * @csspart chart - A plot.
 * @csspart table - A plot's numbers.
 * @csspart export-button - A CSV export.
 * @csspart state - Loading, empty and error states.
 *
 * @cssproperty --advocacy-color-accent - Bars and the shares line.
 * @cssproperty --advocacy-color-success - Rises.
 * @cssproperty --advocacy-color-danger - Falls.
 */
export class AdvocacyAnalyticsElement extends AdvocacyElement<Strings> {
  static override styles = styles;

  static override properties = {
    range: { reflect: true },
    tables: { state: true, attribute: false },
  };

  /** The period shown, in days back from now: `7`, `30` (default), `90` or `365`. */
  declare range: Range;
  declare private tables: ReadonlySet<string>;

  private readonly topics = new StoreController<AsyncState<Topic[]>>(this, () => this.client?.topics.store);
  private readonly report = new StoreController<AsyncState<AnalyticsReport>>(
    this,
    () => (this.client ? adminOf(this.client).analytics.store : undefined),
    (state, previous) => {
      if (previous && state.status === 'error' && previous.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'analytics', error: state.error });
      }
    },
  );

  constructor() {
    super(strings);
    this.range = '30';
    this.tables = new Set();
  }

  /** Loads the figures again. */
  refresh(): Promise<void> {
    return this.client ? adminOf(this.client).analytics.refresh() : Promise.resolve();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The window follows the `range` attribute (before the store is subscribed, so it loads once).
    if (this.client && (changed.has('range') || changed.has('client'))) adminOf(this.client).analytics.setWindow(this.range);
  }

  private n(value: number, options?: Intl.NumberFormatOptions): string {
    return options ? new Intl.NumberFormat(this.lang_, options).format(value) : formatNumber(value, this.lang_);
  }

  protected override render() {
    const t = this.t;
    return html`<section aria-labelledby="heading">
      <div class="header">
        <h2 id="heading">${t.analytics.title}</h2>
        ${segmented<Range>({
          legend: t.analytics.rangeLabel,
          name: 'range',
          part: 'range',
          values: ANALYTICS_PRESETS,
          current: this.range,
          label: (range) => t.analytics.ranges[range],
          onPick: (range) => (this.range = range),
        })}
      </div>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    const t = this.t;
    const state = this.report.value ?? { status: 'idle', data: undefined, error: null };
    if (state.status === 'error' && !state.data) {
      return html`<div class="state" part="state" role="alert">
        <strong>${t.analytics.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.refresh()}>${t.retry}</button>
      </div>`;
    }
    if (!state.data) {
      return html`<div class="kpis" part="state" aria-busy="true">
        <span class="visually-hidden">${t.loading}</span>
        ${[0, 1, 2, 3, 4, 5].map(() => html`<span class="kpi skeleton" aria-hidden="true"></span>`)}
      </div>`;
    }
    const { current, previous, teams } = state.data;
    const day = (iso: string) => formatDay(iso, this.lang_);
    const team = (key: string | null) => teams.find((candidate) => candidate.id === key)?.name ?? key ?? '';
    return html`<div aria-busy=${state.status === 'loading' ? 'true' : 'false'} class="body">
      <p class="compared">${t.analytics.comparedWith(day(previous.from), day(previous.to))}</p>
      ${this.renderKpis(current, previous)}
      ${current.shares === 0 ? html`<p class="state" part="state" role="status">${t.analytics.empty}</p>` : nothing}
      <div class="grid">
        ${this.renderBreakdown('byNetwork', t.analytics.byNetwork, current.byNetwork, (key) => t.adminCommon.networkNames[key as NetworkId] ?? key)}
        ${this.renderBreakdown('byTopic', t.analytics.byTopic, current.byTopic, (key) => this.topicName(key))}
        ${this.renderBreakdown('byTeam', t.analytics.byTeam, current.byTeam, team)}
        ${this.renderBreakdown('byKind', t.analytics.byKind, current.byKind, (key) => t.adminCommon.kinds[key as keyof typeof t.adminCommon.kinds] ?? key)}
      </div>
      ${this.renderTop(
        'topAdvocates',
        [t.analytics.colKey, t.adminResults.colTeam, t.adminResults.colShares, t.analytics.colClicks],
        current.topAdvocates.map((row) => [row.displayName, team(row.team), row.shares, row.clicks]),
        t.adminResults.topAdvocatesEmpty,
      )}
      ${this.renderTop(
        'topPosts',
        [t.adminResults.colTitle, t.adminResults.colKind, t.adminResults.colShares, t.analytics.colClicks, t.adminResults.colConversions],
        current.topPosts.map((row) => [row.title, t.adminCommon.kinds[row.kind] ?? row.kind, row.shares, row.clicks, row.conversions]),
        t.adminResults.topPostsEmpty,
      )}
      ${this.renderMix(current)} ${this.renderSeries(current)}
    </div>`;
  }

  private topicName(id: string): string {
    const topic = this.topics.value?.data?.find((candidate) => candidate.id === id);
    return topic ? localized(topic.names, this.lang_) : id || this.t.adminCommon.noTopic;
  }

  private kpis(summary: AnalyticsSummary): Array<[string, string, number, string]> {
    const t = this.t;
    const percent = { style: 'percent', maximumFractionDigits: 1 } as const;
    const shareRate = summary.activeAdvocates > 0 ? summary.shares / summary.activeAdvocates : 0;
    const clickThrough = summary.estimatedReach > 0 ? summary.uniqueClicks / summary.estimatedReach : 0;
    return [
      ['advocates', t.analytics.kpiAdvocates, summary.activeAdvocates, `${this.n(summary.activeAdvocates)} / ${this.n(summary.employees)}`],
      ['participation', t.analytics.kpiParticipation, summary.participationRate, this.n(summary.participationRate, percent)],
      ['share-rate', t.analytics.kpiShareRate, shareRate, this.n(shareRate, { maximumFractionDigits: 1 })],
      ['shares', t.analytics.kpiShares, summary.shares, this.n(summary.shares)],
      ['reach', t.analytics.kpiReach, summary.estimatedReach, this.n(summary.estimatedReach)],
      ['clicks', t.analytics.kpiClicks, summary.uniqueClicks, this.n(summary.uniqueClicks)],
      ['click-through', t.analytics.kpiClickThrough, clickThrough, this.n(clickThrough, { style: 'percent', maximumFractionDigits: 2 })],
      ['conversions', t.analytics.kpiConversions, summary.conversions, this.n(summary.conversions)],
      ['value', t.analytics.kpiValue, summary.conversionValue, this.n(summary.conversionValue)],
    ];
  }

  private renderKpis(current: AnalyticsSummary, previous: AnalyticsSummary) {
    const t = this.t;
    const before = new Map(this.kpis(previous).map(([key, , value]) => [key, value]));
    const rows = this.kpis(current).map(([key, label, value, display]) => {
      const change = compare(value, before.get(key) ?? 0);
      const text =
        change.kind === 'same' ? t.analytics.noChange : change.kind === 'new' ? t.analytics.noPrevious : t.analytics.change(this.n(change.ratio, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }));
      return { key, label, display, text, direction: change.kind === 'ratio' ? (change.ratio > 0 ? 'up' : 'down') : 'flat' };
    });
    const exportKpis = () =>
      downloadCsv('analytics-kpis.csv', toCsv([t.analytics.colKey, current.from.slice(0, 10), previous.from.slice(0, 10)], this.kpis(current).map(([key, label, value]) => [label, value, before.get(key) ?? 0])));
    return html`<dl class="kpis" part="kpis">
        ${rows.map(
          (row) => html`<div class="kpi" part="kpi" data-kpi=${row.key}>
            <dt>${row.label}</dt>
            <dd class="value">${row.display}</dd>
            <dd class="change ${row.direction}">${row.text}</dd>
          </div>`,
        )}
      </dl>
      <button class="export" part="export-button" @click=${exportKpis}>${t.adminCommon.exportCsv}</button>`;
  }

  private tableToggle(id: string, title: string) {
    const open = this.tables.has(id);
    return html`<button
      class="link"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="${id}-table"
      aria-label="${this.t.analytics.showTable}: ${title}"
      @click=${() => {
        const next = new Set(this.tables);
        if (!next.delete(id)) next.add(id);
        this.tables = next;
      }}
    >
      ${this.t.analytics.showTable}
    </button>`;
  }

  /** `rows` as a table labelled by `${id}-title`: the first cell heads its row, the first `text` columns are words, the rest numbers. */
  private table(id: string, header: readonly string[], rows: ReadonlyArray<readonly Cell[]>, text = 1, hidden = false) {
    const align = (index: number) => (index < text ? '' : 'number');
    return html`<table id="${id}-table" part="table" class=${hidden ? 'visually-hidden' : ''} aria-labelledby="${id}-title">
      <thead>
        <tr>${header.map((cell, index) => html`<th scope="col" class=${align(index)}>${cell}</th>`)}</tr>
      </thead>
      <tbody>
        ${rows.map(
          ([head, ...cells]) => html`<tr>
            <th scope="row">${head}</th>
            ${cells.map((cell, index) => html`<td class=${align(index + 1)}>${typeof cell === 'number' ? this.n(cell) : cell}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private exportButton(file: string, title: string, header: readonly string[], rows: ReadonlyArray<readonly Cell[]>) {
    return html`<button class="link" part="export-button" aria-label="${this.t.adminCommon.exportCsv}: ${title}" @click=${() => downloadCsv(`analytics-${file}.csv`, toCsv(header, rows))}>
      ${this.t.adminCommon.exportCsv}
    </button>`;
  }

  private renderTop(id: 'topAdvocates' | 'topPosts', header: string[], rows: Cell[][], empty: string) {
    const title = this.t.adminResults[id];
    return html`<div class="breakdown" part="top">
      <h3 id="${id}-title">${title}</h3>
      ${rows.length > 0
        ? html`${this.table(id, header, rows, 2)}
            <div class="tools">${this.exportButton(id, title, header, rows)}</div>`
        : html`<p class="state" part="state">${empty}</p>`}
    </div>`;
  }

  private renderBreakdown(id: Dimension, title: string, rows: Breakdown[], name: (key: string) => string) {
    const t = this.t;
    const sorted = [...rows].sort((a, b) => b.shares - a.shares);
    const total = sorted.reduce((sum, row) => sum + row.shares, 0);
    const summary = t.analytics.chartSummary(title, this.n(total), sorted[0] ? name(sorted[0].key) : '');
    const header = [t.analytics.colKey, t.adminResults.colShares, t.analytics.colClicks, t.adminResults.colConversions];
    const cells = sorted.map((row) => [name(row.key), row.shares, row.clicks, row.conversions]);
    return html`<div class="breakdown" part="breakdown">
      <h3 id="${id}-title">${title}</h3>
      ${barChart(sorted.map((row) => ({ label: name(row.key), value: row.shares, display: this.n(row.shares) })), summary)}
      <div class="tools">${this.tableToggle(id, title)} ${this.exportButton(id, title, header, cells)}</div>
      ${this.table(id, header, cells, 1, !this.tables.has(id))}
    </div>`;
  }

  private renderMix(current: AnalyticsSummary) {
    const t = this.t;
    const total = current.byKind.reduce((sum, row) => sum + row.shares, 0);
    const data = CONTENT_KINDS.map((kind) => ({
      label: t.adminCommon.kinds[kind],
      actual: total > 0 ? (current.byKind.find((row) => row.key === kind)?.shares ?? 0) / total : 0,
      target: MIX_TARGET[kind],
    }));
    const percent = (value: number) => this.n(value, { style: 'percent', maximumFractionDigits: 0 });
    const summary = `${t.analytics.mixTitle}: ${data.map((d) => `${d.label} ${percent(d.actual)} (${t.analytics.mixTarget} ${percent(d.target)})`).join(', ')}`;
    const header = [t.analytics.colKey, t.analytics.colShareOfMix, t.analytics.colTargetOfMix];
    return html`<div class="breakdown mix" part="breakdown">
      <h3 id="mix-title">${t.analytics.mixTitle}</h3>
      ${mixChart(data, { actual: t.analytics.mixActual, target: t.analytics.mixTarget }, summary)}
      <ul class="legend">
        ${data.map((d, index) => html`<li><span class="swatch mix-${index}" aria-hidden="true"></span>${d.label}</li>`)}
      </ul>
      <div class="tools">
        ${this.tableToggle('mix', t.analytics.mixTitle)}
        ${this.exportButton('mix', t.analytics.mixTitle, header, data.map((d) => [d.label, d.actual.toFixed(3), d.target]))}
      </div>
      ${this.table('mix', header, data.map((d) => [d.label, percent(d.actual), percent(d.target)]), 1, !this.tables.has('mix'))}
    </div>`;
  }

  private renderSeries(current: AnalyticsSummary) {
    const t = this.t;
    const days = current.byDay;
    const peak = days.reduce<Breakdown | null>((best, row) => (row.shares > (best?.shares ?? 0) ? row : best), null);
    const summary = `${t.analytics.overTime}: ${t.analytics.seriesSummary(days.length, this.n(current.shares), peak ? formatDay(peak.key, this.lang_) : '', peak ? this.n(peak.shares) : '')}`;
    const header = [t.analytics.colDay, t.adminResults.colShares, t.analytics.colClicks, t.adminResults.colConversions];
    return html`<div class="breakdown series" part="breakdown">
      <h3 id="series-title">${t.analytics.overTime}</h3>
      ${lineChart(
        [
          { className: 'shares', values: days.map((row) => row.shares) },
          { className: 'clicks', values: days.map((row) => row.clicks) },
        ],
        summary,
      )}
      <ul class="legend">
        <li><span class="swatch shares" aria-hidden="true"></span>${t.adminResults.colShares}</li>
        <li><span class="swatch clicks" aria-hidden="true"></span>${t.analytics.colClicks}</li>
      </ul>
      <div class="tools">
        ${this.tableToggle('series', t.analytics.overTime)}
        ${this.exportButton('daily', t.analytics.overTime, header, days.map((row) => [row.key, row.shares, row.clicks, row.conversions]))}
      </div>
      ${this.table('series', header, days.map((row) => [formatDay(row.key, this.lang_), row.shares, row.clicks, row.conversions]), 1, !this.tables.has('series'))}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-analytics': AdvocacyAnalyticsElement;
  }
}
