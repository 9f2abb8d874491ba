/*
 * The bottom bar on narrow screens (index.html's `.section-bar`): each link jumps to its section
 * (the target takes focus, so keyboards and screen readers follow) and is marked as the current
 * one for assistive technology.
 */
const bar = document.querySelector<HTMLElement>('.section-bar');
bar?.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a');
  if (!link) return;
  for (const other of bar.querySelectorAll('a')) other.removeAttribute('aria-current');
  link.setAttribute('aria-current', 'location');
});
