import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyCurationAdminElement } from './curation-admin.component.js';
import { adminClient, find, findAll, mountFailing, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function curationWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyCurationAdminElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-curation-admin></advocacy-curation-admin></advocacy-provider></div>`,
  );
  const element = wrapper.querySelector('advocacy-curation-admin')!;
  await find(element, '[part="item"]');
  return element;
}

describe('<advocacy-curation-admin>', () => {
  it('shows the sources with their last error and the queue, and publishes and dismisses from the keyboard', async () => {
    const { client, backend } = adminClient();
    const element = await curationWith(client);
    expect(findAll(element, '[part="source"]').length).to.be.greaterThan(1);
    expect(shadow(element).querySelector('[part="source-error"]')!.textContent).to.contain('Last fetch failed: The feed answered 503.');
    await expect(element).to.be.accessible();

    const before = findAll(element, '[part="item"]').length;
    const title = findAll(element, '[part="item"] h4')[0]!.textContent!.trim();
    // textOf reads text with white space collapsed, the ideographic space too.
    const shown = (text: string) => text.replace(/\s+/g, ' ');
    findAll<HTMLButtonElement>(element, '[part="publish-button"]')[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await untilText(element, shown(`Published “${title}”.`));
    await waitUntil(() => findAll(element, '[part="item"]').length === before - 1, 'the published item stayed in the queue');
    const posts = await backend.admin.listPosts({ limit: 5 });
    expect(posts.items.some((post) => post.title === title && post.kind === 'curated')).to.equal(true);

    const next = findAll(element, '[part="item"] h4')[0]!.textContent!.trim();
    findAll<HTMLButtonElement>(element, '[part="dismiss-button"]')[0]!.focus();
    await sendKeys({ press: 'Space' });
    await untilText(element, shown(`Dismissed “${next}”.`));
    await waitUntil(() => findAll(element, '[part="item"]').length === before - 2, 'the dismissed item stayed in the queue');
  });

  it('adds a source from the keyboard and pauses it with a toggle', async () => {
    const { client } = adminClient();
    const element = await curationWith(client);
    const url = shadow(element).querySelector<HTMLInputElement>('#url')!;
    url.focus();
    await sendKeys({ type: 'https://blog.example.com/feed.xml' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Example blog' });
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Added “Example blog”.');
    await untilText(element, 'https://blog.example.com/feed.xml');
    const source = findAll(element, '[part="source"]').find((item) => item.textContent!.includes('Example blog'))!;
    const pause = [...source.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Pause')!;
    expect(pause.getAttribute('aria-pressed')).to.equal('false');
    pause.click();
    await waitUntil(() =>
      findAll(element, '[part="source"]')
        .find((item) => item.textContent!.includes('Example blog'))!
        .textContent!.includes('Paused'),
    );
    await expect(element).to.be.accessible();
  });

  it('shows feed text as text, never as markup', async () => {
    const { client, backend } = adminClient();
    const list = backend.admin.listCuration!;
    backend.admin.listCuration = async (query) => {
      const page = await list(query);
      return {
        ...page,
        items: page.items.map((item) => ({ ...item, title: '<img src=x onerror="window.pwned=1">Hello', summary: '<b>bold</b>' })),
      };
    };
    const element = await curationWith(client);
    expect(shadow(element).querySelector('[part="item"] img, [part="item"] b')).to.equal(null);
    expect(textOf(element)).to.contain('<img src=x onerror="window.pwned=1">Hello').and.contain('<b>bold</b>');
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('speaks Japanese, and shows a load failure with Retry', async () => {
    const { client } = adminClient();
    const element = await curationWith(client, 'ja');
    expect(textOf(element)).to.contain('キュレーションソース').and.contain('確認待ちの新着記事').and.contain('公開');
    await expect(element).to.be.accessible();

    const failing = adminClient();
    failing.backend.fail('server');
    const { detail, alert } = await mountFailing<AdvocacyCurationAdminElement>('advocacy-curation-admin', failing.client);
    expect(detail.source).to.equal('curation-admin');
    expect(alert.textContent).to.contain('We couldn’t load the curated sources');
  });
});
