import { html, svg } from 'lit';
import type { StatsPoint } from '@advocacy-kit/core';

const WIDTH = 300;
const HEIGHT = 80;

/** Column geometry for a points-per-day bar chart, scaled to the busiest day. */
export function bars(series: readonly StatsPoint[]): Array<{ x: number; y: number; width: number; height: number }> {
  const max = Math.max(1, ...series.map((point) => point.points));
  const slot = WIDTH / Math.max(1, series.length);
  const width = Math.max(1, slot * 0.7);
  return series.map((point, index) => {
    const height = point.points === 0 ? 1 : Math.max(2, (point.points / max) * (HEIGHT - 4));
    return { x: index * slot + (slot - width) / 2, y: HEIGHT - height, width, height };
  });
}

/** The chart itself: decorative bars inside an `img` role whose label says what they show. */
export function trendChart(series: readonly StatsPoint[], label: string) {
  return html`<svg class="chart" part="chart" role="img" aria-label=${label} viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none">
    ${bars(series).map(
      (bar) =>
        svg`<rect x=${bar.x.toFixed(2)} y=${bar.y.toFixed(2)} width=${bar.width.toFixed(2)} height=${bar.height.toFixed(2)} rx="1.5"></rect>`,
    )}
  </svg>`;
}
