import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';

export const styles = [
  tokens,
  shared,
  css`
    :host {
      display: block;
    }
    .switch {
      display: flex;
      align-items: center;
      gap: 8px;
      font-weight: 600;
      cursor: pointer;
    }
    .switch input {
      inline-size: 1.25rem;
      block-size: 1.25rem;
      accent-color: var(--_accent);
      margin: 0;
    }
    .hint,
    .status {
      margin: 4px 0 0;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .error {
      color: var(--_danger);
    }
  `,
];
