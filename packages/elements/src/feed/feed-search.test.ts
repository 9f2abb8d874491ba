import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createAdvocacyClient, type AdvocacyBackend } from '@advocacy-kit/core';
import { SEARCH_DELAY_MS } from '@advocacy-kit/core/feed';
import { demoSeed, memoryBackend } from '@advocacy-kit/core/memory';
import type { AdvocacyFeedElement } from './feed.component.js';
import * as feedStrings from './feed.strings.js';
import { find, findAll, shadow, textOf } from '../../test/helpers.js';

/** A client over the demo company whose feed requests are counted. */
function countingClient() {
  const backend = memoryBackend();
  const requests: Array<Parameters<AdvocacyBackend['listFeed']>[0]> = [];
  const counted = new Proxy(backend, {
    get(target, property, receiver) {
      if (property === 'listFeed')
        return (query: Parameters<AdvocacyBackend['listFeed']>[0]) => (requests.push(query), target.listFeed(query));
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { client: createAdvocacyClient({ backend: counted, storage: null }), requests };
}

/**
 * Holds back the feed's search timer (the only one of SEARCH_DELAY_MS) so the test decides when
 * typing has paused; every other timer runs as usual.
 */
function holdSearchTimer() {
  const held = new Map<number, () => void>();
  let next = 1e9;
  const { setTimeout: realSet, clearTimeout: realClear } = window;
  window.setTimeout = ((handler: () => void, delay?: number, ...rest: unknown[]) => {
    if (delay !== SEARCH_DELAY_MS) return realSet(handler, delay, ...rest);
    held.set(++next, handler);
    return next;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => (id !== undefined && held.delete(id)) || realClear(id)) as typeof window.clearTimeout;
  return {
    held,
    release: () => {
      const handlers = [...held.values()];
      held.clear();
      handlers.forEach((handler) => handler());
    },
    restore: () => Object.assign(window, { setTimeout: realSet, clearTimeout: realClear }),
  };
}

async function feedWith(client: unknown, lang = 'en'): Promise<AdvocacyFeedElement> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}><advocacy-feed .client=${client}></advocacy-feed></div>`);
  const feed = wrapper.querySelector('advocacy-feed')!;
  await find(feed, '[part="card"]');
  return feed;
}

describe('<advocacy-feed> search and languages', () => {
  let timer: ReturnType<typeof holdSearchTimer>;
  beforeEach(() => (timer = holdSearchTimer()));
  afterEach(() => timer.restore());

  it('searches what the employee types once typing pauses, with one request for the burst', async () => {
    const { client, requests } = countingClient();
    const feed = await feedWith(client, 'ja');
    const box = shadow(feed).querySelector<HTMLInputElement>('[part="search"]')!;
    expect(box.getAttribute('aria-label')).to.equal('投稿を検索');
    box.focus();
    const before = requests.length;
    await sendKeys({ type: '障害' });
    expect(box.value).to.equal('障害');
    expect(requests.length).to.equal(before, 'nothing is asked while the employee types');
    expect(timer.held.size).to.equal(1, 'each key press restarts the one pending search');
    timer.release();
    await waitUntil(() => client.feed.store.get().status === 'ready', 'the search never answered');
    await feed.updateComplete;
    expect(requests.length).to.equal(before + 1, 'one request for the whole burst');
    expect(requests.at(-1)).to.include({ q: '障害', locale: 'ja' });
    const cards = findAll(feed, '[part="card"]');
    expect(cards.length).to.be.greaterThan(0);
    for (const id of client.feed.store.get().items.map((post) => post.id)) {
      const post = await client.backend.getPost(id);
      expect(`${post.title}${post.summary}${JSON.stringify(post.suggestedCommentary)}`).to.contain('障害');
    }
    await expect(feed).to.be.accessible();
  });

  it('says when nothing matches, and Escape clears the search back to every post', async () => {
    const { client } = countingClient();
    const feed = await feedWith(client);
    const box = shadow(feed).querySelector<HTMLInputElement>('[part="search"]')!;
    box.focus();
    await sendKeys({ type: 'zzqx' });
    timer.release();
    await waitUntil(() => client.feed.store.get().status === 'empty', 'the search never answered');
    await feed.updateComplete;
    expect(shadow(feed).querySelector('[part="state"]')!.getAttribute('role')).to.equal('status');
    expect(textOf(feed)).to.contain('No posts match “zzqx”.');
    await expect(feed).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    timer.release();
    await waitUntil(() => findAll(feed, '[part="card"]').length > 0, 'clearing the search did not list posts again');
    expect(box.value).to.equal('');
  });

  it("lists the employee's language first and the others when the toggle is pressed", async () => {
    const { client, requests } = countingClient();
    const feed = await feedWith(client);
    expect(client.feed.store.get().items.every((post) => post.locale === 'ja')).to.equal(true);
    const toggle = shadow(feed).querySelector<HTMLButtonElement>('[part="languages"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.textContent!.trim()).to.equal('Other languages too');
    toggle.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => client.feed.store.get().items.some((post) => post.locale === 'en'), 'other languages never came');
    await feed.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(requests.at(-1)?.locale).to.equal(undefined);
    await expect(feed).to.be.accessible();
  });

  it("never labels a kind with a topic's name, in English or Japanese", () => {
    const topicNames = demoSeed(new Date()).topics.flatMap((topic) => Object.values(topic.names));
    for (const strings of [feedStrings.en, feedStrings.ja]) {
      for (const label of Object.values(strings.kinds)) expect(topicNames).not.to.include(label);
    }
  });
});
