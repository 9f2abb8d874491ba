import { html, nothing, type TemplateResult } from 'lit';

/**
 * The `heading-level` attribute of the components that render headings: a host page chooses
 * the level (2–6) that fits its own outline, so an `<h1>` page does not jump to `<h3>`.
 */
export const headingLevelProperty = { type: Number, attribute: 'heading-level' } as const;

/** The level the host asked for when it is 2–6, else the component's default. */
export function levelOf(requested: number | undefined, fallback: number): number {
  return requested !== undefined && requested >= 2 && requested <= 6 ? Math.trunc(requested) : fallback;
}

/** A real `<h2>`…`<h6>` (never `role="heading"`), at most 6. */
export function heading(level: number, content: unknown, id: string, className?: string): TemplateResult {
  const c = className ?? nothing;
  switch (Math.min(level, 6)) {
    case 2:
      return html`<h2 id=${id} class=${c}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id} class=${c}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} class=${c}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} class=${c}>${content}</h5>`;
    default:
      return html`<h6 id=${id} class=${c}>${content}</h6>`;
  }
}
