import { html, svg } from 'lit';
import { labelWidth } from '../internal/time-chart.js';

/*
 * The breakdown plots are hand-written SVG (a few rectangles need no chart library): no inline
 * styles or eval, so they work under the same strict CSP as the rest. Each is drawn at its box's
 * measured width (one user unit = one CSS pixel), so its labels are the stylesheet's size on a
 * phone and on a wide screen, the same in every plot. Each plot is a labelled `role="img"` with a
 * spoken summary; the component puts the same numbers in a table beside it. Shares and clicks
 * over time are the shared time chart (`internal/time-chart.ts`).
 */

export interface BarDatum {
  label: string;
  value: number;
  /** The formatted value printed after the bar. */
  display: string;
}

const BAR_ROW = 44;

/** Horizontal bars, one row per datum with its label above, scaled to the largest. */
export function barChart(data: readonly BarDatum[], label: string, width: number) {
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const span = Math.max(1, width - Math.max(0, ...data.map((datum) => labelWidth(datum.display))) - 12);
  const height = Math.max(1, data.length) * BAR_ROW;
  return html`<svg class="chart bars" role="img" aria-label=${label} width=${width} height=${height} viewBox="0 0 ${width} ${height}">
    ${data.map((datum, index) => {
      const y = index * BAR_ROW;
      const length = Math.max(datum.value > 0 ? 2 : 0, (datum.value / max) * span);
      return svg`<text class="label" x="0" y=${y + 14}>${datum.label}</text>
        <rect class="bar" x="0" y=${y + 20} width=${length.toFixed(1)} height="16" rx="3"></rect>
        <text class="value" x=${(length + 6).toFixed(1)} y=${y + 33}>${datum.display}</text>`;
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
export function mixChart(data: readonly MixDatum[], rowLabels: { actual: string; target: string }, label: string, width: number) {
  const start = Math.ceil(Math.max(labelWidth(rowLabels.actual), labelWidth(rowLabels.target))) + 12;
  const span = Math.max(1, width - start);
  const row = (y: number, key: 'actual' | 'target', title: string) => {
    let x = start;
    return svg`<text class="label" x="0" y=${y + 21}>${title}</text>
      ${data.map((datum, index) => {
        const length = datum[key] * span;
        const part = svg`<rect class="mix mix-${index}" x=${x.toFixed(1)} y=${y + 4} width=${length.toFixed(1)} height="24"></rect>`;
        x += length;
        return part;
      })}`;
  };
  return html`<svg class="chart mix-chart" role="img" aria-label=${label} width=${width} height="72" viewBox="0 0 ${width} 72">
    ${row(0, 'target', rowLabels.target)} ${row(38, 'actual', rowLabels.actual)}
  </svg>`;
}
