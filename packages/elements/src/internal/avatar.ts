import { html, nothing } from 'lit';
import { initials } from './format.js';
import { linkable } from './url.js';

/** Shows the picture once it loads, hides it when it fails, so the initials under it show. */
const loaded = (event: Event) => ((event.target as HTMLImageElement).hidden = event.type === 'error');

/** A round avatar: the person's initials, covered by their picture when it loads. */
export function avatar(name: string, url: string | null) {
  return html`<span class="avatar" part="avatar" aria-hidden="true"
    >${initials(name)}${linkable(url) ? html`<img src=${url} alt="" loading="lazy" @load=${loaded} @error=${loaded} />` : nothing}</span
  >`;
}
