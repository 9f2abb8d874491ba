/*
 * Components further down the page are defined when they come near the viewport, so the first
 * paint and the first seconds of a phone's main thread go to what the employee sees: their code
 * is fetched, and their data requested, only then. A key press defines them all at once, so
 * keyboard and screen-reader users meet the whole page in its order (Tab, headings, landmarks);
 * a link to one of them (the section bar, `#leaderboard`) scrolls it into view, which defines it.
 * Until it is defined, each keeps the room its content takes (styles.css), so the page doesn't
 * jump and the ones below stay below.
 */

/** How far outside the viewport a component starts loading: its data is usually there before it is scrolled in. */
const AHEAD = '300px';

export function defineWhenNear(definitions: Record<string, () => Promise<unknown>>): void {
  const pending = new Map(Object.entries(definitions));
  const define = (tag: string) => {
    const load = pending.get(tag);
    if (!load) return;
    pending.delete(tag);
    void load();
    if (pending.size === 0) stop();
  };
  const defineAll = () => {
    for (const tag of [...pending.keys()]) define(tag);
  };
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) if (entry.isIntersecting) define(entry.target.localName);
          },
          { rootMargin: `${AHEAD} 0px` },
        )
      : undefined;
  function stop() {
    observer?.disconnect();
    removeEventListener('keydown', defineAll, true);
  }
  if (!observer) return defineAll();
  addEventListener('keydown', defineAll, true);
  for (const tag of pending.keys()) for (const element of document.querySelectorAll(tag)) observer.observe(element);
}
