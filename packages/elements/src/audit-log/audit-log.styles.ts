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
      grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
      gap: 8px 12px;
      align-items: end;
      margin: 0 0 12px;
    }
    label {
      display: grid;
      gap: 4px;
      font-size: 0.875rem;
    }
    .hint {
      color: var(--_muted);
      font-size: 0.75rem;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      grid-column: 1 / -1;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.875rem;
    }
    th,
    td {
      padding: 8px;
      border-bottom: 1px solid var(--_border);
      text-align: start;
      vertical-align: top;
    }
    code {
      overflow-wrap: anywhere;
    }
    pre {
      max-width: 40rem;
      margin: 4px 0;
      padding: 8px;
      overflow: auto;
      border-radius: var(--_radius-small);
      background: var(--_highlight);
      font-size: 0.75rem;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .more {
      margin-top: 12px;
    }
    .muted {
      color: var(--_muted);
    }
  `,
];
