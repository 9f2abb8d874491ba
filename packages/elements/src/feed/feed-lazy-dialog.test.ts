// The feed loads its share dialog on first need. This file imports only what a page with the
// feed script has (not test/helpers.js, which defines every component), so the dialog's tag is
// undefined until the feed loads it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createAdvocacyClient } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import '../define/advocacy-provider.js';
import '../define/advocacy-feed.js';
import type { AdvocacyFeedElement } from './feed.component.js';
import type { AdvocacyShareDialogElement } from '../share-dialog/share-dialog.component.js';
import { setShareDialogLoader, type ShareDialogModule } from './share-dialog-loader.js';

const importDialog = (): Promise<ShareDialogModule> => import('../share-dialog/share-dialog.lazy.js');

async function feedWithDemo(): Promise<AdvocacyFeedElement> {
  const client = createAdvocacyClient({ backend: memoryBackend(), storage: null });
  const wrapper = await fixture<HTMLElement>(
    html`<div lang="en"><advocacy-provider .client=${client}><advocacy-feed></advocacy-feed></advocacy-provider></div>`,
  );
  const feed = wrapper.querySelector('advocacy-feed')!;
  await waitUntil(() => feed.shadowRoot!.querySelector('[part="share-button"]'), 'the feed showed no Share button');
  return feed;
}

const root = (element: Element) => element.shadowRoot!;
const shareButton = (feed: Element) => root(feed).querySelector<HTMLButtonElement>('[part="share-button"]')!;

/** A loader that counts its calls and fails until told to load for real. */
function countingLoader() {
  const loader = { calls: 0, works: false };
  setShareDialogLoader(() => {
    loader.calls++;
    return loader.works ? importDialog() : Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  });
  return loader;
}

describe('<advocacy-feed> and its lazily loaded share dialog', () => {
  afterEach(() => setShareDialogLoader());

  it('renders without the dialog, fetches it when the browser is idle, and opens it with focus inside', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    setShareDialogLoader(async () => {
      calls++;
      await released;
      return importDialog();
    });
    const feed = await feedWithDemo();
    // Drawn, and nothing the feed script loads up front defines the dialog.
    expect(customElements.get('advocacy-share-dialog')).to.equal(undefined);
    expect(root(feed).querySelector('advocacy-share-dialog')).to.equal(null);

    await waitUntil(() => calls > 0, 'the feed never prefetched the dialog when idle', { timeout: 8000 });
    expect(customElements.get('advocacy-share-dialog')).to.equal(undefined);
    release();
    await customElements.whenDefined('advocacy-share-dialog');

    const button = shareButton(feed);
    button.focus();
    button.click();
    await waitUntil(() => root(feed).querySelector<AdvocacyShareDialogElement>('advocacy-share-dialog')?.open, 'the dialog did not open');
    const dialog = root(feed).querySelector<AdvocacyShareDialogElement>('advocacy-share-dialog')!;
    await waitUntil(() => root(dialog).activeElement, 'focus did not move into the dialog');
    expect(calls).to.equal(1);
    root(dialog).querySelector('dialog')!.close();
    await waitUntil(() => root(feed).activeElement === button, 'focus did not return to the Share button');
  });

  it('fetches the dialog when a Share button is hovered or focused', async () => {
    const loader = countingLoader();
    const feed = await feedWithDemo();
    await waitUntil(() => loader.calls > 0, 'the feed never prefetched the dialog when idle', { timeout: 8000 });
    const button = shareButton(feed);
    const before = loader.calls;
    button.dispatchEvent(new PointerEvent('pointerenter'));
    expect(loader.calls).to.equal(before + 1);
    await feed.updateComplete;
    button.focus();
    await waitUntil(() => loader.calls === before + 2, 'focus did not prefetch the dialog');
    // A failed prefetch says nothing: only a Share press that cannot open the dialog does.
    await feed.updateComplete;
    expect(root(feed).querySelector('[part="share-error"]')).to.equal(null);
  });

  it('says so on the card when the dialog cannot load, and the next press or Retry tries again', async () => {
    const loader = countingLoader();
    const feed = await feedWithDemo();
    const button = shareButton(feed);
    button.focus();
    button.click();
    await waitUntil(() => root(feed).querySelector('[part="share-error"]'), 'no error after a failed load');
    const error = root(feed).querySelector<HTMLElement>('[part="share-error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('We couldn’t open sharing.');
    expect(error.closest('[part="card"]')).to.equal(button.closest('[part="card"]'));
    expect(root(feed).querySelector('advocacy-share-dialog')).to.equal(null);
    expect(root(feed).activeElement).to.equal(button);
    await expect(feed).to.be.accessible();

    // A second press tries again (and fails again while offline): the notice goes, and comes back.
    const before = loader.calls;
    button.click();
    expect(loader.calls).to.equal(before + 1);
    await feed.updateComplete;
    expect(root(feed).querySelector('[part="share-error"]')).to.equal(null);
    await waitUntil(() => root(feed).querySelector('[part="share-error"]'), 'no error after the second failed load');

    // Back online: Retry opens the dialog, and closing it returns focus to the Share button.
    loader.works = true;
    root(feed).querySelector<HTMLButtonElement>('[part="share-error"] button')!.click();
    await waitUntil(
      () => root(feed).querySelector<AdvocacyShareDialogElement>('advocacy-share-dialog')?.open,
      'Retry did not open the dialog',
    );
    expect(root(feed).querySelector('[part="share-error"]')).to.equal(null);
    const dialog = root(feed).querySelector<AdvocacyShareDialogElement>('advocacy-share-dialog')!;
    root(dialog).querySelector('dialog')!.close();
    await waitUntil(() => root(feed).activeElement === button, 'focus did not return to the Share button');
  });
});
