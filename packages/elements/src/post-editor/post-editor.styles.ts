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
    .columns {
      display: grid;
      gap: var(--_space);
      grid-template-columns: minmax(0, 2fr) minmax(200px, 1fr);
      align-items: start;
    }
    @media (max-width: 640px) {
      .columns {
        grid-template-columns: 1fr;
      }
    }
    .main {
      display: grid;
      gap: var(--_space);
    }
    .fetch {
      justify-self: start;
      margin-top: -8px;
    }
    .group {
      display: grid;
      gap: 12px;
      margin: 0;
      padding: 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    .commentary {
      display: grid;
      gap: 8px;
    }
    h3 {
      margin: 0;
      font-size: 1rem;
    }
    .slot {
      position: relative;
    }
    .slot .link {
      position: absolute;
      top: 0;
      right: 0;
      min-height: 28px;
      padding: 0 10px;
    }
    .counter {
      margin: 0;
      font-size: 0.85rem;
      color: var(--_muted);
      text-align: end;
    }
    .counter.over {
      color: var(--_danger);
      font-weight: 600;
    }
    .add {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .add select {
      width: auto;
    }
    .preview {
      display: grid;
      margin: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      overflow: hidden;
    }
    .preview img,
    .placeholder {
      width: 100%;
      aspect-ratio: 1.91 / 1;
      object-fit: cover;
      background: var(--_skeleton);
    }
    figcaption {
      display: grid;
      gap: 4px;
      padding: 12px;
      overflow-wrap: anywhere;
    }
    .kind,
    .source {
      font-size: 0.8rem;
      color: var(--_muted);
    }
    .summary {
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    button.danger {
      color: var(--_danger);
    }
    .status {
      margin: 0;
      color: var(--_success);
      font-weight: 600;
    }
  `,
];
