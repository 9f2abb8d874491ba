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
    form {
      display: grid;
      gap: 12px;
    }
    fieldset {
      display: grid;
      gap: 8px;
      margin: 0;
      padding: 12px;
      border: 1px solid var(--_border, currentColor);
      border-radius: var(--_radius-small);
    }
    legend,
    h3 {
      margin: 0;
      font-size: 1rem;
      font-weight: 600;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .row > .field {
      flex: 1 1 12rem;
    }
    .check {
      display: flex;
      gap: 6px;
      align-items: center;
    }
    .routes td,
    .routes th {
      text-align: center;
    }
    .routes th[scope='row'] {
      text-align: start;
    }
    .scroll {
      overflow-x: auto;
    }
    .status-failed {
      color: var(--_danger);
    }
    .status:empty {
      display: none;
    }
  `,
];
