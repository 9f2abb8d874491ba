import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyGoalsElement } from './goals.component.js';
import { adminClient, deepActiveElement, find, findAll, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function goalsWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyGoalsElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-goals></advocacy-goals></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-goals')!;
}

describe('<advocacy-goals>', () => {
  it('shows each goal with its value, the pace expected today, its status and a labelled chart', async () => {
    const { client, backend } = adminClient();
    const [goal] = await backend.admin.listGoals!();
    const element = await goalsWith(client);
    await find(element, '[part="goal"]');
    expect(findAll(element, '[part="goal"]')).to.have.length(3);
    const text = textOf(element);
    expect(text).to.contain(goal!.title).and.to.contain('Expected by today');
    const chart = await find(element, 'svg[role="img"]');
    expect(chart.getAttribute('aria-label')).to.contain(goal!.title).and.to.contain('expected by today at a steady pace');
    expect(chart.querySelectorAll('text')).to.have.length(4, 'axes labelled: 0, target, first and last day');
    await expect(element).to.be.accessible();
  });

  it('draws every chart label the same legible size, on a phone too', async () => {
    const { client } = adminClient();
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><advocacy-provider .client=${client}><advocacy-goals></advocacy-goals></advocacy-provider></div>`,
    );
    wrapper.style.width = '390px';
    const element = wrapper.querySelector('advocacy-goals')!;
    const chart = await find<SVGSVGElement>(element, 'svg.goal-chart');
    await waitUntil(() => Number(chart.getAttribute('width')) < 390, 'the chart was not drawn at the phone width');
    expect(chart.getBoundingClientRect().right).to.be.at.most(wrapper.getBoundingClientRect().right);
    const drawn = (text: SVGTextElement) => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM()!.a;
    const sizes = [...chart.querySelectorAll<SVGTextElement>('text')].map(drawn);
    expect(sizes).to.have.length(4);
    for (const size of sizes) expect(size).to.be.closeTo(sizes[0]!, 0.01).and.at.least(12);
    // At its widest the labels keep that size (a fixed viewBox used to scale them with the chart).
    wrapper.style.width = '900px';
    await waitUntil(() => Number(chart.getAttribute('width')) === 420, 'the chart did not grow to its widest');
    for (const text of chart.querySelectorAll<SVGTextElement>('text')) expect(drawn(text)).to.be.closeTo(sizes[0]!, 0.01);
  });

  it('creates a goal from the keyboard, shows field errors, and returns focus', async () => {
    const { client, backend } = adminClient();
    const element = await goalsWith(client);
    const add = await find<HTMLButtonElement>(element, '.new-goal');
    add.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement()?.id === 'goal-title', 'focus did not move to the title');
    await sendKeys({ type: 'Participation push' });
    const metric = await find<HTMLSelectElement>(element, '#goal-metric');
    metric.value = 'participation';
    metric.dispatchEvent(new Event('change'));
    await untilText(element, 'Percent of members who share at least once.');
    const target = await find<HTMLInputElement>(element, '#goal-target');
    target.value = '150';
    (await find<HTMLButtonElement>(element, 'form button[type="submit"]')).click();
    await waitUntil(() => target.getAttribute('aria-invalid') === 'true', 'no field error on the target');
    await expect(element).to.be.accessible();
    target.value = '50';
    (await find<HTMLButtonElement>(element, 'form button[type="submit"]')).click();
    await untilText(element, 'Saved “Participation push”.');
    await waitUntil(() => deepActiveElement()?.classList.contains('new-goal'), 'focus did not return to New goal');
    const goals = await backend.admin.listGoals!();
    expect(goals.find((g) => g.title === 'Participation push')?.target).to.equal(0.5);
  });

  it('archives and deletes goals', async () => {
    const { client, backend } = adminClient();
    const element = await goalsWith(client);
    const [first] = await backend.admin.listGoals!();
    (await find<HTMLButtonElement>(element, `button[aria-label="Archive ${first!.title}"]`)).click();
    await untilText(element, `Archived “${first!.title}”.`);
    await waitUntil(() => findAll(element, '[part="goal"]').length === 2, 'the archived goal stayed');
    const second = findAll<HTMLButtonElement>(element, 'button[aria-label^="Delete"]')[0]!;
    second.click();
    await waitUntil(() => findAll(element, '[part="goal"]').length === 1, 'the deleted goal stayed');
    expect((await backend.admin.listGoals!({ archived: true })).length).to.equal(2);
  });

  it('speaks Japanese', async () => {
    const { client } = adminClient();
    const element = await goalsWith(client, 'ja');
    await find(element, '[part="goal"]');
    expect(textOf(element)).to.contain('今日までの目安').and.to.contain('新しい目標');
    await expect(element).to.be.accessible();
  });

  it('shows the empty state, and a load failure with a retry that recovers', async () => {
    const empty = await goalsWith(adminClient({ seed: false, employeeId: 'admin' }).client);
    await untilText(empty, 'No goals yet.');
    const { client, backend } = adminClient();
    backend.fail('server');
    const element = await goalsWith(client);
    await untilText(element, 'We couldn’t load the goals');
    await expect(element).to.be.accessible();
    backend.fail(null);
    (await find<HTMLButtonElement>(element, '[part="state"] button')).click();
    await find(element, '[part="goal"]');
    expect(shadow(element).querySelector('[part="state"]')).to.equal(null);
  });
});
