import { demoSeed } from '@advocacy-kit/core/memory';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyRewardsAdminElement } from './rewards-admin.component.js';
import { adminClient, deepActiveElement, find, findAll, mountFailing, retryRecovers, shadow, untilText } from '../../test/helpers.js';
import '../define/advocacy-rewards-admin.js';
import '../define/advocacy-provider.js';

/** The demo company without its catalogue: each test builds the rewards it needs. */
const withoutDemoRewards = () => ({ seed: { ...demoSeed(new Date()), rewards: [] } });

async function adminWith(client: unknown, lang = 'en'): Promise<AdvocacyRewardsAdminElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-rewards-admin></advocacy-rewards-admin></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-rewards-admin')!;
}

async function type(element: AdvocacyRewardsAdminElement, selector: string, value: string): Promise<void> {
  const input = await find<HTMLInputElement>(element, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await element.updateComplete;
}

describe('<advocacy-rewards-admin>', () => {
  it('adds a reward from the form, checking it first', async () => {
    const { client, backend } = adminClient(withoutDemoRewards());
    const element = await adminWith(client);
    await untilText(element, 'No rewards yet.');
    await type(element, '#f-cost', '0');
    shadow(element).querySelector<HTMLButtonElement>('[part="reward-form"] button[type="submit"]')!.click();
    await find(element, '#f-nameEn[aria-invalid="true"]');
    await waitUntil(
      () => deepActiveElement() === shadow(element).querySelector('#f-nameEn'),
      'focus did not move to the first invalid field',
    );
    expect(shadow(element).querySelector('#f-cost-error')!.textContent).to.contain('at least 1');
    await expect(element).to.be.accessible();
    await type(element, '#f-nameEn', 'Coffee voucher');
    await type(element, '#f-nameJa', 'コーヒーチケット');
    await type(element, '#f-cost', '50');
    await type(element, '#f-stock', '10');
    await type(element, '#f-imageUrl', 'javascript:alert(1)');
    shadow(element).querySelector<HTMLButtonElement>('[part="reward-form"] button[type="submit"]')!.click();
    await find(element, '#f-imageUrl[aria-invalid="true"]');
    await type(element, '#f-imageUrl', 'https://example.com/coffee.png');
    shadow(element).querySelector<HTMLButtonElement>('[part="reward-form"] button[type="submit"]')!.click();
    await untilText(element, 'Saved Coffee voucher.');
    const [reward] = await backend.admin.listRewards!();
    expect(reward).to.include({ cost: 50, stock: 10, imageUrl: 'https://example.com/coffee.png', active: true, team: null });
    expect(reward!.name).to.deep.equal({ en: 'Coffee voucher', ja: 'コーヒーチケット' });
    await untilText(element, '10 in stock');
  });

  it('approves, rejects with a reason, and marks handed over, from the keyboard', async () => {
    const { client, backend } = adminClient(withoutDemoRewards());
    const reward = await backend.admin.createReward!({ name: { en: 'Mug' }, cost: 5 });
    for (const id of ['emp-kenji', 'emp-yui']) await backend.admin.adjustPoints!({ employeeId: id, delta: 50, reason: 'Talk' });
    const kenji = await backend.as('emp-kenji').requestReward!(reward.id);
    const yui = await backend.as('emp-yui').requestReward!(reward.id);
    const element = await adminWith(client);
    await find(element, '[part="approve-button"]');
    expect(findAll(element, '[part="request"]')).to.have.length(2);
    await expect(element).to.be.accessible();

    // Reject without a reason: refused, focus goes to the reason.
    const rejectButtons = findAll<HTMLButtonElement>(element, '[part="reject-button"]');
    const yuiReject = rejectButtons.find(
      (b) => b.getAttribute('aria-label')!.includes('Yui') || b.getAttribute('aria-label')!.includes('結衣'),
    )!;
    yuiReject.click();
    const reasonInput = await find<HTMLInputElement>(element, `#reason-${CSS.escape(yui.id)}[aria-invalid="true"]`);
    await waitUntil(() => deepActiveElement() === reasonInput, 'focus did not move to the reason');
    await sendKeys({ type: 'Not in your region' });
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'The points are back with the employee.');
    const yuiRequests = await backend.as('emp-yui').listMyRewardRequests!();
    expect(yuiRequests.items[0]).to.include({ status: 'rejected', reason: 'Not in your region' });

    const approve = await find<HTMLButtonElement>(element, '[part="approve-button"]');
    approve.focus();
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'The points are spent.');
    await waitUntil(() => deepActiveElement() === shadow(element).querySelector('#queue-title'), 'focus did not stay in the queue');
    const fulfil = await find<HTMLButtonElement>(element, '[part="fulfil-button"]');
    fulfil.click();
    await untilText(element, 'is marked handed over');
    await untilText(element, 'No requests are waiting.');
    const kenjiRequests = await backend.as('emp-kenji').listMyRewardRequests!();
    expect(kenjiRequests.items.find((r) => r.id === kenji.id)!.status).to.equal('fulfilled');
  });

  it('records a manual adjustment with its reason, and shows a refused deduction on its field', async () => {
    const { client, backend } = adminClient(withoutDemoRewards());
    const element = await adminWith(client);
    await find(element, '[part="adjust-form"]');
    await type(element, '#a-employeeId', 'emp-kenji');
    await type(element, '#a-delta', '-999999');
    await type(element, '#a-reason', 'Correction');
    shadow(element).querySelector<HTMLButtonElement>('[part="adjust-form"] button[type="submit"]')!.click();
    await find(element, '#a-delta[aria-invalid="true"]');
    expect(shadow(element).querySelector('#a-delta-error')!.textContent).to.contain('below zero');
    await type(element, '#a-delta', '30');
    await type(element, '#a-reason', 'Talk at the partner summit');
    shadow(element).querySelector<HTMLButtonElement>('[part="adjust-form"] button[type="submit"]')!.click();
    await untilText(element, 'Recorded 30 points for emp-kenji.');
    const points = await backend.as('emp-kenji').listMyPoints();
    expect(points.items[0]).to.include({ reason: 'manual', delta: 30, note: 'Talk at the partner summit' });
    await expect(element).to.be.accessible();
  });

  it('deactivates a reward, in Japanese', async () => {
    const { client, backend } = adminClient(withoutDemoRewards());
    await backend.admin.createReward!({ name: { en: 'Mug', ja: 'マグカップ' }, cost: 5 });
    const element = await adminWith(client, 'ja');
    const button = await find<HTMLButtonElement>(element, '[part="reward"] button[aria-label="非公開にする：マグカップ"]');
    button.click();
    await untilText(element, '非公開 · 5 ポイント');
    expect((await backend.admin.listRewards!())[0]!.active).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that recovers', async () => {
    const { client, backend } = adminClient(withoutDemoRewards());
    backend.fail('network');
    const { element, detail, alert } = await mountFailing<AdvocacyRewardsAdminElement>('advocacy-rewards-admin', client);
    expect(detail.source).to.equal('rewards-admin');
    await expect(element).to.be.accessible();
    backend.fail(null);
    await retryRecovers(element, alert, '[part="adjust-form"]');
  });
});
