import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';
import { panelStyles } from '../styles/panel.js';

export const styles = [
  tokens,
  shared,
  panelStyles,
  css`
    p {
      margin: 0 0 12px;
    }
  `,
];
