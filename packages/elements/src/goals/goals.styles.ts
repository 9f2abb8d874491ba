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
    .goals {
      display: grid;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .goal {
      display: grid;
      gap: 8px;
      padding: 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    .goal h3 {
      margin: 0;
      font-size: 1rem;
    }
    .meta {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 20px;
      margin: 0;
    }
    .figures div {
      display: grid;
    }
    .figures dt {
      color: var(--_muted);
      font-size: 0.8rem;
    }
    .figures dd {
      margin: 0;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .status {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 999px;
      border: 1px solid var(--_border);
      font-size: 0.85rem;
      font-weight: 600;
    }
    .status.on_track,
    .status.achieved {
      border-color: var(--_success);
      color: var(--_success);
    }
    .status.behind,
    .status.missed {
      border-color: var(--_danger);
      color: var(--_danger);
    }
    .goal-chart {
      display: block;
      max-width: 100%;
      height: auto;
    }
    .goal {
      min-width: 0;
    }
    .goal-chart .pace {
      stroke: var(--_muted);
      stroke-dasharray: 4 4;
    }
    .goal-chart .progress {
      fill: none;
      stroke: var(--_accent);
      stroke-width: 2.5;
    }
    .goal-chart .now {
      fill: var(--_accent);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .grid {
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
    }
    .check {
      display: flex;
      align-items: center;
      gap: 8px;
    }
  `,
];
