import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';
import { panelStyles } from '../styles/panel.js';

export const styles = [
  tokens,
  shared,
  panelStyles,
  css`
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 8px;
    }
    .count {
      margin: 0;
      color: var(--_muted);
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
    }
    .badge {
      display: grid;
      grid-template-columns: 40px 1fr;
      gap: 12px;
      align-items: start;
      min-height: 72px;
      padding: 12px;
      border-radius: var(--_radius-small);
      border: 1px solid var(--_border);
    }
    .badge .line {
      grid-column: 1 / -1;
      height: 48px;
    }
    .icon {
      width: 40px;
      height: 40px;
      fill: none;
      stroke: var(--_muted);
      stroke-width: 1.5;
    }
    .earned .icon {
      fill: var(--_accent);
      stroke: var(--_accent);
    }
    .text {
      display: grid;
      gap: 2px;
      min-width: 0;
    }
    .goal,
    .when,
    .figure {
      color: var(--_muted);
      font-size: 0.9rem;
    }
    .meter {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    progress {
      flex: 1;
      height: 8px;
      accent-color: var(--_accent);
    }
  `,
];
