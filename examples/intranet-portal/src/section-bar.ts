/*
 * The bottom bar on narrow screens (index.html's `.section-bar`): each link jumps to its section
 * (the target takes focus, so keyboards and screen readers follow) and is marked as the current
 * one for assistive technology. Components above the target may be defined by the jump itself
 * (define-when-near.ts) and grow from their placeholder's height; the browser's scroll anchoring
 * doesn't always make up for that, so the target is kept at the top while they settle, until the
 * employee scrolls or touches the page.
 */

/** How long after a jump the target is kept in view while the page above it settles. */
const SETTLE_MS = 4000;

function keepInView(target: HTMLElement): void {
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) removeEventListener(type, stop, true);
  };
  let top = target.getBoundingClientRect().top;
  const observer = new ResizeObserver(() => {
    // Only a move the page caused: the employee's own scrolling stops this first.
    const now = target.getBoundingClientRect().top;
    if (Math.abs(now - top) > 1) target.scrollIntoView({ block: 'start' });
    top = target.getBoundingClientRect().top;
  });
  // The page's content grows as they render.
  observer.observe(document.querySelector('main') ?? document.body);
  const timer = setTimeout(stop, SETTLE_MS);
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) addEventListener(type, stop, true);
}

const bar = document.querySelector<HTMLElement>('.section-bar');
bar?.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a');
  if (!link) return;
  for (const other of bar.querySelectorAll('a')) other.removeAttribute('aria-current');
  link.setAttribute('aria-current', 'location');
  const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  // After the browser's own jump to the fragment.
  if (target) requestAnimationFrame(() => keepInView(target));
});
