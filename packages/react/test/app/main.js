// A React app (18 or 19, whichever `react` resolves to) with <AdvocacyProvider demo> and
// <AdvocacyFeed>: the share's detail arrives through `onAdvocacyShare` into React state.
// `window.advocacyTest.share()` shares the first post to X the way an employee would (the feed's
// Share button, the X choice, the dialog's Share button) and resolves with what React received.
import { createElement as h, useState, version } from 'react';
import { createRoot } from 'react-dom/client';
import { AdvocacyFeed, AdvocacyProvider } from '@advocacy-kit/react';

let received;

function App() {
  const [shares, setShares] = useState([]);
  const onAdvocacyShare = (event) => {
    setShares((list) => [...list, event.detail]);
    received = event.detail;
  };
  return h(
    'main',
    null,
    h('p', { id: 'shares' }, String(shares.length)),
    h(AdvocacyProvider, { demo: true }, h(AdvocacyFeed, { headingLevel: 2, onAdvocacyShare })),
  );
}

createRoot(document.getElementById('root')).render(h(App));

/** Resolves with `check()`'s first truthy value; fails after `timeoutMs`. */
async function until(check, what, timeoutMs = 60_000) {
  const started = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

window.advocacyTest = {
  async share() {
    // The popup is "blocked": the share is still recorded and the dialog links to the intent.
    window.open = () => null;
    const feed = await until(() => document.querySelector('advocacy-feed'), '<advocacy-feed>');
    const headingLevel = feed.headingLevel;
    const shareButton = await until(() => feed.shadowRoot?.querySelector('[part="share-button"]'), 'a Share button');
    shareButton.click();
    const dialog = await until(() => {
      const element = feed.shadowRoot.querySelector('advocacy-share-dialog');
      return element?.open && element;
    }, 'the share dialog');
    const x = await until(
      () => [...dialog.shadowRoot.querySelectorAll('[part="networks"] label')].find((label) => label.textContent.trim() === 'X'),
      'the X choice',
    );
    x.querySelector('input').click();
    await dialog.updateComplete;
    dialog.shadowRoot.querySelector('[part="share-button"]').click();
    const detail = await until(() => received, 'onAdvocacyShare to be called');
    await until(() => document.getElementById('shares').textContent === '1', 'React to render the share');
    return {
      react: version,
      headingLevel,
      network: detail.network,
      postId: detail.postId,
      trackingUrl: detail.share.trackingUrl,
    };
  },
};
