import { html, nothing, type PropertyValues } from 'lit';
import {
  CONTENT_KINDS,
  type AnalyticsSummary,
  type AsyncState,
  type Breakdown,
  type ContentKind,
  type NetworkId,
  type Topic,
} from '@advocacy-kit/core';
import { installHttpAdmin, ANALYTICS_PRESETS, type AnalyticsReport } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import * as adminEn from '../i18n/admin-en.js';
import * as adminJa from '../i18n/admin-ja.js';
import type { AdminStrings } from '../i18n/index.js';
import { StoreController } from '../internal/store-controller.js';
import { adminOf } from '../internal/admin.js';
import { emit } from '../internal/events.js';
import { formatDay, formatMoney, formatNumber, minorDigits } from '../internal/format.js';
import { topicName } from '../internal/topics.js';
import { segmented } from '../internal/segmented.js';
import { downloadCsv, toCsv } from '../internal/csv.js';
import { barChart, mixChart } from './charts.js';
import { ChartWidths } from '../internal/chart-width.js';
import { TimeChart, everyDay } from '../internal/time-chart.js';
import { DEFAULT_CONTENT_MIX as MIX_TARGET } from '@advocacy-kit/core/rules';
import { compare, type Range } from './periods.js';
import { styles } from './analytics.styles.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

type Strings = Pick<AdminStrings, 'adminCommon' | 'adminResults' | 'analytics'>;

const strings = {
  en: { adminCommon: adminEn.adminCommon, adminResults: adminEn.adminResults, analytics: adminEn.analytics },
  ja: { adminCommon: adminJa.adminCommon, adminResults: adminJa.adminResults, analytics: adminJa.analytics },
};

type Dimension = 'byNetwork' | 'byTopic' | 'byTeam' | 'byKind';
type Cell = string | number;

/** A key figure: what it measures, its value and how it reads on screen and in the CSV. */
interface Kpi {
  key: string;
  label: string;
  value: number;
  display: string;
  /** Its CSV row's name. */
  csv: string;
  /** Decimals in the CSV. */
  digits: number;
  /** The CSV's value is `value` times this (100 for a rate in percent). */
  scale?: number;
}

/**
 * The currencies of either period's conversion value, the current period's order (biggest first)
 * then the previous one's; null when a backend sends no per-currency values or there are none.
 */
function currenciesOf(current: AnalyticsSummary, previous: AnalyticsSummary): string[] | null {
  if (!current.conversionValueByCurrency || !previous.conversionValueByCurrency) return null;
  const codes = new Set([...current.conversionValueByCurrency, ...previous.conversionValueByCurrency].map((row) => row.currency));
  return codes.size > 0 ? [...codes] : null;
}

