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
    .intro {
      margin: 0;
    }
    .copy-row {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .copy-row input {
      flex: 1;
      font-family: var(--advocacy-font-mono, ui-monospace, monospace);
    }
    .new-token {
      display: grid;
      gap: 8px;
      padding: 12px;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius-small);
    }
    .new-token h3,
    h3 {
      margin: 0;
      font-size: 1rem;
    }
    .confirm {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .status:empty {
      display: none;
    }
  `,
];
