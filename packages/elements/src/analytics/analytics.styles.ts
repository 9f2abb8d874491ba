import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';
import { panelStyles } from '../styles/panel.js';
import { formStyles } from '../styles/form.js';
import { chartStyles } from '../styles/chart.js';

export const styles = [
  tokens,
  shared,
  panelStyles,
  formStyles,
  chartStyles,
  css`
    .body {
      display: grid;
      gap: var(--_space);
    }
    .compared {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .table-scroll {
      position: relative;
      max-width: 100%;
      overflow-x: auto;
    }
    .kpis {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
      gap: 12px;
      margin: 0;
    }
    .kpi {
      display: grid;
      gap: 2px;
      padding: 12px;
      min-height: 96px;
      border-radius: var(--_radius-small);
      background: var(--_bg);
    }
    .kpi dt {
      font-size: 0.85rem;
      color: var(--_muted);
    }
    .kpi dd {
      margin: 0;
    }
    .kpi .value {
      font-size: 1.4rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .change {
      font-size: 0.8rem;
      color: var(--_muted);
    }
    .change.up {
      color: var(--_success);
    }
    .change.down {
      color: var(--_danger);
    }
    .export {
      justify-self: start;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
      gap: var(--_space);
    }
    .breakdown {
      display: grid;
      min-width: 0;
      gap: 8px;
      align-content: start;
    }
    h3 {
      margin: 0;
      font-size: 1rem;
    }
    .chart {
      display: block;
      max-width: 100%;
      height: auto;
      overflow: visible;
    }
    .chart .label,
    .chart .value {
      fill: var(--_text);
    }
    .bar {
      fill: var(--_accent);
    }
    .mix-0 {
      fill: var(--_accent);
      background: var(--_accent);
    }
    .mix-1 {
      fill: var(--_success);
      background: var(--_success);
    }
    .mix-2 {
      fill: var(--_muted);
      background: var(--_muted);
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.85rem;
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      margin-inline-end: 6px;
      border-radius: 2px;
    }
    .tools {
      display: flex;
      gap: 8px;
    }
    .tools button {
      min-height: 32px;
      font-size: 0.85rem;
    }
  `,
];
