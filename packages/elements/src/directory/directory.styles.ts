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
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: start;
      gap: 12px;
    }
    .filters .field {
      flex: 0 1 160px;
    }
    .filters .grow {
      flex: 1 1 260px;
    }
    .search {
      display: flex;
      gap: 6px;
    }
    /* Positioned, so visually hidden labels inside stay inside the scrolling box and don't widen the page. */
    .scroll {
      position: relative;
      overflow-x: auto;
    }
    th[scope='row'] {
      font-weight: 600;
    }
    .name {
      display: block;
      overflow-wrap: anywhere;
    }
    .email {
      display: block;
      font-weight: 400;
      font-size: 0.85rem;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    .membership:empty {
      display: none;
    }
    td select {
      min-width: 8rem;
    }
    .pill {
      padding: 2px 10px;
      border-radius: 999px;
      background: var(--_highlight);
      font-size: 0.8rem;
      white-space: nowrap;
    }
    .pill.deactivated {
      color: var(--_danger);
    }
    tr.is-deactivated .name {
      color: var(--_muted);
    }
    .confirm {
      display: grid;
      gap: 6px;
      max-width: 20rem;
    }
    .confirm p {
      margin: 0;
      font-size: 0.875rem;
    }
    button.danger {
      color: var(--_danger);
      border-color: var(--_danger);
      font-weight: 600;
    }
    .status {
      margin: 0;
      color: var(--_success);
      font-weight: 600;
    }
    .footer {
      display: flex;
      justify-content: center;
    }
    .state .skeleton {
      width: 100%;
      height: 2.2em;
    }
  `,
];
