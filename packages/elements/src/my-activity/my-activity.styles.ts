import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';
import { panelStyles } from '../styles/panel.js';

export const styles = [
  tokens,
  shared,
  panelStyles,
  css`
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      border-bottom: 1px solid var(--_border);
    }
    [role='tab'] {
      border: 0;
      border-bottom: 3px solid transparent;
      border-radius: 0;
      background: none;
    }
    [role='tab'][aria-selected='true'] {
      border-bottom-color: var(--_accent);
      font-weight: 700;
    }
    [role='tabpanel'] {
      display: grid;
      gap: 12px;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .list li {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 2px 12px;
      padding: 10px 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    .list .line {
      grid-column: 1 / -1;
      height: 40px;
    }
    .what {
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .meta,
    .figures,
    .note,
    .reason {
      grid-column: 1 / -1;
      color: var(--_muted);
      font-size: 0.9rem;
    }
    .reason {
      color: inherit;
    }
    .minus {
      color: var(--_danger);
    }
    form {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 8px;
      justify-items: start;
    }
    .check {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    /* A long time zone's name must not make the form wider than a phone: the closed select shows the chosen one. */
    select {
      font: inherit;
      min-width: 0;
      max-width: 100%;
    }
  `,
];
