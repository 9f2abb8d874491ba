import { expect, fixture, html } from '@open-wc/testing';
import { createAdvocacyClient, type AdvocacyBackend, type AdvocacyClient, type Post } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import type { AdvocacyShareDialogElement } from '../share-dialog/share-dialog.component.js';
import { find, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

/**
 * What a custom backend might put where a URL belongs. Browsers strip leading C0 controls and
 * spaces, and tabs and line feeds anywhere, before they read a scheme, and schemes are
 * case-insensitive: each of these runs script (or loads a page) when it reaches an `href`.
 */
const HOSTILE = [
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  ' \t javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  '\u0001javascript:alert(1)',
];

/** Rewrites every `…url`/`…Url` field of a value (deeply) to `hostile`. */
function poison(value: unknown, hostile: string): unknown {
  if (Array.isArray(value)) return value.map((item) => poison(item, hostile));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      /url$/i.test(key) && (typeof field === 'string' || field === null) ? hostile : poison(field, hostile),
    ]),
  );
}

/** The in-memory demo company, except that every URL it answers with is `hostile` — the admin's calls too. */
function hostileBackend(hostile: string, employeeId?: string): AdvocacyBackend {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value === 'function') {
          return async (...args: unknown[]) => poison(await value.apply(object, args), hostile);
        }
        return value !== null && typeof value === 'object' ? wrap(value) : value;
      },
    });
  return wrap(memoryBackend(employeeId ? { employeeId } : {}));
}

const clientOf = (backend: AdvocacyBackend): AdvocacyClient => createAdvocacyClient({ backend, storage: null });

/** Every element under `root`, in the light DOM and every shadow root. */
function everyElement(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

const NAVIGABLE = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'xlink:href', 'ping', 'background', 'data', 'cite'];

/** Fails when any attribute a browser navigates to or loads from is anything but http(s) (or a same-page fragment). */
function expectOnlyHttpUrls(root: Element, hostile: string): void {
  const offending: string[] = [];
  for (const element of everyElement(root)) {
    for (const name of NAVIGABLE) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const { protocol } = new URL(value, 'https://portal.example.com/');
      if (protocol !== 'https:' && protocol !== 'http:') offending.push(`<${element.localName} ${name}="${value}">`);
    }
  }
  expect(offending, `URLs that came from the backend as ${JSON.stringify(hostile)}`).to.deep.equal([]);
}

