import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';
import { panelStyles } from '../styles/panel.js';

export const styles = [
  tokens,
  shared,
  panelStyles,
  css`
    form {
      display: grid;
      gap: var(--_space);
    }
    .field {
      display: grid;
      gap: 4px;
    }
    label[for],
    legend {
      font-weight: 600;
      padding: 0;
      margin-bottom: 4px;
    }
    input[type='url'],
    textarea {
      font: inherit;
      width: 100%;
      min-height: 44px;
      padding: 8px 12px;
      border-radius: var(--_radius-small);
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_text);
    }
    [aria-invalid='true']:is(input, textarea) {
      border-color: var(--_danger);
      border-width: 2px;
    }
    .intro,
    .hint {
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .field-error {
      color: var(--_danger);
      font-weight: 600;
      font-size: 0.875rem;
      flex-basis: 100%;
    }
    button[type='submit'] {
      justify-self: start;
    }
    .confirmation {
      display: grid;
      gap: 8px;
      justify-items: start;
    }
    .confirmation strong {
      color: var(--_success);
      font-size: 1.1rem;
    }
  `,
];
