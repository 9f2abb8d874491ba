import { html, svg, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { bisectCenter, nice, ticks } from 'd3-array';
import { utcDay, utcTicks } from 'd3-time';
import { ChartWidths } from './chart-width.js';

/*
 * Daily figures as small multiples: one panel per measure, each with its own y scale, so a
 * measure in single figures (shares) is not flattened by one in hundreds (clicks). Ticks come
 * from d3-array (`nice`, `ticks`) and d3-time (`utcTicks`); dates and numbers are formatted by
 * the component's own Intl formatters, so d3-format and d3-time-format stay out of the bundle.
 * The SVG is drawn at its box's measured width, so its text keeps the stylesheet's size. The
 * chart is one tab stop: arrow keys move between days, Home and End jump to the first and last,
 * and a visible, polite live read-out says the day and every value (the pointer does the same).
 */

export interface TimeSeries {
  /** The measure's name: the panel's title and its name in the read-out. */
  label: string;
  /** The bars' class (their colour). */
  className: string;
  values: readonly number[];
}

export interface TimeChartOptions {
  /**
   * The first calendar day (`2026-11-27`) of each value, in order: one per day or one per week;
   * a day without a value is drawn as nothing (`everyDay` fills the gaps with zeros).
   */
  days: readonly string[];
  series: readonly TimeSeries[];
  /** Measures that the read-out gives after the drawn ones, without a panel of their own. */
  details?: ReadonlyArray<Omit<TimeSeries, 'className'>>;
  /** The accessible name of the focusable chart. */
  name: string;
  /** The spoken summary (the SVG's text alternative). */
  summary: string;
  /** What the read-out says before a day is picked. */
  hint: string;
  /** The read-out for one day: its date and each measure's `[label, value]`. */
  readout: (day: string, values: ReadonlyArray<readonly [string, string]>) => string;
  formatDay: (day: string) => string;
  formatValue: (value: number) => string;
}

const TITLE = 22;
const PLOT = 96;
const GAP = 14;
const AXIS = 26;
const RIGHT = 8;
const DAY_MS = 86_400_000;
/** Space kept between two date labels. */
const LABEL_GAP = 12;

/** About how wide `text` is at the charts' 13 px font: CJK glyphs are square, Latin ones narrower. */
export function labelWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 13 : 7.5;
  return width;
}

/** A panel's y domain top and its ticks: whole numbers (the figures are counts), about three. */
export function countTicks(values: readonly number[]): { top: number; marks: number[] } {
  const [, top] = nice(0, Math.max(1, ...values), 3);
  const marks = ticks(0, top, 3).filter(Number.isInteger);
  return { top: Math.max(top, marks.at(-1) ?? 1), marks };
}

/** Every calendar day from `from` to `to` (dates or UTC timestamps), both included. */
export function everyDay(from: string, to: string): string[] {
  const first = utcDay.floor(new Date(from));
  return utcDay.range(first, utcDay.offset(utcDay.floor(new Date(to)), 1)).map((day) => day.toISOString().slice(0, 10));
}

/** The date ticks that fit between `bounds` without touching, each centred on its day. */
function dateTicks(
  first: number,
  last: number,
  formatDay: (day: string) => string,
  x: (time: number) => number,
  bounds: readonly [number, number],
): Array<{ x: number; mark: number; text: string }> {
  const sample = labelWidth(formatDay(new Date(first).toISOString().slice(0, 10))) + LABEL_GAP;
  const wanted = Math.max(1, Math.floor((bounds[1] - bounds[0]) / (sample * 1.5)));
  const placed: Array<{ x: number; mark: number; text: string }> = [];
  let end = -Infinity;
  for (const tick of utcTicks(new Date(first), new Date(last), wanted)) {
    const text = formatDay(tick.toISOString().slice(0, 10));
    const half = labelWidth(text) / 2;
    const mark = x(tick.getTime() + DAY_MS / 2);
    const centre = Math.min(Math.max(mark, bounds[0] + half), bounds[1] - half);
    if (centre - half < end + LABEL_GAP) continue;
    placed.push({ x: centre, mark, text });
    end = centre + half;
  }
  return placed;
}