async function mount(template: unknown): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<div lang="en">${template}</div>`);
}

describe('security: URLs from the backend become links and images only when they are http(s)', () => {
  // A hostile URL that ran would call alert(), which blocks a headless browser: record it instead.
  const alerts: unknown[] = [];
  const alert = window.alert;
  beforeEach(() => {
    alerts.length = 0;
    window.alert = (message?: unknown) => void alerts.push(message);
  });
  afterEach(() => {
    window.alert = alert;
    expect(alerts, 'script from a backend URL ran').to.deep.equal([]);
  });

  for (const hostile of HOSTILE) {
    describe(`a backend answering ${JSON.stringify(hostile)}`, () => {
      it('<advocacy-feed>: the title stays as text without a link, and no image', async () => {
        const wrapper = await mount(html`<advocacy-feed .client=${clientOf(hostileBackend(hostile))}></advocacy-feed>`);
        const feed = wrapper.querySelector('advocacy-feed')!;
        const title = await find(feed, '[part="card"] [part="title"]');
        expect(title.localName).to.equal('span');
        expect(title.textContent!.trim()).not.to.equal('');
        expect(shadow(feed).querySelectorAll('img').length).to.equal(0);
        expectOnlyHttpUrls(wrapper, hostile);
      });

      it('<advocacy-share-dialog>: no preview image, and the link offered when the popup is blocked goes to the network', async () => {
        const backend = hostileBackend(hostile);
        const post = (await backend.listFeed({ limit: 1 })).items[0]!;
        const wrapper = await mount(
          html`<button id="invoker">Share</button><advocacy-share-dialog .client=${clientOf(backend)}></advocacy-share-dialog>`,
        );
        const dialog = wrapper.querySelector<AdvocacyShareDialogElement>('advocacy-share-dialog')!;
        await dialog.show(post as Post, wrapper.querySelector('button')!);
        await find(dialog, 'textarea');
        expect(shadow(dialog).querySelectorAll('[part="preview"] img').length).to.equal(0);
        expectOnlyHttpUrls(wrapper, hostile);

        const x = [...shadow(dialog).querySelectorAll<HTMLLabelElement>('[part="networks"] label')].find(
          (l) => l.textContent!.trim() === 'X',
        )!;
        x.querySelector('input')!.click();
        await dialog.updateComplete;
        const opened: unknown[] = [];
        const original = window.open;
        // The popup is blocked: window.open answers null.
        window.open = ((url?: string | URL) => {
          opened.push(String(url));
          return null;
        }) as typeof window.open;
        try {
          shadow(dialog).querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
          await untilText(dialog, 'Thanks for sharing!');
        } finally {
          window.open = original;
        }
        const link = shadow(dialog).querySelector<HTMLAnchorElement>('.status a')!;
        expect(new URL(link.href).origin).to.equal('https://x.com');
        expect(opened.every((url) => url === 'about:blank' || new URL(url as string).origin === 'https://x.com')).to.equal(true);
        expectOnlyHttpUrls(wrapper, hostile);
      });

      it('<advocacy-leaderboard>: initials instead of avatars', async () => {
        const wrapper = await mount(html`<advocacy-leaderboard .client=${clientOf(hostileBackend(hostile))}></advocacy-leaderboard>`);
        const board = wrapper.querySelector('advocacy-leaderboard')!;
        await find(board, '[part~="row"] [part="avatar"]');
        expect(shadow(board).querySelectorAll('img').length).to.equal(0);
        expectOnlyHttpUrls(wrapper, hostile);
      });

      it('<advocacy-my-stats>, <advocacy-badges>, <advocacy-contest-banner> and <advocacy-suggest>', async () => {
        const client = clientOf(hostileBackend(hostile));
        const wrapper = await mount(
          html`<advocacy-my-stats .client=${client}></advocacy-my-stats><advocacy-badges .client=${client}></advocacy-badges
            ><advocacy-contest-banner .client=${client}></advocacy-contest-banner><advocacy-suggest .client=${client}></advocacy-suggest>`,
        );
        await find(wrapper.querySelector('advocacy-my-stats')!, '[part="figure"]');
        await find(wrapper.querySelector('advocacy-badges')!, '[part~="badge"]');
        await find(wrapper.querySelector('advocacy-contest-banner')!, '[part="banner"]');
        await find(wrapper.querySelector('advocacy-suggest')!, '[part="topics"]');
        expectOnlyHttpUrls(wrapper, hostile);
      });

      it('<advocacy-suggestion-queue>: the suggested link stays as text', async () => {
        const wrapper = await mount(
          html`<advocacy-suggestion-queue .client=${clientOf(hostileBackend(hostile, 'emp-haruka'))}></advocacy-suggestion-queue>`,
        );
        const queue = wrapper.querySelector('advocacy-suggestion-queue')!;
        await find(queue, '[part="item"]');
        expect(shadow(queue).querySelectorAll('[part="item"] a').length).to.equal(0);
        expect(textOf(queue)).to.contain(hostile.trim().replace(/\s+/g, ' '));
        expectOnlyHttpUrls(wrapper, hostile);
      });

      it('<advocacy-content-list> and <advocacy-analytics>: titles stay as text', async () => {
        const client = clientOf(hostileBackend(hostile, 'emp-haruka'));
        const wrapper = await mount(
          html`<advocacy-content-list .client=${client}></advocacy-content-list><advocacy-analytics .client=${client}></advocacy-analytics>`,
        );
        const list = wrapper.querySelector('advocacy-content-list')!;
        await find(list, '[part="row"]');
        expect(shadow(list).querySelectorAll('[part="row"] a').length).to.equal(0);
        await find(wrapper.querySelector('advocacy-analytics')!, '#topPosts-table');
        expectOnlyHttpUrls(wrapper, hostile);
      });

      it('<advocacy-post-editor>: editing a post shows no preview image', async () => {
        const backend = hostileBackend(hostile, 'emp-haruka');
        const post = (await backend.admin!.listPosts({ limit: 1 })).items[0]!;
        const wrapper = await mount(html`<advocacy-post-editor .client=${clientOf(backend)} .post=${post}></advocacy-post-editor>`);
        const editor = wrapper.querySelector('advocacy-post-editor')!;
        await find(editor, '[part="preview"] .placeholder');
        expectOnlyHttpUrls(wrapper, hostile);
      });
    });
  }
});
