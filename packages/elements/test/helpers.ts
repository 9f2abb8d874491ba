import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createAdvocacyClient, type AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyErrorDetail } from '../src/internal/events.js';
import type { AdvocacyShareDialogElement } from '../src/share-dialog/share-dialog.component.js';
import { memoryBackend, type MemoryBackend, type MemoryBackendOptions } from '@advocacy-kit/core/memory';
import '../src/all.js';

export interface TestClient {
  client: AdvocacyClient;
  backend: MemoryBackend;
}

/** A client over a fresh in-memory backend (the demo company unless told otherwise), with no storage. */
export function testClient(options: MemoryBackendOptions = {}): TestClient {
  const backend = memoryBackend(options);
  const client = createAdvocacyClient({ backend, storage: null });
  return { client, backend };
}

/** The shadow root of an element, typed for queries. */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return element.shadowRoot;
}

/** Waits until `selector` matches inside the element's shadow root and returns the match. */
export async function find<T extends Element = HTMLElement>(element: Element, selector: string, timeout = 4000): Promise<T> {
  await waitUntil(() => shadow(element).querySelector(selector), `nothing matched ${selector} in <${element.localName}>`, { timeout });
  return shadow(element).querySelector<T>(selector)!;
}

/** The feed's share dialog, once a Share press has loaded its code and put it in the feed. */
export async function shareDialogOf(feed: Element): Promise<AdvocacyShareDialogElement> {
  await customElements.whenDefined('advocacy-share-dialog');
  return find<AdvocacyShareDialogElement>(feed, 'advocacy-share-dialog');
}

/** All matches of `selector` in the element's shadow root. */
export function findAll<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
  return [...shadow(element).querySelectorAll<T>(selector)];
}

/** The text a user reads in the element's shadow root, whitespace collapsed. */
export function textOf(element: Element): string {
  return (shadow(element).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the element's shadow text contains `text`. */
export async function untilText(element: Element, text: string, timeout = 4000): Promise<void> {
  await waitUntil(
    () => textOf(element).includes(text),
    `"${text}" never appeared in <${element.localName}>: ${textOf(element).slice(0, 300)}`,
    { timeout },
  );
}

/** The element that has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A Storage kept in memory, so a test can seed what a previous visit left behind. */
export class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
}

/** The demo company signed in as its program admin (佐藤 遥, Asia/Tokyo). */
export function adminClient(options: MemoryBackendOptions = {}): TestClient {
  return testClient({ employeeId: 'emp-haruka', ...options });
}

/** Captures what a CSV export would download instead of saving a file. */
export async function captureDownload(trigger: () => void): Promise<{ name: string; text: string }> {
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  let blob: Blob | undefined;
  let name = '';
  URL.createObjectURL = (object: Blob | MediaSource) => {
    blob = object as Blob;
    return 'blob:captured';
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    name = this.download;
  };
  try {
    trigger();
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  return { name, text: await blob!.text() };
}

/** Like `captureDownload`, for a download that starts after an await (the file is fetched first). */
export async function captureAsyncDownload(trigger: () => Promise<void>): Promise<{ name: string; text: string }> {
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  let blob: Blob | undefined;
  let name = '';
  URL.createObjectURL = (object: Blob | MediaSource) => {
    blob = object as Blob;
    return 'blob:captured';
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    name = this.download;
  };
  try {
    await trigger();
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  return { name, text: await blob!.text() };
}

/**
 * Mounts `<tag>` with a client whose backend fails, and waits for the `advocacy-error` it
 * announces (caught on a wrapper, so it must bubble) and the alert it draws.
 */
export async function mountFailing<T extends HTMLElement>(
  tag: keyof HTMLElementTagNameMap,
  client: AdvocacyClient,
): Promise<{ element: T; detail: AdvocacyErrorDetail; alert: HTMLElement }> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  const failed = oneEvent(wrapper, 'advocacy-error');
  wrapper.innerHTML = `<${tag}></${tag}>`;
  const element = wrapper.querySelector(tag) as unknown as T & { client: AdvocacyClient };
  element.client = client;
  const { detail } = (await failed) as CustomEvent<AdvocacyErrorDetail>;
  return { element, detail, alert: await find(element, '[role="alert"]') };
}

/** Presses the alert's Retry, then waits until `selector` shows and the alert is gone. */
export async function retryRecovers(element: Element, alert: HTMLElement, selector: string): Promise<void> {
  alert.querySelector('button')!.click();
  await find(element, selector);
  await waitUntil(() => shadow(element).querySelector('[role="alert"]') === null, `<${element.localName}> still shows an alert`);
}

/** `heading-level` out of range (7) or removed gives the component's default title level, h2. */
export async function expectDefaultHeadingLevel(element: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  element.setAttribute('heading-level', '7');
  await element.updateComplete;
  expect((await find(element, '#title')).tagName).to.equal('H2');
  element.removeAttribute('heading-level');
  await element.updateComplete;
  expect((await find(element, '#title')).tagName).to.equal('H2');
}
