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
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    .invite-team {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 8px;
    }
    .invite-team .field {
      flex: 1 1 220px;
    }
    /* Positioned, so visually hidden labels inside stay inside the scrolling box and don't widen the page. */
    .table-wrap {
      position: relative;
      overflow-x: auto;
    }
    .state-badge {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 999px;
      border: 1px solid var(--_border);
      font-size: 0.85rem;
    }
    .state-badge.joined {
      border-color: var(--_success);
    }
    .state-badge.declined {
      border-color: var(--_danger);
    }
    .muted {
      color: var(--_muted);
      font-size: 0.875rem;
    }
  `,
];
