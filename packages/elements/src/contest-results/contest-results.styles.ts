import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';
import { panelStyles } from '../styles/panel.js';

export const styles = [
  tokens,
  shared,
  panelStyles,
  css`
    .contests {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .contest {
      display: grid;
      gap: 4px;
      border-block-start: 1px solid var(--_border);
      padding-block-start: 8px;
    }
    .contest-title {
      margin: 0;
      font-size: 1rem;
    }
    p {
      margin: 0;
    }
    .meta {
      color: var(--_muted);
      font-size: 0.875rem;
    }
    ol {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 2px;
    }
    .row {
      display: grid;
      grid-template-columns: 3.5rem 1fr auto;
      gap: 8px;
    }
    .row.is-me,
    .mine {
      font-weight: 600;
    }
    .rank {
      font-variant-numeric: tabular-nums;
    }
  `,
];
