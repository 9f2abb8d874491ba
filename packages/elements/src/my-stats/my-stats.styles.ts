import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';
import { panelStyles } from '../styles/panel.js';
import { chartStyles } from '../styles/chart.js';

export const styles = [
  tokens,
  shared,
  panelStyles,
  chartStyles,
  css`
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
      gap: 12px;
      margin: 0;
    }
    .figure {
      display: grid;
      gap: 2px;
      min-height: 76px;
      padding: 12px;
      border-radius: var(--_radius-small);
      background: var(--_bg);
    }
    dt {
      color: var(--_muted);
      font-size: 0.85rem;
    }
    dd {
      margin: 0;
      font-size: 1.6rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .rank,
    .chart-empty {
      color: var(--_muted);
    }
    .achievements {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      color: var(--_muted);
    }
  `,
];
