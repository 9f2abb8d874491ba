import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyShareDialogElement } from './share-dialog.component.js';
import { demoSeed } from '@advocacy-kit/core/memory';
import { deepActiveElement, find, findAll, shadow, shareDialogOf, testClient, textOf, untilText } from '../../test/helpers.js';

interface FakeWindow {
  location: { href: string };
  closed: boolean;
  opener: unknown;
  close(): void;
}

/** Replaces window.open with a recorder that hands back a fake popup. */
function stubWindowOpen() {
  const calls: unknown[][] = [];
  const popup: FakeWindow = {
    location: { href: 'about:blank' },
    closed: false,
    opener: 'page',
    close() {
      this.closed = true;
    },
  };
  const original = window.open;
  window.open = ((...args: unknown[]) => {
    calls.push(args);
    return popup;
  }) as typeof window.open;
  return { calls, popup, restore: () => (window.open = original) };
}

/** Replaces the clipboard with one that records what is written. */
function stubClipboard() {
  const written: string[] = [];
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void written.push(text) },
  });
  return {
    written,
    restore: () => {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    },
  };
}

async function openDialog(options: Parameters<typeof testClient>[0] = {}, lang = 'en') {
  const { client, backend } = testClient(options);
  const posts = (await backend.listFeed({ limit: 100 })).items;
  const post = posts.find((p) => p.networks.length === 0 && Object.keys(p.suggestedCommentary).includes('ja')) ?? posts[0]!;
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><button id="invoker">Share</button><advocacy-share-dialog .client=${client}></advocacy-share-dialog></div>`,
  );
  const dialog = wrapper.querySelector('advocacy-share-dialog')!;
  const invoker = wrapper.querySelector<HTMLButtonElement>('#invoker')!;
  invoker.focus();
  await dialog.show(post, invoker);
  return { client, backend, post, dialog, invoker };
}

function pickNetwork(dialog: AdvocacyShareDialogElement, label: string): Promise<unknown> {
  const chip = findAll<HTMLLabelElement>(dialog, '[part="networks"] label').find((l) => l.textContent!.trim() === label);
  if (!chip) throw new Error(`no network chip "${label}"`);
  chip.querySelector('input')!.click();
  return dialog.updateComplete;
}

async function typeCommentary(dialog: AdvocacyShareDialogElement, text: string): Promise<void> {
  const textarea = await find<HTMLTextAreaElement>(dialog, 'textarea');
  textarea.value = text;
  textarea.dispatchEvent(new Event('input'));
  await dialog.updateComplete;
}

describe('<advocacy-share-dialog>', () => {
  it('asks for the policy before the first share, and shares once accepted', async () => {
    const { dialog } = await openDialog({ employeeId: 'emp-tom' });
    const accept = await find<HTMLButtonElement>(dialog, '[part="accept-button"]');
    expect(textOf(dialog)).to.contain('Before your first share');
    expect(shadow(dialog).querySelector('textarea')).to.equal(null);
    await expect(dialog).to.be.accessible();
    const accepted = oneEvent(dialog, 'advocacy-policy-accepted');
    accept.click();
    const event = await accepted;
    expect(event.detail.employee.policyAcceptedAt).to.be.a('string');
    await find(dialog, 'textarea');
  });

  for (const lang of ['en', 'ja']) {
    it(`shows the published policy as text (${lang}), accepts that version by keyboard, and asks again for a new one`, async () => {
      const { dialog, backend, client, post } = await openDialog({ employeeId: 'emp-tom' }, lang);
      client.setLocale(lang);
      const admin = backend.as('emp-haruka').admin;
      await admin.savePolicyDraft!({
        en: 'Speak for yourself.\n\n<img src=x onerror=alert(1)> is text.',
        ja: '自分の言葉で。\n\n<b>太字</b>ではない。',
      });
      const v2 = await admin.publishPolicy!();
      await client.compliance.refresh();
      const accept = await find<HTMLButtonElement>(dialog, '[part="accept-button"]');
      const paragraphs = findAll(dialog, '.policy-text p').map((p) => p.textContent);
      expect(paragraphs).to.deep.equal(
        lang === 'ja' ? ['自分の言葉で。', '<b>太字</b>ではない。'] : ['Speak for yourself.', '<img src=x onerror=alert(1)> is text.'],
      );
      expect(shadow(dialog).querySelector('.policy-text img, .policy-text b')).to.equal(null);
      const title = () => shadow(dialog).querySelector('[part="policy"] h3')!.textContent!.trim();
      expect(title()).to.equal(lang === 'ja' ? '初めてシェアする前に' : 'Before your first share');
      await expect(dialog).to.be.accessible();
      accept.focus();
      const accepted = oneEvent(dialog, 'advocacy-policy-accepted');
      await sendKeys({ press: 'Enter' });
      expect((await accepted).detail.employee.policyVersionAccepted).to.equal(v2.version);
      await find(dialog, 'textarea');

      // A newer version is published while the dialog is open: the share is refused and the policy comes back.
      await admin.savePolicyDraft!({ en: 'Version three.', ja: '第3版。' });
      await admin.publishPolicy!();
      shadow(dialog).querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
      await untilText(dialog, lang === 'ja' ? '第3版。' : 'Version three.');
      // Not a first share any more: the dialog says the policy changed.
      expect(title()).to.equal(lang === 'ja' ? 'ソーシャルメディアポリシーが更新されました' : 'Our social-media policy has changed');
      expect(post.id).to.be.a('string');
    });
  }

  for (const lang of ['en', 'ja']) {
    it(`shows which blocked phrase is there and why, and disables Share until it is gone (${lang})`, async () => {
      const { dialog } = await openDialog({}, lang);
      await typeCommentary(dialog, 'これは絶対儲かる話です');
      const blocked = await find(dialog, '[part="blocked"]');
      expect(blocked.textContent).to.contain('絶対儲かる').and.to.contain('収益の約束は法務の確認が必要です。');
      expect(blocked.getAttribute('role')).to.equal('alert');
      const share = shadow(dialog).querySelector<HTMLButtonElement>('[part="share-button"]')!;
      expect(share.disabled).to.equal(true);
      const textarea = shadow(dialog).querySelector('textarea')!;
      expect(textarea.getAttribute('aria-invalid')).to.equal('true');
      expect(textarea.getAttribute('aria-describedby')).to.contain('blocked');
      await expect(dialog).to.be.accessible();
      // Latin terms match whatever the case.
      await typeCommentary(dialog, 'A CONFIDENTIAL memo');
      expect((await find(dialog, '[part="blocked"]')).textContent).to.contain('Never share confidential information.');
      await typeCommentary(dialog, 'これは面白い話です');
      expect(shadow(dialog).querySelector('[part="blocked"]')).to.equal(null);
      expect(share.disabled).to.equal(false);
      expect(textOf(dialog)).to.contain(lang === 'ja' ? 'シェア時に追加:' : 'Added when you share:');
    });
  }

  it('starts from the suggestion in the employee’s language, nudges to make it personal, and counts as X does', async () => {
    // The demo's signed-in employee writes in Japanese.
    const { dialog, post } = await openDialog();
    await pickNetwork(dialog, 'X');
    const textarea = await find<HTMLTextAreaElement>(dialog, 'textarea');
    const suggestion = post.suggestedCommentary.ja?.x ?? post.suggestedCommentary.ja?.default;
    expect(suggestion).to.be.a('string');
    expect(textarea.value).to.equal(suggestion);
    expect(textOf(dialog)).to.contain('make it yours');
    await typeCommentary(dialog, 'Good read');
    // What the backend adds is shown and counted: the Japanese disclosure and the post's hashtags.
    const added = ` #社員 ${post.hashtags.map((tag) => `#${tag}`).join(' ')}`;
    expect(shadow(dialog).querySelector('[part="disclosure"]')!.textContent).to.contain(added.trim());
    // 9 characters, the additions (#社員 weighs 5), a space and the link, which X counts as 23.
    const additions = added.length + 2;
    expect(shadow(dialog).querySelector('[part="counter"]')!.textContent!.trim()).to.equal(
      `9 + ${additions} added + 24 for the link = ${9 + additions + 24} / 280`,
    );
    await typeCommentary(dialog, 'あ'.repeat(130));
    // Japanese characters weigh 2: 260 + the additions + 1 + 23.
    expect(shadow(dialog).querySelector('[part="counter"]')!.textContent).to.contain(`${4 + additions} characters over the limit`);
    expect(shadow(dialog).querySelector<HTMLButtonElement>('[part="share-button"]')!.disabled).to.equal(true);
    expect(shadow(dialog).querySelector('textarea')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(dialog).to.be.accessible();
  });

  it('opens the popup inside the click and points it at the intent with the tracking link', async () => {
    const { dialog, post } = await openDialog();
    await pickNetwork(dialog, 'X');
    await typeCommentary(dialog, 'Worth reading');
    const open = stubWindowOpen();
    try {
      const shared = oneEvent(dialog, 'advocacy-share');
      shadow(dialog).querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
      // Synchronously, before anything was awaited: popup blockers only allow this.
      expect(open.calls).to.have.length(1);
      expect(open.calls[0]![0]).to.equal('about:blank');
      const { detail } = await shared;
      expect(detail.postId).to.equal(post.id);
      expect(detail.network).to.equal('x');
      expect(detail.share.trackingUrl).to.match(/^https:\/\//);
      expect(detail.share.commentary).to.match(/^Worth reading #社員/);
      expect(open.popup.location.href).to.equal(
        `https://x.com/intent/post?text=${encodeURIComponent(`${detail.share.commentary} ${detail.share.trackingUrl}`)}`,
      );
      await untilText(dialog, 'Thanks for sharing!');
      expect(textOf(dialog)).to.contain('You earned 10 points.');
      await expect(dialog).to.be.accessible();
    } finally {
      open.restore();
    }
  });

  it('still records the share when the popup is blocked, and links to the intent', async () => {
    const { dialog } = await openDialog();
    await pickNetwork(dialog, 'X');
    await typeCommentary(dialog, 'Blocked popup');
    const original = window.open;
    window.open = (() => null) as typeof window.open;
    try {
      const shared = oneEvent(dialog, 'advocacy-share');
      shadow(dialog).querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
      const { detail } = await shared;
      const link = await find<HTMLAnchorElement>(dialog, '[part="status"] a');
      expect(link.textContent!.trim()).to.equal('Continue on X');
      expect(link.href).to.equal(
        `https://x.com/intent/post?text=${encodeURIComponent(`${detail.share.commentary} ${detail.share.trackingUrl}`)}`,
      );
      expect(link.rel).to.contain('noopener');
    } finally {
      window.open = original;
    }
  });

  for (const lang of ['en', 'ja']) {
    it(`shows what the counter counts: what was typed, what is added, and the link (${lang})`, async () => {
      const { dialog } = await openDialog({}, lang);
      await pickNetwork(dialog, 'LinkedIn');
      await typeCommentary(dialog, 'a'.repeat(120));
      const counter = shadow(dialog).querySelector('[part="counter"]')!.textContent!.trim();
      // LinkedIn counts characters; the link is a space and a 34-character tracking link.
      const pattern =
        lang === 'en' ? /^120 \+ (\d+) added \+ 35 for the link = (\d+) \/ 3000$/u : /^入力120 \+ 追加(\d+) \+ リンク35 = (\d+) \/ 3000$/u;
      const [, added, used] = pattern.exec(counter) ?? [];
      expect(counter).to.match(pattern);
      expect(Number(used)).to.equal(120 + Number(added) + 35);
      // Nothing typed: only the additions and the link count.
      await typeCommentary(dialog, '');
      expect(shadow(dialog).querySelector('[part="counter"]')!.textContent!.trim()).to.match(
        lang === 'en' ? /^0 \+ \d+ added \+ 35 for the link = \d+ \/ 3000$/u : /^入力0 \+ 追加\d+ \+ リンク35 = \d+ \/ 3000$/u,
      );
      await expect(dialog).to.be.accessible();
    });
  }

  it('says before and after that LinkedIn takes only the link, and copies the words', async () => {
    const { dialog } = await openDialog();
    await pickNetwork(dialog, 'LinkedIn');
    expect(textOf(dialog)).to.contain('LinkedIn only takes the link. We’ll copy your words');
    await typeCommentary(dialog, 'Proud of this team');
    const open = stubWindowOpen();
    const clipboard = stubClipboard();
    try {
      const shared = oneEvent(dialog, 'advocacy-share');
      shadow(dialog).querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
      expect(open.calls).to.have.length(1);
      const { detail } = await shared;
      expect(open.popup.location.href).to.equal(
        `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(detail.share.trackingUrl)}`,
      );
      expect(detail.share.commentary).to.match(/^Proud of this team #社員/);
      expect(clipboard.written).to.deep.equal([`${detail.share.commentary} ${detail.share.trackingUrl}`]);
      await untilText(dialog, 'Your words are on the clipboard: paste them into your LinkedIn post.');
    } finally {
      open.restore();
      clipboard.restore();
    }
  });

  it('shows the words to copy by hand when the clipboard refuses, so nothing typed is lost', async () => {
    const { dialog } = await openDialog();
    await pickNetwork(dialog, 'LinkedIn');
    await typeCommentary(dialog, 'Proud of this team');
    const open = stubWindowOpen();
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
    try {
      const shared = oneEvent(dialog, 'advocacy-share');
      shadow(dialog).querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
      const { detail } = await shared;
      await untilText(dialog, 'The clipboard could not be reached. Select the text below and copy it yourself.');
      const fallback = shadow(dialog).querySelector<HTMLTextAreaElement>('[part="copy-fallback"]')!;
      expect(fallback.value).to.equal(`${detail.share.commentary} ${detail.share.trackingUrl}`);
      expect(fallback.readOnly).to.equal(true);
      expect(textOf(dialog)).not.to.contain('Your words are on the clipboard');
      await expect(dialog).to.be.accessible();
    } finally {
      open.restore();
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('shows a failed share with a Retry that opens a new popup and succeeds under the same idempotency key', async () => {
    const { dialog, backend } = await openDialog();
    await pickNetwork(dialog, 'X');
    const open = stubWindowOpen();
    const keys: string[] = [];
    const createShare = backend.createShare;
    backend.createShare = (input) => {
      keys.push(input.idempotencyKey);
      return createShare(input);
    };
    try {
      backend.fail('forbidden');
      const failed = oneEvent(dialog, 'advocacy-share-error');
      shadow(dialog).querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
      const { detail } = await failed;
      expect(detail.network).to.equal('x');
      expect(detail.error.code).to.equal('forbidden');
      expect(open.popup.closed).to.equal(true);
      await untilText(dialog, 'The share didn’t go through');
      await expect(dialog).to.be.accessible();

      backend.fail(null);
      open.popup.closed = false;
      const shared = oneEvent(dialog, 'advocacy-share');
      shadow(dialog).querySelector<HTMLButtonElement>('#retry')!.click();
      expect(open.calls).to.have.length(2);
      await shared;
      await untilText(dialog, 'Thanks for sharing!');
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
    } finally {
      open.restore();
    }
  });

  it('offers the device share sheet only where navigator.share exists', async () => {
    const labels = async () => {
      const { dialog } = await openDialog();
      await find(dialog, '[part="networks"]');
      return findAll(dialog, '[part="networks"] label').map((l) => l.textContent!.trim());
    };
    expect(await labels()).not.to.include('More apps');
    const had = 'share' in navigator;
    (navigator as { share?: unknown }).share = async () => undefined;
    try {
      expect(await labels()).to.include('More apps');
    } finally {
      if (!had) delete (navigator as { share?: unknown }).share;
    }
  });

  it('keeps Tab inside, closes on Escape and gives focus back to the card’s Share button', async () => {
    const { client } = testClient();
    const wrapper = await fixture<HTMLElement>(
      html`<advocacy-provider .client=${client}><advocacy-feed></advocacy-feed></advocacy-provider>`,
    );
    const feed = wrapper.querySelector('advocacy-feed')!;
    const button = await find<HTMLButtonElement>(feed, '[part="share-button"]');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await shareDialogOf(feed);
    await waitUntil(() => dialog.open, 'Enter on Share did not open the dialog');
    await find(dialog, 'textarea');
    const inside = new Set<Element>();
    for (let i = 0; i < 25; i++) {
      if (i % 5 === 4) {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
      } else {
        await sendKeys({ press: 'Tab' });
      }
      const active = deepActiveElement();
      expect(active && shadow(dialog).contains(active), `Tab ${i} left the dialog for ${active?.outerHTML}`).to.equal(true);
      inside.add(active!);
    }
    expect(inside.size).to.be.greaterThan(3);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the dialog');
    await waitUntil(() => deepActiveElement() === button, 'focus did not return to the card’s Share button');
  });

  it('shows the host’s own policy, slotted into the feed, before the first share, when the backend publishes none', async () => {
    const { client } = testClient({ employeeId: 'emp-tom', seed: { ...demoSeed(), policyVersions: [] } });
    const feed = await fixture<HTMLElement>(html`<advocacy-feed .client=${client}>
      <p slot="policy" id="company-policy">Acme’s social media policy, version 3.</p>
    </advocacy-feed>`);
    (await find<HTMLButtonElement>(feed, '[part="share-button"]')).click();
    const dialog = await shareDialogOf(feed);
    await find(dialog, '[part="accept-button"]');
    const slot = shadow(dialog).querySelector<HTMLSlotElement>('slot[name="policy"]')!;
    const shown = slot.assignedElements({ flatten: true });
    expect(shown.map((element) => element.id)).to.deep.equal(['company-policy']);
  });

  it('lets share events out of the feed’s shadow root to the page', async () => {
    const { client } = testClient();
    const wrapper = await fixture<HTMLElement>(
      html`<section><advocacy-provider .client=${client}><advocacy-feed></advocacy-feed></advocacy-provider></section>`,
    );
    const feed = wrapper.querySelector('advocacy-feed')!;
    const button = await find<HTMLButtonElement>(feed, '[part="share-button"]');
    button.click();
    const dialog = await shareDialogOf(feed);
    await find(dialog, 'textarea');
    await pickNetwork(dialog, 'X');
    const open = stubWindowOpen();
    try {
      const shared = oneEvent(wrapper, 'advocacy-share');
      shadow(dialog).querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
      const { detail } = await shared;
      expect(detail.network).to.equal('x');
      expect(detail.share.pointsAwarded).to.equal(10);
      expect(open.popup.location.href).to.contain(encodeURIComponent(detail.share.trackingUrl));
    } finally {
      open.restore();
    }
  });

  it('speaks Japanese under lang="ja"', async () => {
    const { dialog } = await openDialog({}, 'ja');
    await find(dialog, 'textarea');
    expect(textOf(dialog)).to.contain('投稿をシェアする');
    expect(textOf(dialog)).to.contain('コメント');
    expect(shadow(dialog).querySelector('[part="share-button"]')!.textContent).to.contain('でシェアする');
    await expect(dialog).to.be.accessible();
  });
});
