import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';
import { avatarStyles, panelStyles } from '../styles/panel.js';

export const styles = [
  tokens,
  shared,
  panelStyles,
  avatarStyles,
  css`
    .controls {
      display: grid;
      gap: 8px;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    .list.mine {
      margin-top: 8px;
      padding-top: 8px;
      border-top: 1px dashed var(--_border);
    }
    .row {
      display: grid;
      grid-template-columns: 3em 40px 1fr auto;
      align-items: center;
      gap: 12px;
      min-height: 56px;
      padding: 8px 12px;
      border-radius: var(--_radius-small);
    }
    .row .line {
      grid-column: 1 / -1;
      height: 20px;
    }
    .row.is-me {
      background: var(--_highlight);
      font-weight: 600;
    }
    .rank {
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      color: var(--_muted);
    }
    .row.top .rank {
      color: var(--_accent);
    }
    .who {
      display: grid;
      min-width: 0;
    }
    .name,
    .team {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .team,
    .participants,
    .you {
      color: var(--_muted);
      font-size: 0.85rem;
      font-weight: 400;
    }
    .points {
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .participants {
      margin-top: 12px;
      text-align: end;
    }
  `,
];
