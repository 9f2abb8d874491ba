// Compiled by scripts/check-types.mjs against the BUILT package: `@advocacy-kit/elements/...`
// resolves through the package's exports to dist/*.d.ts. Only the feed's define module is
// imported, so everything typed below must arrive with it.
import '@advocacy-kit/elements/define/advocacy-feed.js';

// The tag is in HTMLElementTagNameMap: the query returns the feed's class, not HTMLElement.
const feed = document.querySelector('advocacy-feed')!;
feed.theme = 'dark';
export const refresh: () => Promise<void> = feed.refresh;
// @ts-expect-error -- not a theme
feed.theme = 'purple';
// @ts-expect-error -- the feed has no such property
feed.notAProperty = true;

// The bubbling, composed events are typed on document and window (GlobalEventHandlersEventMap)…
document.addEventListener('advocacy-share', (event) => {
  const postId: string = event.detail.postId;
  const network: string = event.detail.network;
  // @ts-expect-error -- postId is a string
  const wrong: number = event.detail.postId;
  // @ts-expect-error -- a share's detail has no such field
  void event.detail.notAField;
  void [postId, network, wrong];
});
window.addEventListener('advocacy-error', (event) => {
  const source: string = event.detail.source;
  const code: string = event.detail.error.code;
  void [source, code];
});
// …and on the element itself (HTMLElementEventMap).
feed.addEventListener('advocacy-share-open', (event) => {
  // @ts-expect-error -- the detail is { postId }, not a string
  const wrong: string = event.detail;
  void wrong;
});
