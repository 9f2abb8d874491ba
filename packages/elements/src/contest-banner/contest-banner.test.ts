import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createAdvocacyClient, type Contest } from '@advocacy-kit/core';
import { demoSeed, memoryBackend } from '@advocacy-kit/core/memory';
import type { AdvocacyContestBannerElement } from './contest-banner.component.js';
import { featuredContest } from './contest-banner.component.js';
import { find, mountFailing, retryRecovers, shadow, testClient, textOf, untilText } from '../../test/helpers.js';

async function bannerWith(client: unknown, lang = 'en'): Promise<AdvocacyContestBannerElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-contest-banner></advocacy-contest-banner></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-contest-banner')!;
}

const DAY = 86_400_000;

describe('<advocacy-contest-banner>', () => {
  it('shows the running contest: title, prize, end, leader and my rank', async () => {
    const { client, backend } = testClient();
    const [contest] = await backend.listContests!();
    const banner = await bannerWith(client);
    await find(banner, '[part="banner"]');
    const text = textOf(banner);
    expect(text).to.contain(contest!.title);
    expect(text).to.contain(`Prize: ${contest!.prize}`);
    expect(text).to.contain('Ends in');
    expect(text).to.contain(`In the lead: ${contest!.entries[0]!.displayName}`);
    expect(text).to.contain(contest!.me ? `You are #${contest!.me.rank}` : 'Share a post to join the ranking.');
    await expect(banner).to.be.accessible();
  });

  it('shows the final results of a contest that ended', async () => {
    const now = new Date();
    const seed = demoSeed(now);
    seed.contests = [
      {
        id: 'c-old',
        title: 'Summer sprint',
        description: '',
        prize: 'A lunch',
        scope: 'company',
        team: null,
        startsAt: new Date(now.getTime() - 40 * DAY).toISOString(),
        endsAt: new Date(now.getTime() - 2 * DAY).toISOString(),
      },
    ];
    const banner = await bannerWith(createAdvocacyClient({ backend: memoryBackend({ seed }), storage: null }));
    await untilText(banner, 'Final results');
    expect(textOf(banner)).to.contain('Winner:');
    await expect(banner).to.be.accessible();
  });

  it('features the running contest ending soonest over ended ones', () => {
    const contest = (id: string, status: Contest['status'], endsAt: string) => ({ id, status, endsAt }) as Contest;
    const list = [
      contest('ended', 'ended', '2026-01-01T00:00:00Z'),
      contest('later', 'active', '2026-03-01T00:00:00Z'),
      contest('sooner', 'active', '2026-02-01T00:00:00Z'),
    ];
    expect(featuredContest(list)!.id).to.equal('sooner');
    expect(featuredContest([list[0]!])!.id).to.equal('ended');
    expect(featuredContest([])).to.equal(undefined);
  });

  it('shows nothing without a contest', async () => {
    const seed = demoSeed(new Date());
    seed.contests = [];
    const { client } = { client: createAdvocacyClient({ backend: memoryBackend({ seed }), storage: null }) };
    const banner = await bannerWith(client);
    await waitUntil(() => client.contests.store.get().status === 'empty', 'the contests never settled as empty');
    await banner.updateComplete;
    expect(shadow(banner).querySelector('section, [part="state"]')).to.equal(null);
  });

  it('shows loading, and an error with a Retry that recovers', async () => {
    const loading = await bannerWith(testClient({ latencyMs: 60_000 }).client);
    await untilText(loading, 'Loading…');
    await expect(loading).to.be.accessible();

    const { client, backend } = testClient();
    backend.fail('server');
    const { element: banner, detail, alert } = await mountFailing('advocacy-contest-banner', client);
    expect(detail.source).to.equal('contests');
    await expect(banner).to.be.accessible();
    backend.fail(null);
    await retryRecovers(banner, alert, '[part="banner"]');
  });

  it('speaks Japanese under lang="ja"', async () => {
    const banner = await bannerWith(testClient().client, 'ja');
    await find(banner, '[part="banner"]');
    expect(textOf(banner)).to.contain('コンテスト');
    expect(textOf(banner)).to.contain('賞品：');
    expect(textOf(banner)).to.contain('に終了');
    await expect(banner).to.be.accessible();
  });

  it('shows the title, description and prize in the reader’s language, the default text where it has none', async () => {
    const { client } = testClient();
    const japanese = await bannerWith(client, 'ja-JP');
    await find(japanese, '[part="banner"]');
    expect(textOf(japanese)).to.contain('秋のシェアスプリント');
    expect(textOf(japanese)).to.contain('賞品：優勝者に特別休暇2日、上位5人にチームランチ');
    const german = await bannerWith(testClient().client, 'de');
    await find(german, '[part="banner"]');
    expect(textOf(german)).to.contain('Autumn sharing sprint');
  });
});
