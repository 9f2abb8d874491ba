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
      color: var(--_muted);
    }
    h3 {
      margin: 0;
      font-size: 1rem;
    }
    .add,
    .item form {
      padding: 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    .names {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .names .field {
      flex: 1 1 200px;
    }
    .list {
      display: grid;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    .item.editing {
      display: block;
      padding: 0;
      border: 0;
    }
    .item.is-archived .name {
      color: var(--_muted);
    }
    .name {
      flex: 1 1 160px;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .badge {
      padding: 2px 10px;
      border-radius: 999px;
      background: var(--_highlight);
      font-size: 0.8rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .actions button {
      min-height: 32px;
      min-width: 32px;
    }
    .status {
      margin: 0;
      color: var(--_success);
      font-weight: 600;
    }
    .state .skeleton {
      width: 100%;
      height: 2.2em;
    }
  `,
];
