/**
 * The language an element should speak: the nearest `lang` attribute (walking out of shadow
 * roots), then `<html lang>`, then the browser's language, then English.
 */
export function resolveLang(element: Element): string {
  let current: Element | null = element;
  while (current !== null) {
    const withLang = current.closest('[lang]');
    const value = withLang?.getAttribute('lang');
    if (value) return value;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang || navigator.language || 'en';
}
