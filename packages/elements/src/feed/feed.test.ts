import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { demoSeed } from '@advocacy-kit/core/memory';
import type { AdvocacyFeedElement } from './feed.component.js';
import { createAdvocacyClient } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import { MemoryStorage, find, findAll, shadow, shareDialogOf, testClient, textOf, untilText } from '../../test/helpers.js';

async function feedWith(client: unknown, lang = 'en'): Promise<AdvocacyFeedElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-feed></advocacy-feed></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-feed')!;
}

describe('<advocacy-feed>', () => {
  it('renders cards from the backend: title, kind, source, freshness, topics and a Share button', async () => {
    const { client, backend } = testClient();
    const feed = await feedWith(client);
    await find(feed, '[part="card"]');
    // The feed lists the employee's language (the demo employee's is Japanese) first.
    const first = (await backend.listFeed({ limit: 1, locale: 'ja' })).items[0]!;
    const card = findAll(feed, '[part="card"]')[0]!;
    expect(card.querySelector('[part="title"]')!.textContent!.trim()).to.equal(first.title);
    expect(card.querySelector('[part="title"]')!.getAttribute('href')).to.equal(first.url);
    expect(card.querySelector('[part="kind"]')!.textContent).to.match(/Curated|From us|Promotion/);
    expect(card.querySelector('[part="meta"]')!.textContent).to.contain(first.source);
    expect(card.querySelector('time')!.textContent).to.match(/ago|yesterday|today|now/);
    expect(card.querySelectorAll('[part="topics"] li').length).to.equal(first.topics.length);
    expect(card.querySelector('[part="share-button"]')!.getAttribute('aria-label')).to.equal(`Share “${first.title}”`);
    await expect(feed).to.be.accessible();
  });

  it('marks the posts I already shared, in words (not colour alone), and a post as soon as I share it', async () => {
    const { client, backend } = testClient({ employeeId: 'emp-tom' });
    await backend.acceptPolicy();
    // The feed lists the employee's language (Tom's is English) first.
    const [first, second] = (await backend.listFeed({ limit: 2, locale: 'en' })).items;
    await backend.createShare({ postId: first!.id, network: 'linkedin', commentary: '', idempotencyKey: 'marker-1' });
    const feed = await feedWith(client);
    await find(feed, '[part="shared"]');
    const cards = findAll(feed, '[part="card"]');
    const cardOf = (id: string) => cards.find((card) => card.getAttribute('aria-labelledby') === `title-${id}`)!;
    expect(cardOf(first!.id).querySelector('[part="shared"]')!.textContent).to.contain('Shared');
    expect(cardOf(second!.id).querySelector('[part="shared"]')).to.equal(null);
    await expect(feed).to.be.accessible();
    await client.shares.share({ post: second!, network: 'copy', commentary: '' });
    await waitUntil(() => cardOf(second!.id).querySelector('[part="shared"]') !== null, 'the card is marked once shared');
  });

  it('says シェア済み in Japanese', async () => {
    const { client, backend } = testClient({ employeeId: 'emp-tom' });
    await backend.acceptPolicy();
    // The page is in Japanese; the feed still lists Tom's own language (English) first.
    const [first] = (await backend.listFeed({ limit: 1, locale: 'en' })).items;
    await backend.createShare({ postId: first!.id, network: 'x', commentary: '', idempotencyKey: 'marker-ja' });
    const feed = await feedWith(client, 'ja');
    expect((await find(feed, '[part="shared"]')).textContent).to.contain('シェア済み');
  });

  it('shows skeletons while the first page loads', async () => {
    const { client } = testClient({ latencyMs: 60_000 });
    const feed = await feedWith(client);
    const list = await find(feed, '[part="list"]');
    expect(list.getAttribute('aria-busy')).to.equal('true');
    expect(findAll(feed, '.skeleton-card')).to.have.length(3);
    expect(textOf(feed)).to.contain('Loading posts…');
    await expect(feed).to.be.accessible();
  });

  it('keeps the posts on screen, busy, while a refresh reads them again (no skeletons, the same cards)', async () => {
    const { client, backend } = testClient();
    const feed = await feedWith(client);
    const card = await find(feed, '[part="card"]');
    const read = backend.listFeed.bind(backend);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    backend.listFeed = async (query) => {
      await held;
      return read(query);
    };
    const refreshing = client.feed.refresh();
    await feed.updateComplete;
    expect(client.feed.store.get().status).to.equal('loading');
    expect(card.isConnected, 'the card shown before the refresh').to.equal(true);
    expect(findAll(feed, '.skeleton-card')).to.have.length(0);
    expect(shadow(feed).querySelector('[part="list"]')!.getAttribute('aria-busy')).to.equal('true');
    release();
    await refreshing;
    // Not busy once the posts are read and every card is drawn (feed-slices.test.ts).
    await waitUntil(() => !shadow(feed).querySelector('[part="list"]')!.hasAttribute('aria-busy'), 'the list stayed busy');
    expect(card.isConnected).to.equal(true);
    await expect(feed).to.be.accessible();
  });

  it('shows an empty state when there is nothing to share', async () => {
    const { client } = testClient({ seed: false });
    const feed = await feedWith(client);
    await untilText(feed, 'Nothing to share yet');
    await expect(feed).to.be.accessible();
  });

  it('shows the error with a Retry that recovers, and reports it with advocacy-error', async () => {
    const { client, backend } = testClient();
    backend.fail('network');
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const failed = oneEvent(wrapper, 'advocacy-error');
    wrapper.innerHTML = '<advocacy-provider><advocacy-feed></advocacy-feed></advocacy-provider>';
    const provider = wrapper.querySelector('advocacy-provider')!;
    provider.client = client;
    const feed = wrapper.querySelector('advocacy-feed')!;
    const event = await failed;
    expect(event.detail.source).to.equal('feed');
    expect(event.detail.error.code).to.equal('network');
    const alert = await find(feed, '[role="alert"]');
    expect(alert.textContent).to.contain('We couldn’t load the feed');
    expect(alert.textContent).to.contain('Check your connection');
    await expect(feed).to.be.accessible();

    backend.fail(null);
    alert.querySelector('button')!.click();
    await find(feed, '[part="card"]');
    expect(shadow(feed).querySelector('[role="alert"]')).to.equal(null);
  });

  it('tells the employee when the browser goes offline, and clears it when back online', async () => {
    const { client } = testClient();
    const feed = await feedWith(client);
    await find(feed, '[part="card"]');
    window.dispatchEvent(new Event('offline'));
    const notice = await find(feed, '[part="offline"]');
    expect(notice.textContent).to.contain('You’re offline');
    await expect(feed).to.be.accessible();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => !shadow(feed).querySelector('[part="offline"]'), 'offline notice stayed');
  });

  it('filters by topic with the topic chips', async () => {
    const { client } = testClient();
    const feed = await feedWith(client);
    await find(feed, '[part="card"]');
    const topics = await client.backend.listTopics();
    const topic = topics[0]!;
    const chip = findAll<HTMLLabelElement>(feed, '[part="filter"] label').find((label) => label.textContent!.trim() === topic.names.en)!;
    chip.querySelector('input')!.click();
    await waitUntil(() => client.feed.store.get().status === 'ready' && client.feed.store.get().topic === topic.id);
    await feed.updateComplete;
    const cards = findAll(feed, '[part="card"]');
    expect(cards.length).to.be.greaterThan(0);
    for (const card of cards) {
      expect([...card.querySelectorAll('[part="topics"] li')].map((li) => li.textContent)).to.include(topic.names.en);
    }
  });

  it('loads the next page with Load more', async () => {
    const { client, backend } = testClient();
    client.feed.setAllLanguages(true);
    const total = (await backend.listFeed({ limit: 100 })).items.length;
    // Far below the fold, so only the button can load more.
    const wrapper = await fixture<HTMLElement>(
      html`<div><div class="spacer"></div><advocacy-feed .client=${client}></advocacy-feed></div>`,
    );
    wrapper.querySelector<HTMLElement>('.spacer')!.style.height = '5000px';
    const feed = wrapper.querySelector('advocacy-feed')!;
    await find(feed, '[part="card"]');
    const firstPage = findAll(feed, '[part="card"]').length;
    expect(total).to.be.greaterThan(firstPage, 'the demo company needs more than one page');
    const more = await find<HTMLButtonElement>(feed, '[part="load-more"]');
    expect(more.textContent!.trim()).to.equal('Load more');
    more.click();
    await waitUntil(() => findAll(feed, '[part="card"]').length === total, 'the second page never arrived');
    await untilText(feed, 'You’re all caught up.');
  });

  it('draws a tile in the colour of the post’s topic instead of a broken picture, in the picture’s box and hidden from assistive technology', async () => {
    const seed = demoSeed(new Date());
    const picture = new URL('../../test/picture.svg', import.meta.url).href;
    seed.posts.forEach((post, index) => (post.imageUrl = index % 2 ? '/no-such-image.jpg' : picture));
    const { client } = testClient({ seed });
    const feed = await feedWith(client);
    await find(feed, '[part="card"]');
    const root = shadow(feed);
    const loaded = () =>
      [...root.querySelectorAll<HTMLImageElement>('img[part="image"]')].find((img) => img.complete && img.naturalWidth > 0);
    await waitUntil(
      () => root.querySelectorAll('.placeholder[part="image"]').length >= 2 && loaded(),
      'no broken picture turned into a tile',
    );

    const tiles = [...root.querySelectorAll<HTMLElement>('.placeholder[part="image"]')];
    // Cards off screen skip their layout (content-visibility: auto): measure each on screen.
    const boxOf = async (element: Element) => {
      element.scrollIntoView();
      await nextFrame();
      return element.getBoundingClientRect();
    };
    const image = await boxOf(loaded()!);
    expect(image.height).to.be.greaterThan(100);
    for (const tile of tiles) {
      const card = tile.closest('[part="card"]')!;
      const post = seed.posts.find((candidate) => `title-${candidate.id}` === card.getAttribute('aria-labelledby'))!;
      // Decorative, like the picture (alt=""): the title beside it says what the card is.
      expect(tile.getAttribute('aria-hidden')).to.equal('true');
      expect(card.querySelector('img')).to.equal(null);
      expect(tile.textContent!.trim()).to.equal([...post.source][0]);
      const topicPlace = seed.topics.findIndex((topic) => topic.id === post.topics[0]);
      expect(tile.classList.contains(`tone-${topicPlace % 6}`), `${post.id}: ${tile.className}`).to.equal(true);
      expect(getComputedStyle(tile).backgroundImage).to.contain('linear-gradient');
      // The same box as a picture: nothing moves when one fails.
      const box = await boxOf(tile);
      expect(Math.abs(box.width - image.width)).to.be.below(1);
      expect(Math.abs(box.height - image.height)).to.be.below(1);
    }
    // Posts of different topics get different colours.
    const colourOf = new Map(tiles.map((tile) => [tile.className, getComputedStyle(tile).color]));
    expect(colourOf.size).to.be.greaterThan(1, 'the first page has tiles of more than one topic');
    expect(new Set(colourOf.values()).size).to.equal(colourOf.size);
    await expect(feed).to.be.accessible();
  });

  it('speaks Japanese under lang="ja"', async () => {
    const { client } = testClient();
    const feed = await feedWith(client, 'ja');
    await find(feed, '[part="card"]');
    const share = shadow(feed).querySelector('[part="share-button"]')!;
    expect(share.textContent!.trim()).to.equal('シェアする');
    expect(textOf(feed)).to.contain('すべて');
    expect(shadow(feed).querySelector('time')!.textContent).to.match(/前|昨日|今日/);
    await expect(feed).to.be.accessible();
  });

  it('keeps Japanese headline phrases whole (word-break: auto-phrase), by the post’s language, not the page’s', async () => {
    // The demo employee reads Japanese posts; the page is English.
    const japanese = await feedWith(testClient().client, 'en');
    const title = await find(japanese, '[part="title"]');
    expect(title.getAttribute('lang')).to.equal('ja');
    expect(getComputedStyle(title).wordBreak).to.equal('auto-phrase');
    expect(shadow(japanese).querySelector('[part="summary"]')!.getAttribute('lang')).to.equal('ja');
    // Tom reads English posts on a Japanese page: ordinary breaking, long words still wrap.
    const english = await feedWith(testClient({ employeeId: 'emp-tom' }).client, 'ja');
    const englishTitle = await find(english, '[part="title"]');
    expect(englishTitle.getAttribute('lang')).to.equal('en');
    expect(getComputedStyle(englishTitle).wordBreak).to.equal('normal');
    expect(getComputedStyle(englishTitle).overflowWrap).to.equal('anywhere');
    await expect(english).to.be.accessible();
  });

  it('lets the host page set the cards’ heading level (heading-level), h3 by default', async () => {
    const inPage = async (attributes: string) => {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="en"><h1>Intranet</h1><advocacy-provider .client=${testClient().client}>${
          attributes === '' ? html`<advocacy-feed></advocacy-feed>` : html`<advocacy-feed heading-level=${attributes}></advocacy-feed>`
        }</advocacy-provider></div>`,
      );
      const feed = wrapper.querySelector('advocacy-feed')!;
      return { wrapper, feed, title: await find(feed, '[part="card"] .title') };
    };
    // Under a page whose only heading is an h1, level 2 keeps the outline in order.
    const chosen = await inPage('2');
    expect(chosen.title.tagName).to.equal('H2');
    expect(chosen.title.id).to.match(/^title-/);
    expect(findAll(chosen.feed, '[part="card"]')[0]!.getAttribute('aria-labelledby')).to.equal(chosen.title.id);
    await expect(chosen.wrapper).to.be.accessible();
    // The default is what it was: h3 (which skips a level right under an h1).
    const byDefault = await inPage('');
    expect(byDefault.title.tagName).to.equal('H3');
    await expect(byDefault.wrapper).not.to.be.accessible();
    // Out of range: the default.
    const outOfRange = await inPage('9');
    expect(outOfRange.title.tagName).to.equal('H3');
  });

  it('switches language when the page changes a lang attribute', async () => {
    const { client } = testClient();
    const feed = await feedWith(client, 'en');
    const share = await find(feed, '[part="share-button"]');
    expect(share.textContent!.trim()).to.equal('Share');
    feed.closest('[lang]')!.setAttribute('lang', 'ja');
    await waitUntil(
      () => shadow(feed).querySelector('[part="share-button"]')!.textContent!.trim() === 'シェアする',
      'the feed stayed in English',
    );
  });

  it('opens the share dialog from a card and gives focus back to its Share button on Escape', async () => {
    const { client } = testClient();
    const feed = await feedWith(client);
    const button = await find<HTMLButtonElement>(feed, '[part="share-button"]');
    const opened = oneEvent(feed, 'advocacy-share-open');
    button.focus();
    button.click();
    expect((await opened).detail.postId).to.be.a('string');
    const dialog = await shareDialogOf(feed);
    await waitUntil(() => dialog.open, 'the dialog did not open');
    shadow(dialog)
      .querySelector('dialog')!
      .dispatchEvent(new Event('cancel', { cancelable: true }));
    shadow(dialog).querySelector('dialog')!.close();
    await waitUntil(() => shadow(feed).activeElement === button, 'focus did not return to the Share button');
  });

  it('shares with the client it was given directly, without a provider', async () => {
    const { client } = testClient();
    const feed = await fixture<AdvocacyFeedElement>(html`<advocacy-feed .client=${client}></advocacy-feed>`);
    (await find<HTMLButtonElement>(feed, '[part="share-button"]')).click();
    const dialog = await shareDialogOf(feed);
    await find(dialog, 'textarea');
    expect(dialog.client).to.equal(client);
  });

  it('counts the posts new since the last visit, marks them, and resets when the employee leaves', async () => {
    const backend = memoryBackend();
    const storage = new MemoryStorage();
    const lastVisit = new Date(Date.now() - 36 * 3600 * 1000).toISOString();
    storage.setItem('advocacy-kit:feed-seen', JSON.stringify(lastVisit));
    const client = createAdvocacyClient({ backend, storage });
    const fresh = (await backend.listFeed({ limit: 20, locale: 'ja' })).items.filter((post) => post.publishAt > lastVisit).length;
    expect(fresh).to.be.greaterThan(0, 'the demo company needs a post from the last 36 hours');
    const feed = await feedWith(client);
    const badge = await find(feed, '[part="new-badge"]');
    expect(badge.textContent!.trim()).to.equal(
      fresh === 1 ? '1 new post since your last visit' : `${fresh} new posts since your last visit`,
    );
    expect(findAll(feed, '.new')).to.have.length(fresh);
    await expect(feed).to.be.accessible();
    feed.remove();
    expect(JSON.parse(storage.getItem('advocacy-kit:feed-seen')!) > lastVisit).to.equal(true);
  });

  it('follows theme="dark" with dark surfaces, and the host’s tokens over both', async () => {
    const { client } = testClient();
    const light = await feedWith(client);
    // A page that picks the dark theme has a dark background around the feed.
    const wrapper = await fixture<HTMLElement>(
      html`<div style="background: #0f1218"><advocacy-feed theme="dark" .client=${client}></advocacy-feed></div>`,
    );
    const dark = wrapper.querySelector('advocacy-feed')!;
    const lightCard = await find(light, '[part="card"]');
    const darkCard = await find(dark, '[part="card"]');
    expect(getComputedStyle(darkCard).backgroundColor).not.to.equal(getComputedStyle(lightCard).backgroundColor);
    expect(getComputedStyle(darkCard).backgroundColor).to.equal('rgb(26, 30, 39)');
    dark.style.setProperty('--advocacy-color-surface', 'rgb(1, 2, 3)');
    expect(getComputedStyle(darkCard).backgroundColor).to.equal('rgb(1, 2, 3)');
    await expect(dark).to.be.accessible();
  });

  it('loads the next page by itself when the end of the list scrolls into view', async () => {
    const { client, backend } = testClient();
    client.feed.setAllLanguages(true);
    const total = (await backend.listFeed({ limit: 100 })).items.length;
    const wrapper = await fixture<HTMLElement>(html`<div>
      <div class="spacer"></div>
      <advocacy-feed .client=${client}></advocacy-feed>
    </div>`);
    const spacer = wrapper.querySelector<HTMLElement>('.spacer')!;
    spacer.style.height = '5000px';
    const feed = wrapper.querySelector('advocacy-feed')!;
    // The end of the list is watched once every card of the page is drawn. The observer reports the
    // sentinel's first position in the frame after it starts watching: out of view, that report must
    // not load more.
    const sentinel = await find(feed, '.sentinel');
    const firstPage = client.feed.store.get().items.length;
    await nextFrame();
    await nextFrame();
    expect(client.feed.store.get()).to.include({ loadingMore: false });
    expect(client.feed.store.get().items.length).to.equal(firstPage);
    expect(findAll(feed, '[part="card"]').length).to.be.lessThan(total);
    sentinel.scrollIntoView();
    await waitUntil(() => findAll(feed, '[part="card"]').length === total, 'scrolling to the end did not load more');
    window.scrollTo(0, 0);
  });
});
