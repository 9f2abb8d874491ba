import { html, svg } from 'lit';
import type { Goal } from '@advocacy-kit/core';
import { labelWidth } from '../internal/time-chart.js';

/*
 * A goal's progress as a small SVG, like the analytics plots (hand-written, no inline styles):
 * the running value day by day against the steady pace from 0 on the first day to the target on
 * the last, with the y axis labelled 0 and the target and the x axis the first and last day. The
 * component gives it a spoken summary as its label and prints the same figures beside it. It is
 * drawn at its box's measured `width`, so its labels are the stylesheet's size at any width.
 */

const HEIGHT = 140;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 26;

export interface GoalChartLabels {
  /** The spoken summary (the text alternative). */
  label: string;
  target: string;
  from: string;
  to: string;
  zero: string;
}

export function goalChart(goal: Goal, labels: GoalChartLabels, width: number) {
  const WIDTH = width;
  const LEFT = Math.ceil(Math.max(labelWidth(labels.target), labelWidth(labels.zero))) + 12;
  const { series, totalDays } = goal.progress;
  const max = Math.max(goal.target, ...series.map((point) => point.value), Number.EPSILON);
  const x = (index: number) => LEFT + (totalDays > 1 ? (index / (totalDays - 1)) * (WIDTH - LEFT - RIGHT) : 0);
  const y = (value: number) => HEIGHT - BOTTOM - (value / max) * (HEIGHT - TOP - BOTTOM);
  const points = series.map((point, index) => `${x(index).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  const base = HEIGHT - BOTTOM;
  return html`<svg class="goal-chart" role="img" aria-label=${labels.label} width=${WIDTH} height=${HEIGHT} viewBox="0 0 ${WIDTH} ${HEIGHT}">
    ${svg`<line class="axis" x1=${LEFT} y1=${TOP} x2=${LEFT} y2=${base}></line>
      <line class="axis" x1=${LEFT} y1=${base} x2=${WIDTH - RIGHT} y2=${base}></line>
      <text class="tick" x=${LEFT - 6} y=${y(goal.target) + 4} text-anchor="end">${labels.target}</text>
      <text class="tick" x=${LEFT - 6} y=${base + 4} text-anchor="end">${labels.zero}</text>
      <text class="tick" x=${LEFT} y=${HEIGHT - 6}>${labels.from}</text>
      <text class="tick" x=${WIDTH - RIGHT} y=${HEIGHT - 6} text-anchor="end">${labels.to}</text>
      <line class="pace" x1=${x(0)} y1=${base} x2=${x(totalDays - 1)} y2=${y(goal.target)}></line>
      ${series.length > 1 ? svg`<polyline class="progress" points=${points}></polyline>` : ''}
      ${series.length > 0 ? svg`<circle class="now" cx=${x(series.length - 1)} cy=${y(series.at(-1)!.value)} r="4"></circle>` : ''}`}
  </svg>`;
}
