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
      margin: 0 0 16px;
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
    .meta {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    form {
      display: grid;
      gap: 8px;
      max-width: 28rem;
    }
    label {
      display: grid;
      gap: 4px;
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      display: grid;
      gap: 8px;
      padding: 8px 12px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    label.check {
      display: flex;
      align-items: center;
      gap: 8px;
    }
  `,
];
