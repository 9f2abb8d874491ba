import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createAdvocacyClient } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import type { AdvocacyMyStatsElement } from './my-stats.component.js';
import { find, shadow, testClient, untilText } from '../../test/helpers.js';

async function statsWith(client: unknown, lang = 'en'): Promise<AdvocacyMyStatsElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-my-stats></advocacy-my-stats></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-my-stats')!;
}

describe('<advocacy-my-stats> badges and contest', () => {
  it('adds the badges earned and the rank in the running contest', async () => {
    const { client, backend } = testClient({ employeeId: 'emp-haruka' });
    const badges = await backend.listMyBadges!();
    const [contest] = await backend.listContests!();
    const stats = await statsWith(client);
    const list = await find(stats, '[part="achievements"]');
    await untilText(stats, `#${contest!.me!.rank} in ${contest!.title}`);
    expect(list.textContent).to.contain(`${badges.filter((b) => b.awardedAt).length} of ${badges.length} badges earned`);
    await expect(stats).to.be.accessible();
  });

  it('says it in Japanese', async () => {
    const { client } = testClient({ employeeId: 'emp-haruka' });
    const stats = await statsWith(client, 'ja');
    await find(stats, '[part="achievements"]');
    await untilText(stats, '個を獲得');
    await expect(stats).to.be.accessible();
  });

  it('shows neither over a backend without badges and contests', async () => {
    const { listMyBadges: _b, listContests: _c, ...backend } = memoryBackend();
    const client = createAdvocacyClient({ backend, storage: null });
    const stats = await statsWith(client);
    await find(stats, '[part="figure"]');
    await waitUntil(
      () => client.badges.store.get().status === 'empty' && client.contests.store.get().status === 'empty',
      'the badges and contests never settled as empty',
    );
    await stats.updateComplete;
    expect(shadow(stats).querySelector('[part="achievements"]')).to.equal(null);
  });
});
