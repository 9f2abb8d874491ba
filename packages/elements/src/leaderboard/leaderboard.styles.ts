import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';
import { avatarStyles, panelStyles } from '../styles/panel.js';

export const styles = [
  tokens,
  shared,
  panelStyles,
  avatarStyles,
  css`
    section {
      container-type: inline-size;
    }
    .controls {
      display: grid;
      gap: 8px;
    }
    /*
     * The rows share the list's columns (subgrid), so the rank column is as wide as the widest
     * rank and no wider, and the name gets the rest. Names wrap instead of being cut: a name is
     * how people find themselves, and at 320 px an ellipsis leaves almost nothing of it.
     */
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: max-content 40px minmax(0, 1fr) auto;
      column-gap: 12px;
      row-gap: 4px;
    }
    .list.mine {
      margin-top: 8px;
      padding-top: 8px;
      border-top: 1px dashed var(--_border);
    }
    .row {
      grid-column: 1 / -1;
      display: grid;
      grid-template-columns: subgrid;
      align-items: center;
      column-gap: 12px;
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
      overflow-wrap: break-word;
    }
    @supports (word-break: auto-phrase) {
      .name:lang(ja) {
        word-break: auto-phrase;
      }
    }
    /* "(You)" moves to the next line as a whole rather than splitting. */
    .you {
      display: inline-block;
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
      white-space: nowrap;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    /* Phones: tighter gaps and padding leave the name more room. */
    @container (max-width: 360px) {
      .list,
      .row {
        column-gap: 8px;
      }
      .row {
        padding: 8px;
      }
    }
    .participants {
      margin-top: 12px;
      text-align: end;
    }
  `,
];
