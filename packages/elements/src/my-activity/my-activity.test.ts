import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { AdvocacyError, createAdvocacyClient } from '@advocacy-kit/core';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { AdvocacyMyActivityElement } from './my-activity.component.js';
import {
  deepActiveElement,
  find,
  findAll,
  mountFailing,
  retryRecovers,
  shadow,
  testClient,
  textOf,
  untilText,
} from '../../test/helpers.js';

async function activityWith(client: unknown, lang = 'en'): Promise<AdvocacyMyActivityElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-my-activity></advocacy-my-activity></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-my-activity')!;
}

const tab = (element: Element, name: string) => shadow(element).querySelector<HTMLButtonElement>(`#tab-${name}`)!;

describe('<advocacy-my-activity>', () => {
  it('lists my shares with their post, network, clicks, conversions and points', async () => {
    const { client, backend } = testClient();
    const [first] = (await backend.listMyShares({ limit: 1 })).items;
    const element = await activityWith(client);
    await find(element, '[part~="item"]');
    const text = textOf(element);
    expect(text).to.contain(first!.postTitle!);
    expect(text).to.contain(`${first!.clicks} click`);
    expect(text).to.contain('points');
    await expect(element).to.be.accessible();
  });

  it('is a keyboard-operable tab list: arrows, Home and End move and select, one Tab stop', async () => {
    const { client } = testClient();
    const element = await activityWith(client);
    await find(element, '[part~="item"]');
    tab(element, 'shares').focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => element.tab === 'points');
    expect(deepActiveElement()).to.equal(tab(element, 'points'));
    expect(tab(element, 'points').getAttribute('aria-selected')).to.equal('true');
    expect(tab(element, 'shares').tabIndex).to.equal(-1);
    await sendKeys({ press: 'End' });
    await waitUntil(() => element.tab === 'preferences');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => element.tab === 'shares');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => element.tab === 'preferences');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => element.tab === 'shares');
    expect(shadow(element).querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal('tab-shares');
  });

  it('tells each ledger row in words, with the balance', async () => {
    const { client, backend } = testClient();
    const post = (await backend.listMyShares({ limit: 1 })).items[0]!;
    const element = await activityWith(client);
    element.tab = 'points';
    await find(element, '[part~="balance"]');
    await find(element, '[part~="item"]');
    expect(textOf(element)).to.match(/Shared “.+” to |Clicks on “/);
    expect(post.postTitle).to.be.a('string');
    await expect(element).to.be.accessible();
  });

  it('shows a rejected suggestion with the reviewer’s reason', async () => {
    const { client, backend } = testClient();
    const mine = await backend.createSuggestion({ url: 'https://example.com/mine', note: 'Worth a look', topics: [] });
    await backend.as('emp-haruka').admin.reviewSuggestion(mine.id, { decision: 'reject', reason: 'We covered this last week' });
    const element = await activityWith(client);
    element.tab = 'suggestions';
    await untilText(element, 'We covered this last week');
    expect(textOf(element)).to.contain('Not taken');
    await expect(element).to.be.accessible();
  });

  it('shows an empty state for an employee without shares', async () => {
    const { client } = testClient({ employeeId: 'emp-tom' });
    const element = await activityWith(client);
    await untilText(element, 'You haven’t shared anything yet');
    await expect(element).to.be.accessible();
  });

  it('shows loading, and an error with a Retry that recovers', async () => {
    const loading = await activityWith(testClient({ latencyMs: 60_000 }).client);
    await untilText(loading, 'Loading…');
    await expect(loading).to.be.accessible();

    const { client, backend } = testClient();
    backend.fail('network');
    const { element, detail, alert } = await mountFailing<AdvocacyMyActivityElement>('advocacy-my-activity', client);
    expect(detail.source).to.equal('my-activity');
    expect(alert.textContent).to.contain('We couldn’t reach the server');
    await expect(element).to.be.accessible();
    backend.fail(null);
    await retryRecovers(element, alert, '[part~="item"]');
  });

  it('saves preferences, and shows a time zone the backend refuses as a field error', async () => {
    const { client, backend } = testClient();
    const element = await activityWith(client);
    element.tab = 'preferences';
    const form = await find<HTMLFormElement>(element, 'form');
    await expect(element).to.be.accessible();
    const zone = shadow(element).querySelector<HTMLSelectElement>('#timeZone')!;
    zone.value = 'Europe/Berlin';
    shadow(element).querySelector<HTMLInputElement>('input[name="digest"]')!.checked = false;
    form.requestSubmit();
    await waitUntil(async () => (await backend.getPreferences!()).timeZone === 'Europe/Berlin');
    expect((await backend.getPreferences!()).digest).to.equal(false);
    await untilText(element, 'Your preferences are saved.');

    // A zone this browser lists but the backend refuses: the field says so, and the error is announced.
    const refused = new AdvocacyError('validation', 'Not a zone', {
      fieldErrors: [{ field: 'timeZone', message: 'bad', code: 'invalid_time_zone' }],
    });
    const picky = createAdvocacyClient({ backend: { ...backend, updatePreferences: () => Promise.reject(refused) }, storage: null });
    const other = await activityWith(picky);
    other.tab = 'preferences';
    const otherForm = await find<HTMLFormElement>(other, 'form');
    const failed = oneEvent(other, 'advocacy-error');
    otherForm.requestSubmit();
    await failed;
    await untilText(other, 'Choose a time zone from the list.');
    expect(shadow(other).querySelector('#timeZone')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(other).to.be.accessible();
  });

  it('keeps the preferences form within a 320 px phone, however long the time zones’ names', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { client } = testClient();
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="en" style="width: 280px"><advocacy-provider .client=${client}><advocacy-my-activity></advocacy-my-activity></advocacy-provider></div>`,
      );
      const element = wrapper.querySelector('advocacy-my-activity')!;
      element.tab = 'preferences';
      await find(element, '#timeZone');
      // The widest a component can be in that column is its own content's narrowest: measure it.
      element.style.width = 'min-content';
      expect(element.getBoundingClientRect().width).to.be.at.most(280);
      element.style.width = '';
      const zone = shadow(element).querySelector<HTMLSelectElement>('#timeZone')!;
      expect(zone.getBoundingClientRect().right).to.be.at.most(element.getBoundingClientRect().right);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('speaks Japanese', async () => {
    const { client } = testClient();
    const element = await activityWith(client, 'ja');
    await find(element, '[part~="item"]');
    expect(findAll(element, '[role="tab"]').map((t) => t.textContent!.trim())).to.deep.equal([
      'シェア',
      'ポイント',
      '提案',
      'バッジ',
      '設定',
    ]);
    expect(textOf(element)).to.contain('クリック');
    await expect(element).to.be.accessible();
  });
});
