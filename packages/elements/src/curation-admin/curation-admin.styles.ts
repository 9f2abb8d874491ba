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
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    li {
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      padding: 8px 12px;
      display: grid;
      gap: 4px;
    }
    h3 {
      margin: 0;
      font-size: 1rem;
    }
    h4 {
      margin: 0;
      font-size: 0.95rem;
      overflow-wrap: anywhere;
    }
    .meta {
      color: var(--_muted);
      font-size: 0.85rem;
      overflow-wrap: anywhere;
    }
    .error {
      color: var(--_danger);
      font-size: 0.85rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    form {
      display: grid;
      gap: 8px;
    }
  `,
];