export class TimeChart implements ReactiveController {
  private active: number | null = null;
  private hover: number | null = null;
  private count = 0;
  private readonly widths: ChartWidths;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    this.widths = new ChartWidths(host);
  }

  hostConnected(): void {}

  private pick(index: number | null, pointer = false): void {
    if (this.count === 0) return;
    const next = index === null ? null : Math.min(Math.max(index, 0), this.count - 1);
    if (pointer ? this.hover === next : this.active === next) return;
    if (pointer) this.hover = next;
    else this.active = next;
    this.host.requestUpdate();
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (this.count === 0) return;
    const at = this.active ?? this.count - 1;
    const moves: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: this.count - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.hover = null;
    this.pick(next);
  };

  /** Focus starts on the latest day, so the read-out says something at once. */
  private readonly onFocus = (): void => {
    if (this.active === null && this.count > 0) this.pick(this.count - 1);
  };

  render(options: TimeChartOptions) {
    const { days, series, formatDay, formatValue } = options;
    this.count = days.length;
    if (this.active !== null && this.active >= this.count) this.active = this.count > 0 ? this.count - 1 : null;
    if (this.hover !== null && this.hover >= this.count) this.hover = null;
    const width = this.widths.width('plot');
    const scales = series.map((line) => countTicks(line.values));
    const left = Math.ceil(Math.max(20, ...scales.flatMap((scale) => scale.marks.map((mark) => labelWidth(formatValue(mark))))) + 10);
    const right = Math.max(left + 1, width - RIGHT);
    // A time axis: each value's bar spans its day (or week) from its first day.
    const times = days.map((day) => Date.parse(`${day}T00:00:00Z`));
    const gaps = times
      .slice(1)
      .map((time, index) => time - times[index]!)
      .filter((gap) => gap > 0);
    const step = gaps.length > 0 ? Math.min(...gaps) : DAY_MS;
    const first = times[0] ?? 0;
    const span = Math.max(1, (times.at(-1) ?? 0) + step - first);
    const xTime = (time: number) => left + ((time - first) / span) * (right - left);
    const centres = times.map((time) => xTime(time + step / 2));
    const x = (index: number) => centres[index]!;
    const slot = ((right - left) * step) / span;
    const panel = TITLE + PLOT + GAP;
    const height = series.length * panel + AXIS;
    const shown = this.hover ?? this.active;
    const barWidth = Math.max(1, Math.min(slot * 0.7, 24));
    const onMove = (event: PointerEvent) => {
      const box = (event.currentTarget as Element).getBoundingClientRect();
      this.pick(bisectCenter(centres, event.clientX - box.left), true);
    };
    const readout =
      shown === null
        ? options.hint
        : options.readout(
            formatDay(days[shown]!),
            [...series, ...(options.details ?? [])].map((line) => [line.label, formatValue(line.values[shown] ?? 0)] as const),
          );
    const axisY = series.length * panel - GAP;
    return html`<div class="time-chart" ${this.widths.ref('plot')}>
      <div class="time-chart-plot" part="chart" tabindex="0" role="group" aria-label=${options.name} @keydown=${this.onKey} @focus=${this.onFocus}>
        <svg
          role="img"
          aria-label=${options.summary}
          width=${width}
          height=${height}
          viewBox="0 0 ${width} ${height}"
          @pointermove=${onMove}
          @pointerdown=${onMove}
          @pointerleave=${(event: PointerEvent) => {
            // A finger lifting is a leave too: the day it tapped stays read out.
            if (event.pointerType === 'mouse') this.pick(null, true);
          }}
        >
          ${series.map((line, row) => {
            const { top, marks } = scales[row]!;
            const base = row * panel + TITLE + PLOT;
            const y = (value: number) => base - (value / top) * PLOT;
            return svg`<g class="panel">
              <text class="panel-title" x=${left} y=${row * panel + 15}>${line.label}</text>
              ${marks.map(
                (mark) => svg`<line class=${mark === 0 ? 'axis' : 'grid'} x1=${left} x2=${right} y1=${y(mark)} y2=${y(mark)}></line>
                  <text class="tick y-tick" x=${left - 6} y=${y(mark) + 4} text-anchor="end">${formatValue(mark)}</text>`,
              )}
              ${line.values.map((value, index) => {
                const height = value > 0 ? Math.max(1, (value / top) * PLOT) : 0;
                return svg`<rect class="bar ${line.className}${index === shown ? ' active' : ''}" x=${(x(index) - barWidth / 2).toFixed(1)} y=${(base - height).toFixed(1)} width=${barWidth.toFixed(1)} height=${height.toFixed(1)}></rect>`;
              })}
            </g>`;
          })}
          ${shown === null ? '' : svg`<line class="cursor" x1=${x(shown)} x2=${x(shown)} y1=${TITLE} y2=${axisY}></line>`}
          ${(days.length > 0 ? dateTicks(first, times.at(-1)!, formatDay, xTime, [0, width]) : []).map(
            (tick) => svg`<line class="axis" x1=${tick.mark} x2=${tick.mark} y1=${axisY} y2=${axisY + 4}></line>
              <text class="tick x-tick" x=${tick.x} y=${axisY + 18} text-anchor="middle">${tick.text}</text>`,
          )}
        </svg>
      </div>
      <p class="readout" aria-live="polite">${readout}</p>
    </div>`;
  }
}
