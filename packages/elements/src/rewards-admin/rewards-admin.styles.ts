import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';
import { panelStyles } from '../styles/panel.js';
import { formStyles } from '../styles/form.js';

export const styles = [
  tokens,
  shared,
  panelStyles,
  formStyles,
  css`
    .list {
      display: grid;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: grid;
      gap: 6px;
      padding: 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    .item strong,
    h3,
    h4 {
      overflow-wrap: anywhere;
    }
    h3 {
      font-size: 1.05rem;
    }
    h4 {
      font-size: 1rem;
      margin: 0;
    }
    .meta {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 8px;
    }
    .reason {
      flex: 1 1 240px;
    }
    .grid {
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    }
    h2:focus,
    h3:focus {
      outline: none;
    }
    .status {
      margin: 0;
      color: var(--_success);
      font-weight: 600;
    }
    .skeleton {
      display: block;
      height: 3rem;
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      padding: 12px;
      display: grid;
      gap: 12px;
    }
  `,
];
