import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyContentListElement } from './content-list.component.js';
import { demoSeed, type SeedShare } from '@advocacy-kit/core/memory';
import { adminClient, captureDownload, find, findAll, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function listWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyContentListElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-content-list></advocacy-content-list></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-content-list')!;
}

const rows = (element: Element) => findAll(element, 'tbody tr');
const rowTitles = (element: Element) => findAll(element, 'tbody th a').map((a) => a.textContent!.trim());

function pickStatus(element: Element, label: string): void {
  findAll<HTMLInputElement>(element, 'input[name="status"]')
    .find((input) => input.parentElement!.textContent!.trim() === label)!
    .click();
}

describe('<advocacy-content-list>', () => {
  it('lists every post with kind, status and publish time, 25 at a time', async () => {
    const { client, backend } = adminClient();
    const admin = backend.as('emp-haruka').admin;
    for (let i = 0; i < 30; i++)
      await admin.createPost({ kind: 'owned', title: `Bulk ${i}`, summary: '', url: `https://example.com/${i}`, locale: 'en' });
    const all = await admin.listPosts({ limit: 100 });
    const element = await listWith(client);
    await waitUntil(() => rows(element).length > 0, 'no rows');
    expect(rows(element)).to.have.length(25);
    expect(rowTitles(element)[0]).to.equal(all.items[0]!.title);
    shadow(element).querySelector<HTMLButtonElement>('[part="load-more"]')!.click();
    await waitUntil(() => rows(element).length === Math.min(50, all.items.length), 'Load more did not append the next page');
    await expect(element).to.be.accessible();
  });

  it('shows each post’s shares, unique clicks, conversions and their value, labelled and in the reader’s number format', async () => {
    const now = new Date();
    const seed = demoSeed(now);
    const [first, second] = seed.posts;
    const share = (id: string, postId: string, uniqueClicks: number, values: number[]): SeedShare => ({
      id,
      postId,
      employeeId: 'emp-emily',
      network: 'linkedin',
      commentary: '',
      createdAt: new Date(now.getTime() - 5 * 86_400_000).toISOString(),
      uniqueClicks,
      conversions: values.map((value, index) => ({ type: 'lead', value, externalId: `${id}-${index}` })),
    });
    seed.shares = [share('s1', first!.id, 1200, [4000, 2500]), share('s2', first!.id, 34, []), share('s3', second!.id, 0, [])];
    const element = await listWith(adminClient({ seed }).client, 'de');
    await waitUntil(() => rowTitles(element).includes(first!.title), 'no rows');
    const headers = findAll(element, 'thead th').map((th) => th.textContent!.trim());
    expect(headers.slice(4, 7)).to.deep.equal(['Shares', 'Unique clicks', 'Conversions']);
    const cells = (title: string) => {
      const row = rows(element).find((tr) => tr.querySelector('th a')!.textContent!.trim() === title) as HTMLTableRowElement;
      return [...row.cells].slice(4, 7).map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());
    };
    expect(cells(first!.title)).to.deep.equal(['2', '1.234', '2 Value 6.500']);
    expect(cells(second!.title)).to.deep.equal(['1', '0', '0']);
    await expect(element).to.be.accessible();

    // The export carries the same results, as plain numbers.
    const csv = await captureDownload(() => shadow(element).querySelector<HTMLButtonElement>('[part="export-button"]')!.click());
    expect(csv.name).to.equal('posts.csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    // Every column named in the admin's words, like the table (no field names mixed in).
    expect(lines[0]!.split(',')).to.deep.equal([
      'Title',
      'Link',
      'Kind',
      'Status',
      'Publish',
      'Expires',
      'Topics',
      'Shares',
      'Unique clicks',
      'Conversions',
      'Conversion value',
    ]);
    const line = (title: string) => lines.find((text) => text.startsWith(title) || text.startsWith(`"${title}`))!;
    expect(line(first!.title).split(',').slice(-4)).to.deep.equal(['2', '1234', '2', '6500']);
    expect(line(second!.title).split(',').slice(-4)).to.deep.equal(['1', '0', '0', '0']);
  });

  it('shows publish times in the admin’s own zone and says which', async () => {
    const { client, backend } = adminClient();
    const element = await listWith(client);
    await waitUntil(() => rows(element).length > 0, 'no rows');
    // emp-haruka's profile says Asia/Tokyo, whatever the browser's zone; the editor types times in it too.
    expect(shadow(element).querySelector('[part="time-zone"]')!.textContent).to.equal('Times in Asia/Tokyo.');
    const [post] = (await backend.as('emp-haruka').admin.listPosts({ limit: 1 })).items;
    const expected = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(
      new Date(post!.publishAt),
    );
    const row = rows(element).find((tr) => tr.querySelector('th a')!.textContent!.trim() === post!.title)!;
    expect([...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent!.trim())).to.include(expected);
  });

  it('filters by status, kind and search', async () => {
    const { client, backend } = adminClient();
    const admin = backend.as('emp-haruka').admin;
    const scheduled = await admin.listPosts({ status: 'scheduled', limit: 100 });
    const element = await listWith(client);
    await waitUntil(() => rows(element).length > 0, 'no rows');
    pickStatus(element, 'Scheduled');
    await waitUntil(
      () =>
        rows(element).length === scheduled.items.length || (scheduled.items.length === 0 && textOf(element).includes('No posts match.')),
      'status filter not applied',
    );
    pickStatus(element, 'All');
    const kind = shadow(element).querySelector<HTMLSelectElement>('#kind')!;
    kind.value = 'promotional';
    kind.dispatchEvent(new Event('change'));
    const promotional = await admin.listPosts({ kind: 'promotional', limit: 100 });
    await waitUntil(
      () =>
        rowTitles(element).join('|') ===
        promotional.items
          .slice(0, 25)
          .map((p) => p.title)
          .join('|'),
      'kind filter not applied',
    );
    kind.value = '';
    kind.dispatchEvent(new Event('change'));
    const search = shadow(element).querySelector<HTMLInputElement>('#search')!;
    search.value = 'zzz-no-such-post';
    search.dispatchEvent(new Event('input'));
    await untilText(element, 'No posts match.');
    await expect(element).to.be.accessible();
  });

  it('asks the host to edit a post, and archives one', async () => {
    const element = await listWith(adminClient().client);
    await waitUntil(() => rows(element).length > 0, 'no rows');
    const title = rowTitles(element)[0]!;
    const edit = oneEvent(element, 'advocacy-post-edit');
    shadow(element).querySelector<HTMLButtonElement>('[part="edit-button"]')!.click();
    expect((await edit).detail.post.title).to.equal(title);
    const archive = shadow(element).querySelector<HTMLButtonElement>('[part="archive-button"]')!;
    expect(archive.getAttribute('aria-label')).to.equal(`Archive “${title}”`);
    const saved = oneEvent(element, 'advocacy-post-save');
    archive.click();
    expect((await saved).detail.post.status).to.equal('archived');
    pickStatus(element, 'Archived');
    await waitUntil(() => rowTitles(element).includes(title), 'the archived post is not listed as archived');
  });

  it('never shows the old filter’s rows when the filter changes while Load more is loading', async () => {
    const { client, backend } = adminClient();
    const admin = backend.as('emp-haruka').admin;
    for (let i = 0; i < 30; i++)
      await admin.createPost({ kind: 'owned', title: `Bulk ${i}`, summary: '', url: `https://example.com/${i}`, locale: 'en' });
    // Hold every next page until the test lets it through.
    const listPosts = backend.admin.listPosts.bind(backend.admin);
    const held: Array<() => void> = [];
    const answers: Array<Promise<unknown>> = [];
    backend.admin.listPosts = (query = {}) => {
      if (!query.cursor) return listPosts(query);
      const answer = new Promise<void>((release) => held.push(release)).then(() => listPosts(query));
      answers.push(answer);
      return answer;
    };
    const element = await listWith(client);
    await waitUntil(() => rows(element).length === 25, 'no first page');
    const more = shadow(element).querySelector<HTMLButtonElement>('[part="load-more"]')!;
    more.click();
    await waitUntil(() => held.length === 1 && more.getAttribute('aria-busy') === 'true', 'Load more did not start');
    const kind = shadow(element).querySelector<HTMLSelectElement>('#kind')!;
    kind.value = 'promotional';
    kind.dispatchEvent(new Event('change'));
    const promotional = (await admin.listPosts({ kind: 'promotional', limit: 25 })).items.map((post) => post.title);
    await waitUntil(() => rowTitles(element).join('|') === promotional.join('|'), 'the new filter’s rows never showed');
    // The old filter's page arrives now: it must not join the list.
    held[0]!();
    await answers[0];
    await element.updateComplete;
    expect(rowTitles(element)).to.deep.equal(promotional);
    expect(rowTitles(element).some((title) => title.startsWith('Bulk'))).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('shows an empty program, and an error with a retry', async () => {
    const empty = await listWith(adminClient({ seed: false }).client);
    await untilText(empty, 'No posts match.');
    const { client, backend } = adminClient();
    backend.fail('network');
    const element = await listWith(client);
    await untilText(element, 'We couldn’t load the posts');
    await expect(element).to.be.accessible();
    backend.fail(null);
    (await find<HTMLButtonElement>(element, '[part="state"] button')).click();
    await waitUntil(() => rows(element).length > 0, 'retry did not load the posts');
  });

  it('speaks Japanese', async () => {
    const element = await listWith(adminClient().client, 'ja');
    await untilText(element, 'コンテンツ');
    await waitUntil(() => rows(element).length > 0, 'no rows');
    expect(textOf(element)).to.contain('CSV を書き出す').and.contain('すべての種類').and.contain('ユニーククリック');
  });
});
