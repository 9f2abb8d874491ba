/**
 * Tag registration that survives a second copy of the library on the page.
 *
 * Every component has a base name (`feed`, `share-dialog`, …). Its tag is `<prefix>-<base>`,
 * with the prefix `advocacy` unless the host chose another one, either
 *
 * - in a bundler: `setTagPrefix('acme')` in a module imported before any `define/*` module, or
 * - with the script tag: `window.AdvocacyKitConfig = { prefix: 'acme' }` set before the
 *   script loads.
 *
 * Components look up the tags of their children through `tagFor()`, so a prefixed copy renders
 * prefixed children.
 */

declare global {
  interface Window {
    /** Set before loading the library to register its tags under another prefix. */
    AdvocacyKitConfig?: { prefix?: string };
  }
}

const DEFAULT_PREFIX = 'advocacy';
const VALID_PREFIX = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

let prefix = readConfiguredPrefix();
const warned = new Set<string>();

function readConfiguredPrefix(): string {
  const configured = typeof window === 'undefined' ? undefined : window.AdvocacyKitConfig?.prefix;
  if (configured === undefined) return DEFAULT_PREFIX;
  if (!VALID_PREFIX.test(configured)) {
    console.warn(`[advocacy-kit] Invalid tag prefix "${configured}" ignored.`);
    return DEFAULT_PREFIX;
  }
  return configured;
}

/** Changes the prefix of the tags defined from now on. Call it before importing `define/*`. */
export function setTagPrefix(value: string): void {
  if (!VALID_PREFIX.test(value)) {
    throw new TypeError(`Invalid tag prefix "${value}": use lowercase letters, digits and dashes.`);
  }
  prefix = value;
}

/** The prefix in force, `advocacy` by default. */
export function getTagPrefix(): string {
  return prefix;
}

/** The tag a component's base name resolves to, e.g. `tagFor('feed')` → `advocacy-feed`. */
export function tagFor(base: string): string {
  return `${prefix}-${base}`;
}

/**
 * Defines `tag` unless it is already defined. When another class (another copy or version of
 * the library) holds the tag, it warns once and leaves that definition in place.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor || warned.has(tag)) return;
  warned.add(tag);
  console.warn(
    `[advocacy-kit] <${tag}> is already defined by another copy; keeping it. Give this copy its own tags with window.AdvocacyKitConfig = { prefix }.`,
  );
}
