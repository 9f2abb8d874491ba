import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';

export const styles = [
  tokens,
  shared,
  css`
    :host {
      display: block;
    }
    .banner {
      display: grid;
      gap: 6px;
      padding: var(--_space);
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      border-inline-start: 6px solid var(--_accent);
      background: var(--_surface);
    }
    .banner.ended {
      border-inline-start-color: var(--_muted);
    }
    .banner p {
      margin: 0;
    }
    .eyebrow {
      font-size: 0.85rem;
      font-weight: 600;
      color: var(--_muted);
    }
    h2 {
      margin: 0;
      font-size: 1.15rem;
    }
    .description {
      color: var(--_muted);
    }
    .prize {
      font-weight: 600;
    }
    .standing {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
    .mine {
      font-weight: 600;
    }
    .line {
      height: 20px;
    }
    .line.short {
      width: 60%;
    }
  `,
];
