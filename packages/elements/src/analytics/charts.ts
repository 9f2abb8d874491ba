import { html, svg } from 'lit';

/*
 * The analytics plots are hand-written SVG rather than a chart library: a few hundred bytes
 * instead of tens of kilobytes in the admin bundle, no inline styles or eval (they work under
 * the same strict CSP as the rest), and nothing more to depend on. Each plot is a labelled
 * `role="img"` with a spoken summary; the component puts the same numbers in a table beside it.
 */

export interface BarDatum {
  label: string;
  value: number;
  /** The formatted value printed after the bar. */
  display: string;
}

const BAR_WIDTH = 600;
const BAR_ROW = 40;
const LABEL_WIDTH = 210;
const VALUE_WIDTH = 80;

/** Horizontal bars, one row per datum, scaled to the largest. */
export function barChart(data: readonly BarDatum[], label: string) {
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const span = BAR_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = Math.max(1, data.length) * BAR_ROW;
  return html`<svg class="chart bars" role="img" aria-label=${label} viewBox="0 0 ${BAR_WIDTH} ${height}">
    ${data.map((datum, index) => {
      const y = index * BAR_ROW;
      const width = Math.max(datum.value > 0 ? 2 : 0, (datum.value / max) * span);
      return svg`<text class="label" x="0" y=${y + 28}>${datum.label}</text>
        <rect class="bar" x=${LABEL_WIDTH} y=${y + 8} width=${width.toFixed(1)} height="26" rx="4"></rect>
        <text class="value" x=${(LABEL_WIDTH + width + 8).toFixed(1)} y=${y + 28}>${datum.display}</text>`;
    })}
  </svg>`;
}

export interface MixDatum {
  label: string;
  /** 0–1. */
  actual: number;
  target: number;
}

/** Two stacked bars, the content mix shared against the target mix. */
export function mixChart(data: readonly MixDatum[], rowLabels: { actual: string; target: string }, label: string) {
  const span = BAR_WIDTH - LABEL_WIDTH;
  const row = (y: number, key: 'actual' | 'target', title: string) => {
    let x = LABEL_WIDTH;
    return svg`<text class="label" x="0" y=${y + 22}>${title}</text>
      ${data.map((datum, index) => {
        const width = datum[key] * span;
        const part = svg`<rect class="mix mix-${index}" x=${x.toFixed(1)} y=${y + 4} width=${width.toFixed(1)} height="26"></rect>`;
        x += width;
        return part;
      })}`;
  };
  return html`<svg class="chart mix-chart" role="img" aria-label=${label} viewBox="0 0 ${BAR_WIDTH} 76">
    ${row(0, 'target', rowLabels.target)} ${row(40, 'actual', rowLabels.actual)}
  </svg>`;
}

const LINE_WIDTH = 600;
const LINE_HEIGHT = 180;
const PAD = 8;

/** Points of a polyline for `values`, scaled to `max`. */
export function linePoints(values: readonly number[], max: number): string {
  const step = values.length > 1 ? (LINE_WIDTH - 2 * PAD) / (values.length - 1) : 0;
  return values
    .map(
      (value, index) =>
        `${(PAD + index * step).toFixed(1)},${(LINE_HEIGHT - PAD - (value / Math.max(1, max)) * (LINE_HEIGHT - 2 * PAD)).toFixed(1)}`,
    )
    .join(' ');
}

/** Two series over the same days (shares and clicks), each its own line. */
export function lineChart(series: ReadonlyArray<{ className: string; values: readonly number[] }>, label: string) {
  const max = Math.max(1, ...series.flatMap((line) => line.values));
  return html`<svg class="chart lines" role="img" aria-label=${label} viewBox="0 0 ${LINE_WIDTH} ${LINE_HEIGHT}" preserveAspectRatio="none">
    <line class="axis" x1=${PAD} y1=${LINE_HEIGHT - PAD} x2=${LINE_WIDTH - PAD} y2=${LINE_HEIGHT - PAD}></line>
    ${series.map((line) => svg`<polyline class="line ${line.className}" points=${linePoints(line.values, max)}></polyline>`)}
  </svg>`;
}
