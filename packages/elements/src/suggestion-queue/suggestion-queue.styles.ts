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
    .list {
      display: grid;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: grid;
      gap: 6px;
      padding: 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    .link {
      color: var(--_accent);
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .meta {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .note {
      margin: 0;
      white-space: pre-line;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.8rem;
    }
    .tags li {
      padding: 2px 10px;
      border-radius: 999px;
      background: var(--_highlight);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 8px;
    }
    /* The reason and Reject stay together, apart from Approve. */
    .rejection {
      padding-top: 8px;
      border-top: 1px solid var(--_border);
    }
    .reason {
      flex: 1 1 240px;
    }
    .skeleton.short {
      width: 40%;
    }
    h2:focus {
      outline: none;
    }
    .status {
      margin: 0;
      color: var(--_success);
      font-weight: 600;
    }
    dialog {
      width: min(960px, 100vw - 32px);
      max-height: calc(100vh - 32px);
      padding: 0;
      border: 0;
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_text);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }
    /* Cancel sits in the editor's top corner, level with its heading, not in a band of its own. */
    .dialog-close {
      position: absolute;
      top: 12px;
      inset-inline-end: 12px;
      margin: 0;
    }
  `,
];
