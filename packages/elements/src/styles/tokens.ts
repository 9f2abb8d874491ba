import { css } from 'lit';

/**
 * Design tokens. Each public `--advocacy-*` property can be set by the host page (it inherits
 * through shadow roots); the private `--_*` copies add the fallbacks for light and dark.
 */
export const tokens = css`
  :host {
    --_font: var(--advocacy-font-family, system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans JP', sans-serif);
    --_radius: var(--advocacy-radius, 12px);
    --_radius-small: var(--advocacy-radius-small, 6px);
    --_space: var(--advocacy-spacing, 16px);
    --_accent: var(--advocacy-color-accent, #2456d3);
    --_on-accent: var(--advocacy-color-on-accent, #ffffff);
    --_bg: var(--advocacy-color-background, #f6f7f9);
    --_surface: var(--advocacy-color-surface, #ffffff);
    --_text: var(--advocacy-color-text, #1b1f29);
    --_muted: var(--advocacy-color-text-muted, #596173);
    --_border: var(--advocacy-color-border, #d9dde5);
    --_danger: var(--advocacy-color-danger, #b3261e);
    --_success: var(--advocacy-color-success, #1e7a3c);
    --_highlight: var(--advocacy-color-highlight, #eef3ff);
    --_skeleton: var(--advocacy-color-skeleton, #e7eaf0);
    --_focus: var(--advocacy-color-focus, #2456d3);
    color-scheme: light;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.5;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_accent: var(--advocacy-color-accent, #8ab0ff);
      --_on-accent: var(--advocacy-color-on-accent, #0d1526);
      --_bg: var(--advocacy-color-background, #0f1218);
      --_surface: var(--advocacy-color-surface, #1a1e27);
      --_text: var(--advocacy-color-text, #e8eaf0);
      --_muted: var(--advocacy-color-text-muted, #a5adbd);
      --_border: var(--advocacy-color-border, #343a48);
      --_danger: var(--advocacy-color-danger, #ffb4ab);
      --_success: var(--advocacy-color-success, #7fd79a);
      --_highlight: var(--advocacy-color-highlight, #23304d);
      --_skeleton: var(--advocacy-color-skeleton, #2a303c);
      --_focus: var(--advocacy-color-focus, #8ab0ff);
      color-scheme: dark;
    }
  }
  :host([theme='dark']) {
    --_accent: var(--advocacy-color-accent, #8ab0ff);
    --_on-accent: var(--advocacy-color-on-accent, #0d1526);
    --_bg: var(--advocacy-color-background, #0f1218);
    --_surface: var(--advocacy-color-surface, #1a1e27);
    --_text: var(--advocacy-color-text, #e8eaf0);
    --_muted: var(--advocacy-color-text-muted, #a5adbd);
    --_border: var(--advocacy-color-border, #343a48);
    --_danger: var(--advocacy-color-danger, #ffb4ab);
    --_success: var(--advocacy-color-success, #7fd79a);
    --_highlight: var(--advocacy-color-highlight, #23304d);
    --_skeleton: var(--advocacy-color-skeleton, #2a303c);
    --_focus: var(--advocacy-color-focus, #8ab0ff);
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;

/** Buttons, chips, notices, skeletons and the visually-hidden helper shared by components. */
export const shared = css`
  /* Not on a table: a table keeps its content's width whatever width it is given; wrap it instead. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button,
  .button {
    font: inherit;
    font-weight: 600;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 40px;
    padding: 0 calc(var(--_space) * 1);
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    text-decoration: none;
    transition: background-color 120ms ease, border-color 120ms ease;
  }
  button:hover {
    border-color: var(--_accent);
  }
  button.primary,
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button.primary:hover,
  .button.primary:hover {
    filter: brightness(1.08);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible,
  .chip:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .chip {
    position: relative;
    display: inline-flex;
    align-items: center;
    min-height: 36px;
    padding: 0 14px;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.9rem;
    cursor: pointer;
  }
  .chip input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .chip:has(input:checked) {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .notice {
    display: flex;
    gap: 12px;
    align-items: center;
    flex-wrap: wrap;
    padding: 12px var(--_space);
    border-radius: var(--_radius-small);
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .notice.error {
    border-color: var(--_danger);
  }
  .notice.error strong {
    color: var(--_danger);
  }
  .state {
    display: grid;
    justify-items: center;
    gap: 8px;
    text-align: center;
    padding: calc(var(--_space) * 2) var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px dashed var(--_border);
    color: var(--_muted);
  }
  .state strong {
    color: var(--_text);
    font-size: 1.05rem;
  }
  .skeleton {
    background: var(--_skeleton);
    border-radius: var(--_radius-small);
    animation: pulse 1.4s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  h2,
  h3,
  h4,
  h5,
  h6,
  p {
    margin: 0;
  }
`;
