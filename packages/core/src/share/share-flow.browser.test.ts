import { expect } from '@open-wc/testing';
import type { Post } from '../backend/contract.js';
import { memoryBackend } from '../memory/memory-backend.js';
import { createShareController } from './share-flow.js';
import { openShareWindow } from './window.js';

/** A stand-in for the popup window: records where it is sent and whether it was closed. */
function fakePopup() {
  return {
    location: { href: 'about:blank' },
    closed: false,
    opener: {} as unknown,
    close() {
      this.closed = true;
    },
  };
}

describe('share flow in the browser', () => {
  const originalOpen = window.open;
  const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  let opened: Array<{ url: string | URL | undefined; popup: ReturnType<typeof fakePopup> }>;
  let copied: string[];

  beforeEach(() => {
    opened = [];
    copied = [];
    window.open = ((url?: string | URL) => {
      const popup = fakePopup();
      opened.push({ url, popup });
      return popup;
    }) as typeof window.open;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
  });

  afterEach(() => {
    window.open = originalOpen;
    delete (navigator as { clipboard?: unknown }).clipboard;
    if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
  });

  async function setup() {
    const backend = memoryBackend({ latencyMs: 20 });
    const post: Post = (await backend.listFeed()).items[0]!;
    return { backend, post, shares: createShareController({ backend, retryBaseMs: 1 }) };
  }

  it('opens about:blank at once and sends it to the intent once the share is recorded', async () => {
    const { post, shares } = await setup();
    const target = openShareWindow();
    expect(opened).to.have.length(1);
    expect(opened[0]!.url).to.equal('about:blank');
    expect(target!.opener).to.equal(null);
    const sharing = shares.share({ post, network: 'x', commentary: 'おすすめです', target });
    expect(target!.location.href).to.equal('about:blank');
    const result = await sharing;
    expect(result.intentUrl).to.match(/^https:\/\/x\.com\/intent\/post\?text=/);
    expect(target!.location.href).to.equal(result.intentUrl);
    // The text is what the backend stored: the employee's words, then the disclosure and hashtags it adds.
    expect(result.share.commentary.startsWith('おすすめです ')).to.be.true;
    expect(result.share.commentary).to.contain('#社員');
    expect(decodeURIComponent(result.intentUrl!)).to.contain(`${result.share.commentary} ${result.share.trackingUrl}`);
    expect(target!.closed).to.be.false;
  });

  it('closes the popup when the share fails', async () => {
    const { backend, post, shares } = await setup();
    backend.fail('forbidden');
    const target = openShareWindow();
    let error: unknown;
    try {
      await shares.share({ post, network: 'x', commentary: '', target });
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).to.equal('forbidden');
    expect(target!.closed).to.be.true;
    expect(target!.location.href).to.equal('about:blank');
  });

  it('puts the commentary and link on the clipboard for LinkedIn, whose intent takes only a URL', async () => {
    const { post, shares } = await setup();
    const target = openShareWindow();
    const result = await shares.share({ post, network: 'linkedin', commentary: 'Proud of the team behind this', target });
    expect(result.share.commentary.startsWith('Proud of the team behind this ')).to.be.true;
    const expected = `${result.share.commentary} ${result.share.trackingUrl}`;
    expect(copied).to.deep.equal([expected]);
    expect(result.copiedText).to.equal(expected);
    expect(target!.location.href).to.equal(
      `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(result.share.trackingUrl)}`,
    );
  });

  it('copies without a popup for "copy"', async () => {
    const { post, shares } = await setup();
    const result = await shares.share({ post, network: 'copy', commentary: '' });
    // Nothing typed: the backend's disclosure and hashtags still go with the link.
    expect(result.share.commentary).to.contain('#社員');
    expect(copied).to.deep.equal([`${result.share.commentary} ${result.share.trackingUrl}`]);
    expect(result.intentUrl).to.equal(null);
    expect(opened).to.have.length(0);
  });
});
