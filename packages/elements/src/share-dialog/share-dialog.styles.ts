import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';

export const styles = [
  tokens,
  shared,
  css`
    :host {
      display: contents;
    }
    dialog {
      width: min(560px, calc(100vw - 24px));
      max-height: calc(100vh - 24px);
      max-height: calc(100dvh - 24px);
      overflow: hidden;
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font-family: var(--_font);
      line-height: 1.5;
      box-shadow: 0 24px 64px rgb(0 0 0 / 0.25);
    }
    /* While composing, one height whatever the network (their limits, notices and previews
       differ), the body scrolling between the header and the footer: Share stays in view. vh
       where dvh is unknown. The policy and the outcome take the room they need. */
    dialog:has(.compose) {
      height: min(44rem, calc(100vh - 24px));
      height: min(44rem, calc(100dvh - 24px));
    }
    dialog[open] {
      display: flex;
      flex-direction: column;
      /* The top layer already shows a modal above the page's fixed bars; tools that work out what
         covers what from CSS alone (axe's target-size) need the z-index to see it too. */
      z-index: 2147483647;
    }
    /* A phone: the dialog is the whole (small) viewport. */
    @media (max-width: 600px) {
      dialog,
      dialog:has(.compose) {
        width: 100vw;
        max-width: none;
        height: 100vh;
        height: 100dvh;
        max-height: none;
        margin: 0;
        border: 0;
        border-radius: 0;
      }
    }
    dialog::backdrop {
      background: rgb(10 14 24 / 0.55);
    }
    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      padding: 12px var(--_space);
      border-bottom: 1px solid var(--_border);
      background: var(--_surface);
    }
    .header h2 {
      font-size: 1.1rem;
    }
    button.icon {
      min-height: 40px;
      width: 40px;
      padding: 0;
      border-color: transparent;
      background: transparent;
    }
    .body,
    .policy,
    .status,
    .loading {
      flex: auto;
      min-height: 0;
      overflow: auto;
      display: grid;
      align-content: start;
      gap: 14px;
      padding: var(--_space);
    }
    .compose {
      flex: auto;
      min-height: 0;
      display: flex;
      flex-direction: column;
    }
    .footer {
      display: flex;
      gap: 8px;
      padding: 12px var(--_space);
      border-top: 1px solid var(--_border);
    }
    legend,
    label[for] {
      font-weight: 600;
      margin-bottom: 6px;
      padding: 0;
    }
    .field {
      display: grid;
      gap: 4px;
    }
    .hint,
    .counter {
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .counter {
      justify-self: end;
      min-height: 1.5em;
      font-variant-numeric: tabular-nums;
    }
    .counter.over,
    .field-error {
      color: var(--_danger);
      font-weight: 600;
    }
    textarea {
      font: inherit;
      width: 100%;
      min-height: 8rem;
      padding: 10px 12px;
      border-radius: var(--_radius-small);
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_text);
      resize: vertical;
    }
    textarea[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .preview {
      margin: 0;
      display: grid;
      grid-template-columns: 120px 1fr;
      overflow: hidden;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    .preview:not(:has(img)) {
      grid-template-columns: 1fr;
    }
    .preview img {
      width: 100%;
      height: 100%;
      object-fit: cover;
      aspect-ratio: 1.91 / 1;
    }
    .preview figcaption {
      display: grid;
      align-content: center;
      gap: 2px;
      padding: 8px 12px;
      min-width: 0;
    }
    .preview .domain {
      color: var(--_muted);
      font-size: 0.8rem;
    }
    .preview strong {
      overflow-wrap: anywhere;
    }
    .footer button {
      min-height: 48px;
    }
    button.share {
      flex: 1;
    }
    .policy-text {
      max-height: 40vh;
      overflow: auto;
      padding: 12px;
      border-radius: var(--_radius-small);
      background: var(--_bg);
    }
    .status {
      justify-items: center;
      text-align: center;
    }
    .status.success h3 {
      color: var(--_success);
    }
    .status.error h3 {
      color: var(--_danger);
    }
    .points {
      font-size: 1.1rem;
      font-weight: 600;
    }
  `,
];
