import { css } from 'lit';

/**
 * What every chart shares: one text size for every label (the SVGs are drawn at their measured
 * width, so this size is the size on screen, phone or desktop), axes, gridlines, and the
 * time chart's focus ring and read-out.
 */
export const chartStyles = css`
  svg text {
    font: 0.8125rem var(--_font);
    fill: var(--_muted);
  }
  svg .panel-title {
    fill: var(--_text);
    font-weight: 600;
  }
  svg .axis {
    stroke: var(--_muted);
  }
  svg .grid {
    stroke: var(--_border);
  }
  .time-chart {
    display: grid;
    gap: 4px;
    min-width: 0;
  }
  .time-chart svg {
    display: block;
    max-width: 100%;
    height: auto;
    touch-action: pan-y;
  }
  .time-chart-plot {
    border-radius: var(--_radius-small);
  }
  .time-chart .bar {
    fill: var(--_accent);
  }
  .time-chart .bar.clicks {
    fill: var(--_success);
  }
  .time-chart .bar.active {
    opacity: 0.65;
  }
  .time-chart .cursor {
    stroke: var(--_text);
    stroke-dasharray: 2 3;
  }
  .readout {
    margin: 0;
    min-height: 1.5em;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
`;
