import { expect, fixture, html, waitUntil } from '@open-wc/testing';

interface BundleWindow extends Window {
  bundlePageReady?: boolean;
  bundleProblems: { errors: string[]; warnings: string[]; violations: string[] };
}

/** Loads a test page that uses dist/advocacy-kit.min.js in an iframe and waits for its scripts. */
async function loadPage(path: string): Promise<BundleWindow> {
  const frame = await fixture<HTMLIFrameElement>(html`<iframe title="bundle page" src=${path} width="1000" height="800"></iframe>`);
  await waitUntil(() => (frame.contentWindow as BundleWindow | null)?.bundlePageReady, `${path} never finished loading`, { timeout: 8000 });
  return frame.contentWindow as BundleWindow;
}

/** Where `installHttpAdmin()` leaves httpBackend's admin methods for every copy of core on the page. */
const HTTP_ADMIN = Symbol.for('advocacy-kit.http-admin/1');
const installedAdmin = (win: Window) => (win as unknown as Record<symbol, unknown>)[HTTP_ADMIN];

/**
 * A script's text and its chunks' (the paths they import relative to themselves), by URL:
 * `first` what the browser loads with the script (static imports), `all` with its lazy chunks too.
 */
async function scriptFiles(script: string): Promise<{ first: Map<string, string>; all: Map<string, string> }> {
  const first = new Map<string, string>();
  const all = new Map<string, string>();
  const visit = async (url: string, lazy: boolean): Promise<void> => {
    if (all.has(url) && (lazy || first.has(url))) return;
    const text = all.get(url) ?? (await (await fetch(url)).text());
    all.set(url, text);
    if (!lazy) first.set(url, text);
    for (const [, path] of text.matchAll(/\bfrom\s*"(\.[^"]+)"/g)) await visit(new URL(path!, new URL(url, location.href)).pathname, lazy);
    for (const [, path] of text.matchAll(/\bimport\(\s*"(\.\/chunks\/[^"]+)"\s*\)/g))
      await visit(new URL(path!, new URL(url, location.href)).pathname, true);
  };
  await visit(`/dist/${script}`, false);
  return { first, all };
}

const joined = (files: Map<string, string>) => [...files.values()].join('\n');

function cardsIn(win: Window, selector: string): number {
  return win.document.querySelector(selector)?.shadowRoot?.querySelectorAll('[part="card"]').length ?? 0;
}

describe('the self-contained script', () => {
  it('loads twice without an error, and once more under a prefix with its own tags', async () => {
    const win = await loadPage('/test/bundle/two-copies.html');
    expect(win.bundleProblems.errors).to.deep.equal([]);
    expect(win.bundleProblems.warnings.some((w) => w.includes('<advocacy-feed> is already defined'))).to.equal(true);
    for (const base of ['provider', 'feed', 'share-dialog', 'leaderboard', 'my-stats', 'suggest', 'rewards']) {
      expect(win.customElements.get(`advocacy-${base}`), `advocacy-${base}`).not.to.equal(undefined);
      expect(win.customElements.get(`acme-${base}`), `acme-${base}`).not.to.equal(undefined);
    }
    expect(win.customElements.get('acme-feed')).not.to.equal(win.customElements.get('advocacy-feed'));
    await waitUntil(() => cardsIn(win, '#plain') > 0 && cardsIn(win, '#acme') > 0, 'a feed did not render', { timeout: 8000 });
    // The prefixed feed opens its share dialog under its own prefix.
    const acmeRoot = win.document.querySelector('#acme')!.shadowRoot!;
    acmeRoot.querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
    await waitUntil(() => acmeRoot.querySelector('acme-share-dialog'), 'the prefixed feed did not open acme-share-dialog', {
      timeout: 8000,
    });
    expect(acmeRoot.querySelector('advocacy-share-dialog')).to.equal(null);
    expect(win.bundleProblems.errors).to.deep.equal([]);
  });

  it('renders the feed and its share dialog under script-src and style-src self, with no CSP violation', async () => {
    const win = await loadPage('/test/bundle/csp.html');
    await waitUntil(() => cardsIn(win, 'advocacy-feed') > 0, 'the feed did not render', { timeout: 8000 });
    const feedRoot = win.document.querySelector('advocacy-feed')!.shadowRoot!;
    feedRoot.querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
    await waitUntil(
      () => feedRoot.querySelector('advocacy-share-dialog')?.shadowRoot?.querySelector('textarea'),
      'the share dialog did not open',
      {
        timeout: 8000,
      },
    );
    const card = feedRoot.querySelector('[part="card"]')!;
    // The styles, and the design tokens in them, apply as in development.
    expect(win.getComputedStyle(card).borderTopStyle).to.equal('solid');
    expect(win.getComputedStyle(card).backgroundColor).to.equal('rgb(255, 255, 255)');
    const share = feedRoot.querySelector('[part="share-button"]')!;
    expect(win.getComputedStyle(share).backgroundColor).to.equal('rgb(36, 86, 211)');
    expect(win.bundleProblems.violations).to.deep.equal([]);
    expect(win.bundleProblems.errors).to.deep.equal([]);

    // The policy is in force: an inline style attribute is reported at once.
    win.document.body.insertAdjacentHTML('beforeend', '<p style="color: red">inline</p>');
    await waitUntil(() => win.bundleProblems.violations.length > 0, 'the page is not under the CSP');
    expect(win.bundleProblems.violations[0]).to.match(/^style-src/);
    // The feed bundle leaves httpBackend without its admin methods.
    expect(installedAdmin(win)).to.equal(undefined);
  });

  it('loads the feed script’s share dialog from a chunk beside it, and only on first need', async () => {
    const { first, all } = await scriptFiles('advocacy-feed.min.js');
    const lazy = [...all.keys()].filter((url) => !first.has(url));
    expect(lazy, 'the lazy chunks').to.have.length(1);
    expect(lazy[0]).to.match(/^\/dist\/chunks\/advocacy-share-dialog\.lazy-[\w-]+\.min\.js$/);
    for (const url of all.keys()) expect(url).to.match(/^\/dist\/(chunks\/)?advocacy-[\w.-]+\.min\.js$/);
    // The dialog's words travel in its chunk only.
    expect(joined(first)).not.to.include('Before your first share');
    expect(all.get(lazy[0]!)).to.include('Before your first share');

    const win = await loadPage('/test/bundle/feed-csp.html');
    await waitUntil(() => cardsIn(win, 'advocacy-feed') > 0, 'the feed did not render', { timeout: 8000 });
    const feedRoot = win.document.querySelector('advocacy-feed')!.shadowRoot!;
    feedRoot.querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
    await waitUntil(
      () => feedRoot.querySelector('advocacy-share-dialog')?.shadowRoot?.querySelector('textarea'),
      'the share dialog did not open',
      {
        timeout: 8000,
      },
    );
    const loaded = win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    expect(loaded).to.include(lazy[0]);
    expect(win.bundleProblems.violations).to.deep.equal([]);
    expect(win.bundleProblems.errors).to.deep.equal([]);
  });

  it('keeps the admin HTTP methods and routes out of the employee scripts', async () => {
    for (const script of ['advocacy-feed.min.js', 'advocacy-kit.min.js']) {
      const text = joined((await scriptFiles(script)).all);
      expect(text, script).to.include('me/shares');
      expect(text, script).not.to.include('admin/employees');
      expect(text, script).not.to.include('admin/posts');
    }
    expect(joined((await scriptFiles('advocacy-admin.min.js')).all)).to.include('admin/employees');
  });

  it('renders the admin components and their charts from advocacy-admin.min.js under the same CSP', async () => {
    const win = await loadPage('/test/bundle/admin-csp.html');
    const root = (tag: string) => win.document.querySelector(tag)!.shadowRoot!;
    await waitUntil(() => root('advocacy-analytics')?.querySelector('svg[role="img"] rect'), 'the analytics charts did not render', {
      timeout: 8000,
    });
    await waitUntil(() => root('advocacy-content-list')?.querySelector('tbody tr'), 'the content list did not render', { timeout: 8000 });
    await waitUntil(() => root('advocacy-rewards-admin')?.querySelector('[part="adjust-form"]'), 'the rewards admin did not render', {
      timeout: 8000,
    });
    await waitUntil(() => root('advocacy-suggestion-queue')?.querySelector('[part="item"]'), 'the suggestion queue did not render', {
      timeout: 8000,
    });
    root('advocacy-suggestion-queue').querySelector<HTMLButtonElement>('[part="approve-button"]')!.click();
    await waitUntil(() => root('advocacy-suggestion-queue').querySelector('dialog[open]'), 'the approval dialog did not open', {
      timeout: 8000,
    });
    const bar = root('advocacy-analytics').querySelector('.bar')!;
    expect(win.getComputedStyle(bar).fill).to.equal('rgb(36, 86, 211)');
    expect(win.bundleProblems.violations).to.deep.equal([]);
    expect(win.bundleProblems.errors).to.deep.equal([]);
    // The admin components installed the provider's httpBackend's admin methods.
    expect(installedAdmin(win)).to.be.a('function');
    // The employee bundles never register the admin tags.
    expect(win.customElements.get('advocacy-feed')).to.equal(undefined);
    expect(win.customElements.get('advocacy-rewards')).to.equal(undefined);
  });
});
