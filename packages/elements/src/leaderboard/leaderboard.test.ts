import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AdvocacyLeaderboardElement } from './leaderboard.component.js';
import { demoSeed } from '@advocacy-kit/core/memory';
import { setViewport } from '@web/test-runner-commands';
import {
  expectDefaultHeadingLevel,
  find,
  findAll,
  mountFailing,
  retryRecovers,
  testClient,
  textOf,
  untilText,
} from '../../test/helpers.js';

async function boardWith(client: unknown, lang = 'en'): Promise<AdvocacyLeaderboardElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-leaderboard></advocacy-leaderboard></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-leaderboard')!;
}

describe('<advocacy-leaderboard>', () => {
  it('ranks employees with avatars or initials and formatted points, highlighting the signed-in one', async () => {
    const { client, backend } = testClient();
    const expected = await backend.getLeaderboard({ period: client.leaderboard.period.get(), scope: 'company', limit: 10 });
    const board = await boardWith(client);
    await find(board, '[part~="row"]');
    const rows = findAll(board, '.list:not(.mine) [part~="row"]');
    expect(rows).to.have.length(expected.entries.length);
    const top = expected.entries[0]!;
    expect(rows[0]!.textContent).to.contain(top.displayName);
    expect(rows[0]!.querySelector('[part="points"]')!.textContent!.trim()).to.equal(
      `${new Intl.NumberFormat('en').format(top.points)} pts`,
    );
    expect(rows[0]!.querySelector('[part="avatar"]')).not.to.equal(null);
    const mine = findAll(board, '[aria-current="true"]');
    expect(mine).to.have.length(expected.me ? 1 : 0);
    if (expected.me) expect(mine[0]!.textContent).to.contain('(You)');
    await expect(board).to.be.accessible();
  });

  it('shows initials when there is no picture or the picture fails to load', async () => {
    const seed = demoSeed(new Date());
    for (const employee of seed.employees) employee.avatarUrl = '/no-such-avatar.png';
    const { client } = testClient({ seed });
    const board = await boardWith(client);
    const first = await find(board, '[part~="row"] [part="avatar"]');
    const img = first.querySelector('img')!;
    await waitUntil(() => img.hidden, 'the broken picture stayed visible');
    expect(first.textContent!.trim()).to.match(/^\S{1,2}$/u);
  });

  it('shows the signed-in employee below the top 10 when ranked outside it', async () => {
    const probe = testClient();
    const period = probe.client.leaderboard.period.get();
    const full = await probe.backend.getLeaderboard({ period, scope: 'company', limit: 100 });
    const outsider = full.entries.find((entry) => entry.rank > 10);
    expect(outsider, 'the demo company needs someone ranked below 10').not.to.equal(undefined);
    const { client } = testClient({ employeeId: outsider!.employeeId });
    const board = await boardWith(client);
    const mine = await find(board, '.mine [part~="me"]');
    expect(mine.textContent).to.contain(outsider!.displayName);
    expect(mine.textContent).to.contain(`#${outsider!.rank}`);
    expect(findAll(board, '.list:not(.mine) [part~="row"]')).to.have.length(10);
    await expect(board).to.be.accessible();
  });

  it('shows the signed-in employee their own rank on a board where nobody has opted in to be shown', async () => {
    const { client, backend } = testClient();
    const read = backend.getLeaderboard.bind(backend);
    let me: Awaited<ReturnType<typeof read>>['me'] = null;
    // An anonymous board: nobody is listed, but the answer still carries the employee's own row.
    backend.getLeaderboard = async (query) => {
      const board = await read({ ...query, limit: 100 });
      me = board.me ?? board.entries[0]!;
      return { ...board, entries: [], me, anonymous: true };
    };
    const board = await boardWith(client);
    const mine = await find(board, '.mine [part~="me"]');
    expect(mine.textContent).to.contain(me!.displayName);
    expect(mine.textContent).to.contain(`#${me!.rank}`);
    expect(mine.getAttribute('aria-current')).to.equal('true');
    expect(textOf(board)).to.contain('No points yet in this period');
    await expect(board).to.be.accessible();
  });

  it('shows equal points as a shared rank, a tie in en and ja', async () => {
    for (const lang of ['en', 'ja']) {
      const { client, backend } = testClient();
      const read = backend.getLeaderboard.bind(backend);
      // Two employees level on points share rank 2; the next is 4th (competition ranking).
      backend.getLeaderboard = async (query) => {
        const board = await read(query);
        const entries = board.entries.map((entry, i) => ({
          ...entry,
          rank: i === 2 ? 2 : i + 1,
          points: i === 2 ? board.entries[1]!.points : entry.points,
        }));
        return { ...board, entries, me: null };
      };
      const board = await boardWith(client, lang);
      await find(board, '[part~="row"]');
      const ranks = findAll(board, '.rank').map((rank) => rank.textContent!.replace(/\s+/g, ' ').trim());
      expect(ranks.slice(0, 4)).to.deep.equal(
        lang === 'en' ? ['#1', '=2 (tied)', '=2 (tied)', '#4'] : ['1位', '同率2位', '同率2位', '4位'],
      );
      await expect(board).to.be.accessible();
    }
  });

  it('switches period and scope with its controls', async () => {
    const { client } = testClient();
    const board = await boardWith(client);
    await find(board, '[part~="row"]');
    const monthly = findAll<HTMLLabelElement>(board, '[part="period"] label').find((l) => l.textContent!.trim() === 'This month')!;
    monthly.querySelector('input')!.click();
    await waitUntil(() => client.leaderboard.store.get().data?.period === 'month', 'the period did not change');
    const team = findAll<HTMLLabelElement>(board, '[part="scope"] label').find((l) => l.textContent!.trim() === 'My team')!;
    team.querySelector('input')!.click();
    await waitUntil(() => client.leaderboard.store.get().data?.scope === 'team', 'the scope did not change');
    await board.updateComplete;
    const me = await client.backend.getMe();
    for (const row of findAll(board, '[part~="row"]')) expect(row.textContent).to.contain(me.teamName);
  });

  it('shows loading, empty, and error with a Retry that recovers', async () => {
    const slow = testClient({ latencyMs: 60_000 });
    const loading = await boardWith(slow.client);
    await find(loading, '[aria-busy="true"]');
    await expect(loading).to.be.accessible();

    const empty = await boardWith(testClient({ seed: false }).client);
    await untilText(empty, 'No points yet in this period');
    await expect(empty).to.be.accessible();

    const { client, backend } = testClient();
    backend.fail('server');
    const { element: board, detail, alert } = await mountFailing('advocacy-leaderboard', client);
    expect(detail.source).to.equal('leaderboard');
    expect(alert.textContent).to.contain('We couldn’t load the leaderboard');
    await expect(board).to.be.accessible();
    backend.fail(null);
    await retryRecovers(board, alert, '[part~="row"]');
  });

  it('speaks Japanese under lang="ja"', async () => {
    const { client } = testClient();
    const board = await boardWith(client, 'ja');
    await find(board, '[part~="row"]');
    const text = textOf(board);
    expect(text).to.contain('ランキング');
    expect(text).to.contain('今週');
    expect(text).to.contain('ポイント');
    expect(text).to.contain('位');
    await expect(board).to.be.accessible();
  });

  it('shows long English and Japanese names in full on a 320 px phone, wrapping instead of cutting', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const lang of ['en', 'ja']) {
        const { client, backend } = testClient();
        const read = backend.getLeaderboard.bind(backend);
        const long =
          lang === 'en'
            ? ['Emily Clarkson-Montgomery', 'Maximilian Alexander Featherstonehaugh', 'James Okafor']
            : ['中村 結衣', '長谷川 みなみ子', '勅使河原 三郎太郎'];
        backend.getLeaderboard = async (query) => {
          const board = await read(query);
          const entries = board.entries.map((entry, i) => ({ ...entry, displayName: long[i % long.length]! }));
          // The signed-in employee is the third row, so "(You)" follows a long name.
          return { ...board, entries, me: entries[2]! };
        };
        const board = await boardWith(client, lang);
        await find(board, '[part~="row"]');
        expect(document.documentElement.clientWidth).to.equal(320);
        const names = findAll(board, '.name');
        expect(names.length).to.be.greaterThan(2);
        for (const name of names) {
          const style = getComputedStyle(name);
          expect(style.textOverflow, name.textContent!).not.to.equal('ellipsis');
          expect(style.whiteSpace, name.textContent!).to.equal('normal');
          expect(name.scrollWidth, name.textContent!).to.be.at.most(name.clientWidth);
          expect(name.scrollHeight, name.textContent!).to.be.at.most(name.clientHeight);
        }
        const mine = find(board, '[aria-current="true"] .name');
        expect((await mine).textContent).to.contain(long[2]);
        expect((await mine).textContent).to.contain(lang === 'en' ? '(You)' : '（あなた）');
        expect(getComputedStyle(names[0]!).wordBreak).to.equal(lang === 'ja' ? 'auto-phrase' : 'normal');
        // The marker is whole on one line: never split across two.
        const you = findAll(board, '.you')[0]!;
        expect(you.getClientRects()).to.have.length(1);
        // Nothing in the board scrolls sideways at 320 px.
        for (const row of findAll(board, '[part~="row"]')) expect(row.scrollWidth).to.be.at.most(row.clientWidth);
        // The rank column is only as wide as its widest rank.
        const rank = findAll(board, '.rank')[0]!;
        expect(rank.getBoundingClientRect().width).to.be.below(lang === 'en' ? 40 : 48);
        await expect(board).to.be.accessible();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('lets the host page set its heading level (heading-level), h2 by default', async () => {
    const { client } = testClient();
    // A host page with an h1 and a section h2 puts the component one level below.
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><h1>Intranet</h1><h2>My advocacy</h2><advocacy-provider .client=${client}><advocacy-leaderboard heading-level="3"></advocacy-leaderboard></advocacy-provider></div>`,
    );
    const element = wrapper.querySelector('advocacy-leaderboard')!;
    const title = await find(element, '#title');
    expect(title.tagName).to.equal('H3');
    await find(element, '[part~="row"]');
    await expect(wrapper).to.be.accessible();
    await expectDefaultHeadingLevel(element);
  });
});
