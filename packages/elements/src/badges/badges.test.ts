import { expect, fixture, html } from '@open-wc/testing';
import { createAdvocacyClient } from '@advocacy-kit/core';
import { demoSeed, memoryBackend } from '@advocacy-kit/core/memory';
import type { AdvocacyBadgesElement } from './badges.component.js';
import { find, findAll, mountFailing, retryRecovers, testClient, textOf, untilText } from '../../test/helpers.js';

async function badgesWith(client: unknown, lang = 'en'): Promise<AdvocacyBadgesElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-badges></advocacy-badges></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-badges')!;
}

describe('<advocacy-badges>', () => {
  it('shows earned badges with their date and progress toward the others', async () => {
    const { client, backend } = testClient();
    const expected = await backend.listMyBadges!();
    const element = await badgesWith(client);
    await find(element, '[part~="badge"]');
    const items = findAll(element, '[part~="badge"]');
    expect(items).to.have.length(expected.length);
    const earned = expected.filter((b) => b.awardedAt !== null);
    expect(findAll(element, '[part~="earned"]')).to.have.length(earned.length);
    expect(textOf(element)).to.contain(`${earned.length} of ${expected.length} earned`);
    const locked = expected.filter((b) => b.awardedAt === null);
    const bars = findAll<HTMLProgressElement>(element, 'progress');
    expect(bars).to.have.length(locked.length);
    bars.forEach((bar, i) => {
      expect(bar.value).to.equal(locked[i]!.progress);
      expect(bar.max).to.equal(locked[i]!.target);
    });
    await expect(element).to.be.accessible();
  });

  it('earns "First share" as soon as the employee shares', async () => {
    const seed = demoSeed(new Date());
    const idle = seed.employees.find((e) => !seed.shares.some((share) => share.employeeId === e.id))!;
    const { client, backend } = testClient({ seed, employeeId: idle.id });
    const element = await badgesWith(client);
    await find(element, '[part~="badge"]');
    expect(findAll(element, '[part~="earned"]')).to.have.length(0);
    const post = (await backend.listFeed()).items[0]!;
    // The demo's idle employee has not accepted the policy yet.
    await backend.acceptPolicy();
    await backend.createShare({ postId: post.id, network: 'linkedin', commentary: 'hi', idempotencyKey: 'badge-test' });
    await client.badges.refresh();
    await untilText(element, 'Earned');
    const earned = findAll(element, '[part~="earned"]');
    expect(earned).to.have.length(1);
    expect(earned[0]!.textContent).to.contain('First share');
    await expect(element).to.be.accessible();
  });

  it('shows loading, and an error with a Retry that recovers', async () => {
    const loading = await badgesWith(testClient({ latencyMs: 60_000 }).client);
    await untilText(loading, 'Loading…');
    await expect(loading).to.be.accessible();

    const { client, backend } = testClient();
    backend.fail('network');
    const { element: element, detail, alert } = await mountFailing('advocacy-badges', client);
    expect(detail.source).to.equal('badges');
    expect(alert.textContent).to.contain('couldn’t load your badges');
    await expect(element).to.be.accessible();
    backend.fail(null);
    await retryRecovers(element, alert, '[part~="badge"]');
  });

  it('says so when the backend has no badges', async () => {
    const { listMyBadges: _unused, ...plain } = memoryBackend();
    const element = await badgesWith(createAdvocacyClient({ backend: plain, storage: null }));
    await untilText(element, 'This program has no badges yet.');
    await expect(element).to.be.accessible();
  });

  it('speaks Japanese under lang="ja"', async () => {
    const element = await badgesWith(testClient().client, 'ja');
    await find(element, '[part~="badge"]');
    expect(textOf(element)).to.contain('バッジ');
    expect(textOf(element)).to.contain('はじめてのシェア');
    expect(textOf(element)).to.contain('週連続');
    await expect(element).to.be.accessible();
  });

  it('lets the host page set its heading level (heading-level), h2 by default', async () => {
    const { client } = testClient();
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><h1>Intranet</h1><h2>Me</h2><advocacy-provider .client=${client}><advocacy-badges heading-level="3"></advocacy-badges></advocacy-provider></div>`,
    );
    const element = wrapper.querySelector('advocacy-badges')!;
    expect((await find(element, '#title')).tagName).to.equal('H3');
    await expect(wrapper).to.be.accessible();
    element.setAttribute('heading-level', '1');
    await element.updateComplete;
    expect((await find(element, '#title')).tagName).to.equal('H2');
  });
});
