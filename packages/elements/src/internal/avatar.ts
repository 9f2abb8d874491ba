import { html } from 'lit';
import { initials } from './format.js';

/** A round avatar: the picture when there is one, the person's initials otherwise. */
export function avatar(name: string, url: string | null) {
  return url
    ? html`<img class="avatar" part="avatar" src=${url} alt="" width="40" height="40" loading="lazy" />`
    : html`<span class="avatar initials" part="avatar" aria-hidden="true">${initials(name)}</span>`;
}
