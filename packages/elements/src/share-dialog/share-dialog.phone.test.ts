import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { AdvocacyShareDialogElement } from './share-dialog.component.js';
import { deepActiveElement, find, findAll, shadow, testClient } from '../../test/helpers.js';

// The share dialog on a phone (issue #20): Share and Cancel in view without scrolling, no
// keyboard popping up over it on opening, and one height whatever the network.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1024, height: 768 };

async function openDialog(lang = 'en') {
  const { client, backend } = testClient();
  const posts = (await backend.listFeed({ limit: 100 })).items;
  // The post that may go everywhere (so every network is offered), with an image when there is one.
  const post = posts.find((p) => p.networks.length === 0 && p.imageUrl) ?? posts.find((p) => p.networks.length === 0) ?? posts[0]!;
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><button id="invoker">Share</button><advocacy-share-dialog .client=${client}></advocacy-share-dialog></div>`,
  );
  const dialog = wrapper.querySelector('advocacy-share-dialog')!;
  const invoker = wrapper.querySelector<HTMLButtonElement>('#invoker')!;
  invoker.focus();
  await dialog.show(post, invoker);
  await find(dialog, 'textarea');
  return { dialog, invoker };
}

const box = (dialog: AdvocacyShareDialogElement) => shadow(dialog).querySelector('dialog')!.getBoundingClientRect();

/** An element as a short selector: `h2#title`, `button[part=close-button]`. */
function nameOf(element: Element | null): string {
  if (!element) return 'nothing';
  const part = element.getAttribute('part');
  return `${element.localName}${element.id ? `#${element.id}` : ''}${part ? `[part=${part}]` : ''}`;
}

async function withViewport(size: { width: number; height: number }, run: () => Promise<void>): Promise<void> {
  await setViewport(size);
  try {
    await run();
  } finally {
    await setViewport({ width: 800, height: 600 });
  }
}

describe('<advocacy-share-dialog> on a phone', () => {
  for (const lang of ['en', 'ja']) {
    it(`shows Share and Cancel without scrolling at 390×844 (${lang})`, () =>
      withViewport(PHONE, async () => {
        const { dialog } = await openDialog(lang);
        expect(innerWidth).to.equal(PHONE.width);
        const share = shadow(dialog).querySelector<HTMLButtonElement>('[part="share-button"]')!;
        const cancel = () =>
          findAll<HTMLButtonElement>(dialog, 'button').find((button) => /^(Cancel|キャンセル)$/.test(button.textContent!.trim()));
        for (const button of [share, cancel()]) {
          expect(button, 'a Cancel button').to.be.instanceOf(HTMLButtonElement);
          if (!button) return;
          const rect = button.getBoundingClientRect();
          expect(rect.height, button.textContent!).to.be.greaterThan(0);
          expect(rect.top, button.textContent!).to.be.at.least(0);
          expect(rect.left, button.textContent!).to.be.at.least(0);
          expect(rect.bottom, button.textContent!).to.be.at.most(innerHeight);
          expect(rect.right, button.textContent!).to.be.at.most(innerWidth);
          // Nothing covers it: a tap there reaches the button.
          const hit = shadow(dialog).elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
          expect(button.contains(hit), button.textContent!).to.equal(true);
        }
        // The dialog is the whole screen, and only its body scrolls.
        const rect = box(dialog);
        expect(rect.width).to.equal(PHONE.width);
        expect(rect.height).to.equal(PHONE.height);
        await expect(dialog).to.be.accessible();
        cancel()!.click();
        await waitUntil(() => !dialog.open, 'Cancel did not close the dialog');
      }));
  }

  it('does not focus the commentary on a narrow screen (a keyboard would cover the dialog): the heading is focused, and Tab stays inside', () =>
    withViewport(PHONE, async () => {
      const { dialog, invoker } = await openDialog();
      const title = shadow(dialog).querySelector<HTMLElement>('#title')!;
      // Compared by name: a failure then says where focus went.
      const focused = () => nameOf(deepActiveElement());
      expect(focused()).to.equal('h2#title');
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal('button[part=close-button]');
      // Back from the first control, and back from the heading: to the last one, never out of the dialog.
      title.focus();
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(focused()).to.equal('button[part=share-button]');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Escape did not close the dialog');
      expect(deepActiveElement() === invoker).to.equal(true);
    }));

  it('does not focus the commentary on a touch screen, however wide', () =>
    withViewport(DESKTOP, async () => {
      // A tablet: the DevTools protocol's touch emulation makes the primary pointer coarse.
      await executeServerCommand('emulate-touch', { enabled: true });
      try {
        expect(matchMedia('(pointer: coarse)').matches).to.equal(true);
        const { dialog } = await openDialog();
        expect(shadow(dialog).contains(deepActiveElement())).to.equal(true);
        expect(nameOf(deepActiveElement())).to.equal('h2#title');
      } finally {
        await executeServerCommand('emulate-touch', { enabled: false });
      }
    }));

  it('still focuses the commentary on a desktop with a mouse', () =>
    withViewport(DESKTOP, async () => {
      const { dialog } = await openDialog();
      expect(shadow(dialog).contains(deepActiveElement())).to.equal(true);
      expect(nameOf(deepActiveElement())).to.equal('textarea#commentary[part=commentary]');
    }));

  for (const [name, size] of [
    ['a phone', PHONE],
    ['a desktop', DESKTOP],
  ] as const) {
    it(`keeps one height whatever the network on ${name}`, () =>
      withViewport(size, async () => {
        const { dialog } = await openDialog();
        const chips = findAll<HTMLInputElement>(dialog, '[part="networks"] input');
        // X (a 280 limit), LinkedIn (only the link), Facebook, email and copy (no counter): they all differ.
        expect(chips.length).to.be.greaterThan(3);
        const heights = new Set<number>();
        for (const chip of [...chips, chips[0]!]) {
          chip.click();
          await dialog.updateComplete;
          heights.add(box(dialog).height);
        }
        expect([...heights]).to.have.length(1);
        expect([...heights][0]).to.be.at.most(size.height);
      }));
  }
});
