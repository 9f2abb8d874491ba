import { html } from 'lit';
import type { FormContext } from './form.js';
import { linkable } from '../internal/url.js';

/**
 * How the post will look in the feed. `brokenImage` is an address that failed to load (the
 * placeholder shows instead); `onBroken` reports one.
 */
export function postPreview(context: FormContext, brokenImage: string, onBroken: (image: string) => void) {
  const { draft, t } = context;
  let host: string;
  try {
    host = new URL(draft.url).hostname;
  } catch {
    host = '';
  }
  const image = linkable(draft.imageUrl) && draft.imageUrl !== brokenImage ? draft.imageUrl : '';
  return html`<figure class="preview" part="preview" aria-label=${t.previewLabel}>
    ${image ? html`<img src=${image} alt="" loading="lazy" @error=${() => onBroken(image)} />` : html`<div class="placeholder" aria-hidden="true"></div>`}
    <figcaption>
      <span class="kind">${t.kinds[draft.kind]}</span>
      <strong>${draft.title || '—'}</strong>
      <span class="summary">${draft.summary}</span>
      <span class="source">${draft.source || host}</span>
    </figcaption>
  </figure>`;
}
