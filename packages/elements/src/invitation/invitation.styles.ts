import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';

export const styles = [
  tokens,
  shared,
  css`
    :host {
      display: block;
    }
    .card {
      display: grid;
      gap: 8px;
      padding: var(--_space);
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      border-inline-start: 6px solid var(--_accent);
      background: var(--_surface);
    }
    .card.quiet {
      border-inline-start-color: var(--_muted);
    }
    .card p,
    h2 {
      margin: 0;
    }
    h2 {
      font-size: 1.1rem;
    }
    .muted {
      color: var(--_muted);
      font-size: 0.9rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .line {
      height: 20px;
    }
  `,
];
