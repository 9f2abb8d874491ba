import { demoSeed } from '@advocacy-kit/core/memory';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RewardInput } from '@advocacy-kit/core';
import type { MemoryBackend } from '@advocacy-kit/core/memory';
import type { AdvocacyRewardsElement } from './rewards.component.js';
import { deepActiveElement, find, findAll, mountFailing, retryRecovers, shadow, testClient, untilText } from '../../test/helpers.js';
import '../define/advocacy-rewards.js';
import '../define/advocacy-provider.js';

/** The demo company without its catalogue: each test builds the rewards it needs. */
const withoutDemoRewards = () => ({ seed: { ...demoSeed(new Date()), rewards: [] } });

const ADMIN = 'emp-haruka';

async function addReward(backend: MemoryBackend, input: Partial<RewardInput> & { cost: number }) {
  return backend.as(ADMIN).admin.createReward!({
    name: { en: 'Team hoodie', ja: 'チームパーカー' },
    description: { en: 'Soft and warm.' },
    ...input,
  });
}

async function rewardsWith(client: unknown, lang = 'en'): Promise<AdvocacyRewardsElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-rewards></advocacy-rewards></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-rewards')!;
}

describe('<advocacy-rewards>', () => {
  it('requests a reward from the keyboard: the points are held, the request is listed as waiting, focus moves to it', async () => {
    const { client, backend } = testClient(withoutDemoRewards());
    const me = await backend.getMe();
    await backend.as(ADMIN).admin.adjustPoints!({ employeeId: me.id, delta: 500, reason: 'Welcome bonus' });
    const { balance } = await backend.getMyPointsBalance!();
    const reward = await addReward(backend, { cost: 120, stock: 3, imageUrl: 'https://example.com/hoodie.png' });
    const element = await rewardsWith(client);
    const button = await find<HTMLButtonElement>(element, '[part="request-button"]');
    expect(button.getAttribute('aria-label')).to.equal('Request Team hoodie for 120 points');
    expect(shadow(element).querySelector('[part="image"]')!.getAttribute('src')).to.equal('https://example.com/hoodie.png');
    expect(shadow(element).querySelector('[part="balance"]')!.textContent).to.contain(`${balance.toLocaleString('en')} points to spend`);
    await expect(element).to.be.accessible();

    button.focus();
    const requested = oneEvent(element, 'advocacy-reward-request');
    await sendKeys({ press: 'Enter' });
    const { detail } = await requested;
    expect(detail.request.rewardId).to.equal(reward.id);
    await untilText(element, 'Waiting for approval');
    await untilText(element, `${(balance - 120).toLocaleString('en')} points to spend`);
    await untilText(element, '120 held for your pending requests');
    await waitUntil(() => deepActiveElement() === shadow(element).querySelector('#mine-title'), 'focus did not move to the requests');
    expect(shadow(element).querySelector('[part="status"]')!.textContent).to.contain('Requested Team hoodie');
    await expect(element).to.be.accessible();
  });

  it('shows an admin’s rejection and its reason, and cancels a pending request', async () => {
    const { client, backend } = testClient(withoutDemoRewards());
    const me = await backend.getMe();
    await backend.as(ADMIN).admin.adjustPoints!({ employeeId: me.id, delta: 100, reason: 'Talk' });
    const reward = await addReward(backend, { cost: 10 });
    const rejected = await backend.requestReward!(reward.id);
    await backend.as(ADMIN).admin.decideRewardRequest!(rejected.id, { decision: 'reject', reason: 'Only for new joiners' });
    await backend.requestReward!(reward.id);
    const element = await rewardsWith(client);
    await untilText(element, 'Reason: Only for new joiners');
    const cancel = await find<HTMLButtonElement>(element, '[part="cancel-button"]');
    expect(cancel.getAttribute('aria-label')).to.equal('Cancel request: Team hoodie');
    cancel.click();
    await untilText(element, 'Cancelled');
    await waitUntil(() => findAll(element, '[part="cancel-button"]').length === 0, 'the cancel button stayed');
    expect((await backend.getMyPointsBalance!()).held).to.equal(0);
  });

  it('says how many points are missing instead of offering a request it would refuse', async () => {
    const { client, backend } = testClient(withoutDemoRewards());
    const { balance } = await backend.getMyPointsBalance!();
    await addReward(backend, { cost: balance + 50 });
    const element = await rewardsWith(client);
    const button = await find<HTMLButtonElement>(element, '[part="request-button"]');
    expect(button.disabled).to.equal(true);
    await untilText(element, 'You need 50 more points.');
    expect(button.getAttribute('aria-describedby')).to.match(/-hint$/);
    await expect(element).to.be.accessible();
  });

  it('shows the refusal beside the reward when the last one went to someone else', async () => {
    const { client, backend } = testClient(withoutDemoRewards());
    const me = await backend.getMe();
    await backend.as(ADMIN).admin.adjustPoints!({ employeeId: me.id, delta: 100, reason: 'Talk' });
    const reward = await addReward(backend, { cost: 5, stock: 1 });
    const element = await rewardsWith(client);
    const button = await find<HTMLButtonElement>(element, '[part="request-button"]');
    await backend.as(ADMIN).admin.adjustPoints!({ employeeId: 'emp-yui', delta: 100, reason: 'Talk' });
    await backend.as('emp-yui').requestReward!(reward.id);
    const failed = oneEvent(element, 'advocacy-error');
    button.click();
    const { detail } = await failed;
    expect(detail.error.code).to.equal('conflict');
    await untilText(element, 'Out of stock');
  });

  it('shows the empty catalogue, and the requests heading, in Japanese', async () => {
    const { client } = testClient(withoutDemoRewards());
    const element = await rewardsWith(client, 'ja');
    await untilText(element, '現在申請できるリワードはありません');
    await untilText(element, 'まだ申請はありません。');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that recovers', async () => {
    const { client, backend } = testClient(withoutDemoRewards());
    await addReward(backend, { cost: 1 });
    backend.fail('network');
    const { element, detail, alert } = await mountFailing<AdvocacyRewardsElement>('advocacy-rewards', client);
    expect(detail.source).to.equal('rewards');
    expect(alert.textContent).to.contain('We couldn’t load the rewards.');
    await expect(element).to.be.accessible();
    backend.fail(null);
    await retryRecovers(element, alert, '[part="request-button"]');
  });
});