/**
 * @tag advocacy-analytics
 * @summary What the program earns over a chosen period, against the period before it:
 * participation, shares, estimated reach, unique human clicks, click-through, conversions and
 * their value (as money, one figure per currency: values in different currencies are never
 * added up); shares by network, topic, team and kind of content; the top advocates (by shares)
 * and top posts (by unique clicks); the content mix against the 6-3-1 target; and shares and
 * clicks day by day, one panel each with its own scale and a read-out of the day under the
 * pointer or picked with the arrow keys. Every plot is an accessible SVG with its numbers in a
 * table, and every table exports to CSV.
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

  private readonly widths = new ChartWidths(this);
  private readonly overTime = new TimeChart(this);

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
    const t = this.t.analytics;
    return html`<section aria-labelledby="heading">
      <div class="header">
        <h2 id="heading">${t.title}</h2>
        ${segmented<Range>({
          legend: t.rangeLabel,
          name: 'range',
          part: 'range',
          values: ANALYTICS_PRESETS,
          current: this.range,
          label: (range) => t.ranges[range],
          onPick: (range) => (this.range = range),
        })}
      </div>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    const { adminCommon: common, adminResults: results, analytics: t } = this.t;
    const state = this.report.value ?? { status: 'idle', data: undefined, error: null };
    if (state.status === 'error' && !state.data) {
      return html`<div class="state" part="state" role="alert">
        <strong>${t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    if (!state.data) {
      return html`<div class="kpis" part="state" aria-busy="true">
        <span class="visually-hidden">${this.common.loading}</span>
        ${[0, 1, 2, 3, 4, 5].map(() => html`<span class="kpi skeleton" aria-hidden="true"></span>`)}
      </div>`;
    }
    const { current, previous, teams } = state.data;
    const day = (iso: string) => formatDay(iso, this.lang_);
    const team = (key: string | null) => teams.find((candidate) => candidate.id === key)?.name ?? key ?? '';
    return html`<div aria-busy=${state.status === 'loading' ? 'true' : 'false'} class="body">
      <p class="compared">${t.comparedWith(day(previous.from), day(previous.to))}</p>
      ${this.renderKpis(current, previous)}
      ${current.shares === 0 ? html`<p class="state" part="state" role="status">${t.empty}</p>` : nothing}
      <div class="grid">
        ${this.renderBreakdown('byNetwork', current.byNetwork, (key) => common.networkNames[key as NetworkId] ?? key)}
        ${this.renderBreakdown('byTopic', current.byTopic, (key) => topicName(this.topics.value?.data, key, this.lang_) || common.noTopic)}
        ${this.renderBreakdown('byTeam', current.byTeam, team)}
        ${this.renderBreakdown('byKind', current.byKind, (key) => common.kinds[key as ContentKind] ?? key)}
      </div>
      ${this.renderTop(
        'topAdvocates',
        [t.colKey, results.colTeam, results.colShares, t.colClicks],
        current.topAdvocates.map((row) => [row.displayName, team(row.team), row.shares, row.clicks]),
      )}
      ${this.renderTop(
        'topPosts',
        [results.colTitle, results.colKind, results.colShares, t.colClicks, results.colConversions],
        current.topPosts.map((row) => [row.title, common.kinds[row.kind] ?? row.kind, row.shares, row.clicks, row.conversions]),
      )}
      ${this.renderMix(current)} ${this.renderSeries(current)}
    </div>`;
  }

  /**
   * The key figures of `summary`. Conversion value is one figure per currency of either period
   * (`currencies`, the current period's order first), as money; a backend that sends no
   * per-currency values keeps the summed figure.
   */
  private kpis(summary: AnalyticsSummary, currencies: readonly string[] | null): Kpi[] {
    const t = this.t.analytics;
    const percent = (value: number, digits: number) => this.n(value, { style: 'percent', maximumFractionDigits: digits });
    const shareRate = summary.activeAdvocates > 0 ? summary.shares / summary.activeAdvocates : 0;
    const clickThrough = summary.estimatedReach > 0 ? summary.uniqueClicks / summary.estimatedReach : 0;
    // Rates as percentages and averages to two decimals, as a spreadsheet reader wants them.
    const figure = (key: string, label: string, value: number, display: string): Kpi => ({
      key,
      label,
      value,
      display,
      csv: label,
      digits: 2,
    });
    const rate = (key: string, label: string, value: number, digits: number): Kpi => ({
      ...figure(key, label, value, percent(value, digits)),
      csv: `${label} (%)`,
      scale: 100,
    });
    const money =
      currencies === null
        ? [figure('value', t.kpiValue, summary.conversionValue, this.n(summary.conversionValue))]
        : currencies.map((currency) => {
            const value = summary.conversionValueByCurrency?.find((row) => row.currency === currency)?.value ?? 0;
            const label = t.kpiValueIn(currency);
            // Money to its currency's minor units: cents for USD and EUR, whole yen.
            return {
              ...figure(`value-${currency}`, label, value, formatMoney(value, currency, this.lang_)),
              digits: minorDigits(currency),
            };
          });
    return [
      figure('advocates', t.kpiAdvocates, summary.activeAdvocates, `${this.n(summary.activeAdvocates)} / ${this.n(summary.employees)}`),
      rate('participation', t.kpiParticipation, summary.participationRate, 1),
      figure('share-rate', t.kpiShareRate, shareRate, this.n(shareRate, { maximumFractionDigits: 1 })),
      figure('shares', t.kpiShares, summary.shares, this.n(summary.shares)),
      figure('reach', t.kpiReach, summary.estimatedReach, this.n(summary.estimatedReach)),
      figure('clicks', t.kpiClicks, summary.uniqueClicks, this.n(summary.uniqueClicks)),
      rate('click-through', t.kpiClickThrough, clickThrough, 2),
      figure('conversions', t.kpiConversions, summary.conversions, this.n(summary.conversions)),
      ...money,
    ];
  }

  private renderKpis(current: AnalyticsSummary, previous: AnalyticsSummary) {
    const t = this.t.analytics;
    const currencies = currenciesOf(current, previous);
    const now = this.kpis(current, currencies);
    const before = new Map(this.kpis(previous, currencies).map((kpi) => [kpi.key, kpi.value]));
    const rows = now.map(({ key, label, value, display }) => {
      const change = compare(value, before.get(key) ?? 0);
      const text =
        change.kind === 'same'
          ? t.noChange
          : change.kind === 'new'
            ? t.noPrevious
            : t.change(this.n(change.ratio, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }));
      return { key, label, display, text, direction: change.kind === 'ratio' ? (change.ratio > 0 ? 'up' : 'down') : 'flat' };
    });
    // Periods as ISO dates; each figure rounded to its digits.
    const cell = (kpi: Kpi, value: number) => {
      const factor = 10 ** kpi.digits;
      return Math.round(value * (kpi.scale ?? 1) * factor) / factor;
    };
    const exportKpis = () =>
      downloadCsv(
        'analytics-kpis.csv',
        toCsv(
          [
            t.csvMeasure,
            t.csvPeriod('current', current.from.slice(0, 10), current.to.slice(0, 10)),
            t.csvPeriod('previous', previous.from.slice(0, 10), previous.to.slice(0, 10)),
          ],
          now.map((kpi) => [kpi.csv, cell(kpi, kpi.value), cell(kpi, before.get(kpi.key) ?? 0)]),
        ),
      );
    return html`<dl class="kpis" part="kpis">
        ${rows.map(
          (row) => html`<div class="kpi" part="kpi" data-kpi=${row.key}>
            <dt>${row.label}</dt>
            <dd class="value">${row.display}</dd>
            <dd class="change ${row.direction}">${row.text}</dd>
          </div>`,
        )}
      </dl>
      <button class="export" part="export-button" @click=${exportKpis}>${this.t.adminCommon.exportCsv}</button>`;
  }

  /** `rows` as a table labelled by `${id}-title`: the first cell heads its row, the first `text` columns are words, the rest numbers. */
  private table(id: string, header: readonly string[], rows: ReadonlyArray<readonly Cell[]>, text = 1, hidden = false) {
    const align = (index: number) => (index < text ? '' : 'number');
    // A wide table scrolls inside its own box rather than widening the page (a phone, 200% zoom); a
    // hidden one sits in a 1-pixel box that clips it, so it can't widen the page either.
    // The visible box is focusable, so a keyboard can scroll it sideways.
    return html`<div
      class=${hidden ? 'visually-hidden' : 'table-scroll'}
      tabindex=${hidden ? nothing : '0'}
      role=${hidden ? nothing : 'region'}
      aria-labelledby=${hidden ? nothing : `${id}-title`}
    ><table id="${id}-table" part="table" class=${hidden ? 'visually-hidden' : ''} aria-labelledby="${id}-title">
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
    </table></div>`;
  }

  private exportButton(file: string, title: string, header: readonly string[], rows: ReadonlyArray<readonly Cell[]>) {
    const words = this.t.adminCommon.exportCsv;
    return html`<button class="link" part="export-button" aria-label="${words}: ${title}" @click=${() => downloadCsv(`analytics-${file}.csv`, toCsv(header, rows))}>
      ${words}
    </button>`;
  }

  private renderTop(id: 'topAdvocates' | 'topPosts', header: string[], rows: Cell[][]) {
    const title = this.t.adminResults[id];
    return html`<div class="breakdown" part="top">
      <h3 id="${id}-title">${title}</h3>
      ${
        rows.length > 0
          ? html`${this.table(id, header, rows, 2)}
            <div class="tools">${this.exportButton(id, title, header, rows)}</div>`
          : html`<p class="state" part="state">${this.t.adminResults[`${id}Empty`]}</p>`
      }
    </div>`;
  }

  /**
   * One plot with its title, a button that shows its numbers as a table (hidden until asked
   * for, but read by screen readers), and the CSV export of `file` (`exported`, or the table's rows).
   */
  private plot(
    id: string,
    className: string,
    title: string,
    chart: unknown,
    header: readonly string[],
    rows: readonly Cell[][],
    exported: { file: string; rows: readonly Cell[][] },
  ) {
    const open = this.tables.has(id);
    const showTable = this.t.analytics.showTable;
    return html`<div class="breakdown ${className}" part="breakdown" ${this.widths.ref(id)}>
      <h3 id="${id}-title">${title}</h3>
      ${chart}
      <div class="tools">
        <button
          class="link"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="${id}-table"
          aria-label="${showTable}: ${title}"
          @click=${() => {
            const next = new Set(this.tables);
            if (!next.delete(id)) next.add(id);
            this.tables = next;
          }}
        >
          ${showTable}
        </button>
        ${this.exportButton(exported.file, title, header, exported.rows)}
      </div>
      ${this.table(id, header, rows, 1, !open)}
    </div>`;
  }

  private renderBreakdown(id: Dimension, rows: Breakdown[], name: (key: string) => string) {
    const { adminResults: results, analytics: t } = this.t;
    const title = t[id];
    const sorted = [...rows].sort((a, b) => b.shares - a.shares);
    const total = sorted.reduce((sum, row) => sum + row.shares, 0);
    const summary = t.chartSummary(title, this.n(total), sorted[0] ? name(sorted[0].key) : '');
    const cells = sorted.map((row) => [name(row.key), row.shares, row.clicks, row.conversions]);
    const chart = barChart(
      sorted.map((row) => ({ label: name(row.key), value: row.shares, display: this.n(row.shares) })),
      summary,
      this.widths.width(id, 300),
    );
    return this.plot(id, '', title, chart, [t.colKey, results.colShares, t.colClicks, results.colConversions], cells, {
      file: id,
      rows: cells,
    });
  }

  private renderMix(current: AnalyticsSummary) {
    const { adminCommon: common, analytics: t } = this.t;
    const total = current.byKind.reduce((sum, row) => sum + row.shares, 0);
    const data = CONTENT_KINDS.map((kind) => ({
      label: common.kinds[kind],
      actual: total > 0 ? (current.byKind.find((row) => row.key === kind)?.shares ?? 0) / total : 0,
      target: MIX_TARGET[kind],
    }));
    const percent = (value: number) => this.n(value, { style: 'percent', maximumFractionDigits: 0 });
    const summary = `${t.mixTitle}: ${data.map((d) => `${d.label} ${percent(d.actual)} (${t.mixTarget} ${percent(d.target)})`).join(', ')}`;
    const chart = html`${mixChart(data, { actual: t.mixActual, target: t.mixTarget }, summary, this.widths.width('mix'))}
      <ul class="legend">
        ${data.map((d, index) => html`<li><span class="swatch mix-${index}" aria-hidden="true"></span>${d.label}</li>`)}
      </ul>`;
    return this.plot(
      'mix',
      'mix',
      t.mixTitle,
      chart,
      [t.colKey, t.colShareOfMix, t.colTargetOfMix],
      data.map((d) => [d.label, percent(d.actual), percent(d.target)]),
      { file: 'mix', rows: data.map((d) => [d.label, d.actual.toFixed(3), d.target]) },
    );
  }

  private renderSeries(current: AnalyticsSummary) {
    const { adminResults: results, analytics: t } = this.t;
    const days = current.byDay;
    const day = (key: string) => formatDay(key, this.lang_);
    const peak = days.reduce<Breakdown | null>((best, row) => (row.shares > (best?.shares ?? 0) ? row : best), null);
    const summary = `${t.overTime}: ${t.seriesSummary(days.length, this.n(current.shares), peak ? day(peak.key) : '', peak ? this.n(peak.shares) : '')}`;
    // byDay skips days without activity; the chart spans the whole period, those days at 0.
    const calendar = everyDay(current.from, current.to);
    const onDay = new Map(days.map((row) => [row.key.slice(0, 10), row]));
    const daily = (measure: 'shares' | 'clicks') => calendar.map((key) => onDay.get(key)?.[measure] ?? 0);
    const chart = this.overTime.render({
      days: calendar,
      series: [
        { label: results.colShares, className: 'shares', values: daily('shares') },
        { label: t.colClicks, className: 'clicks', values: daily('clicks') },
      ],
      name: t.overTime,
      summary,
      hint: t.chartHint,
      readout: t.chartReadout,
      formatDay: day,
      formatValue: (value) => this.n(value),
    });
    const cells = (key: (row: Breakdown) => string) => days.map((row) => [key(row), row.shares, row.clicks, row.conversions]);
    return this.plot(
      'series',
      'series',
      t.overTime,
      chart,
      [t.colDay, results.colShares, t.colClicks, results.colConversions],
      cells((row) => day(row.key)),
      {
        file: 'daily',
        rows: cells((row) => row.key),
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-analytics': AdvocacyAnalyticsElement;
  }
}
