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
    .zone {
      margin: 0 0 8px;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .filters {
      display: grid;
      gap: 12px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .grow {
      flex: 1 1 240px;
    }
    /* Positioned, so visually hidden labels inside stay inside the scrolling box and don't widen the page. */
    .scroll {
      position: relative;
      overflow-x: auto;
    }
    th[scope='row'] {
      font-weight: 600;
    }
    th[scope='row'] a {
      color: var(--_text);
      overflow-wrap: anywhere;
    }
    .topics,
    .value {
      display: block;
      font-weight: 400;
      font-size: 0.8rem;
      color: var(--_muted);
    }
    .status {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      background: var(--_highlight);
      font-size: 0.8rem;
      white-space: nowrap;
    }
    .status.archived {
      background: var(--_skeleton);
    }
    .actions {
      display: flex;
      gap: 6px;
      justify-content: flex-end;
    }
    .actions button {
      min-height: 32px;
    }
    .footer {
      display: flex;
      gap: 8px;
      justify-content: space-between;
    }
    .state .skeleton {
      width: 100%;
      height: 2.2em;
    }
  `,
];
