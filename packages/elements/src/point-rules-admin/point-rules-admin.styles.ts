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
    form {
      display: grid;
      gap: 12px;
      max-width: 40rem;
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      padding: 8px 12px;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 8px;
    }
    legend {
      font-weight: 600;
    }
    label {
      display: grid;
      gap: 4px;
    }
    .hint,
    .meta {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    fieldset .hint {
      grid-column: 1 / -1;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.875rem;
    }
    th,
    td {
      text-align: start;
      padding: 6px 8px;
      border-bottom: 1px solid var(--_border);
      vertical-align: top;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
  `,
];
