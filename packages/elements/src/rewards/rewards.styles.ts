import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';
import { panelStyles } from '../styles/panel.js';

export const styles = [
  tokens,
  shared,
  panelStyles,
  css`
    .balance {
      display: grid;
      gap: 2px;
    }
    .balance strong {
      font-size: 1.4rem;
    }
    .muted,
    .hint {
      color: var(--_muted);
      font-size: 0.875rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .catalogue {
      display: grid;
      gap: var(--_space);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    }
    .reward {
      display: grid;
      gap: 8px;
      align-content: start;
      padding: 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    .reward img {
      width: 100%;
      aspect-ratio: 4 / 3;
      object-fit: cover;
      border-radius: var(--_radius-small);
    }
    h3 {
      font-size: 1rem;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .description {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .cost {
      font-weight: 700;
    }
    .field-error {
      color: var(--_danger);
      font-weight: 600;
      font-size: 0.875rem;
    }
    .requests {
      display: grid;
      gap: 8px;
    }
    .requests li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
      padding: 8px 0;
      border-top: 1px solid var(--_border);
    }
    .requests p {
      flex-basis: 100%;
      margin: 0;
    }
    .skeleton {
      display: block;
      height: 6rem;
    }
  `,
];
