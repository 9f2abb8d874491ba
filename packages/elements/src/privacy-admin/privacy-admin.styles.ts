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
      gap: 8px;
      margin: 0 0 16px;
    }
    h3 {
      margin: 8px 0 4px;
      font-size: 1rem;
    }
    label {
      display: grid;
      gap: 4px;
      max-width: 24rem;
    }
    .hint,
    .now {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    dialog {
      max-width: 32rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_surface);
      color: inherit;
    }
  `,
];
