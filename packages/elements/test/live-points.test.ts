import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { find, shadow, shareDialogOf, testClient, untilText } from './helpers.js';

/** The figures a user reads: my-stats' Points tile and the points on my own leaderboard row. */
const myPoints = (stats: Element) => shadow(stats).querySelector('[part="figure"] dd')?.textContent?.trim();
const myRow = (board: Element) => shadow(board).querySelector('[part~="me"] [part="points"]')?.textContent?.trim();
const n = (value: number) => new Intl.NumberFormat('en').format(value);

/** Stands in for the network's window and the clipboard, as far as the page can tell; returns the undo. */
function stubNetworkSide(): () => void {
  const open = window.open;
  const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  window.open = (() => ({
    location: { href: 'about:blank' },
    closed: false,
    close() {},
  })) as unknown as typeof window.open;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async () => {} },
  });
  return () => {
    window.open = open;
    if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  };
}

describe('points stay true after a share', () => {
  it('shows the new points in my stats and on my leaderboard row without a reload', async () => {
    const { client, backend } = testClient();
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en">
        <advocacy-provider .client=${client}>
          <advocacy-my-stats></advocacy-my-stats>
          <advocacy-leaderboard></advocacy-leaderboard>
          <advocacy-feed></advocacy-feed>
        </advocacy-provider>
      </div>`,
    );
    const stats = wrapper.querySelector('advocacy-my-stats')!;
    const board = wrapper.querySelector('advocacy-leaderboard')!;
    const feed = wrapper.querySelector('advocacy-feed')!;
    const before = await backend.getMyStats(client.myStats.period.get());
    await waitUntil(() => myPoints(stats) === n(before.points), 'my stats never showed the points');
    await waitUntil(() => myRow(board) === `${n(before.points)} pts`, 'my leaderboard row never showed the points');

    // Share the first post as an employee would: Share on the card, make the words personal, Share.
    const restore = stubNetworkSide();
    try {
      const share = await find<HTMLButtonElement>(feed, '[part="card"] [part="share-button"]');
      share.click();
      const dialog = await shareDialogOf(feed);
      const textarea = await find<HTMLTextAreaElement>(dialog, 'textarea');
      textarea.focus();
      await sendKeys({ type: ' — worth your time' });
      await dialog.updateComplete;
      expect(textarea.value).to.contain('worth your time');
      shadow(dialog).querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
      await untilText(dialog, 'You earned 10 points.');
    } finally {
      restore();
    }

    const after = n(before.points + 10);
    await waitUntil(() => myPoints(stats) === after, `my stats still show ${myPoints(stats)}`);
    await waitUntil(() => myRow(board) === `${after} pts`, `my leaderboard row still shows ${myRow(board)}`);
    expect(shadow(stats).querySelectorAll('[part="figure"] dd')[1]!.textContent!.trim()).to.equal(n(before.shares + 1));
  });
});
