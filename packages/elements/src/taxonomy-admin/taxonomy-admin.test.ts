import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyTaxonomyAdminElement } from './taxonomy-admin.component.js';
import { adminClient, deepActiveElement, find, findAll, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function mount(client: AdvocacyClient, kind = 'topics', lang = 'en'): Promise<AdvocacyTaxonomyAdminElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-taxonomy-admin kind=${kind}></advocacy-taxonomy-admin></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-taxonomy-admin')!;
}

const names = (element: Element) => findAll(element, '[part="item"] .name').map((node) => node.textContent);

describe('<advocacy-taxonomy-admin>', () => {
  it('lists the topics in order, named in the page language, and is accessible', async () => {
    const element = await mount(adminClient().client);
    await untilText(element, 'Product news');
    expect(names(element).length).to.be.greaterThan(2);
    await expect(element).to.be.accessible();
  });

  it('adds a topic from the keyboard; employees see it at once', async () => {
    const { client, backend } = adminClient();
    const element = await mount(client);
    await untilText(element, 'Product news');
    const english = await find<HTMLInputElement>(element, '#new-en');
    english.focus();
    await sendKeys({ type: 'Sustainability' });
    const changed = oneEvent(element, 'advocacy-people-change');
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail).to.deep.include({ kind: 'topic', action: 'create' });
    await untilText(element, 'Added Sustainability.');
    expect(names(element).at(-1)).to.equal('Sustainability');
    expect((await backend.listTopics()).some((topic) => topic.names.en === 'Sustainability')).to.equal(true);
    expect(english.value).to.equal('');
  });

  it('asks for a name before adding, and says so next to the fields', async () => {
    const element = await mount(adminClient().client);
    await untilText(element, 'Product news');
    (await find<HTMLButtonElement>(element, '[part="add-form"] button')).click();
    await untilText(element, 'Give it a name in at least one language.');
    expect(shadow(element).querySelector('#new-en')!.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => deepActiveElement()?.id === 'new-en', 'focus did not move to the name');
    await expect(element).to.be.accessible();
  });

  it('renames, moves and archives with focus kept on the item; archived topics leave the employee list', async () => {
    const { client, backend } = adminClient();
    const element = await mount(client);
    await untilText(element, 'Product news');
    const first = findAll(element, '[part="item"]')[0]!;
    const id = first.getAttribute('data-id')!;
    (first.querySelector('[data-action="rename"]') as HTMLButtonElement).click();
    const input = await find<HTMLInputElement>(element, `#edit-${id}-en`);
    await waitUntil(() => deepActiveElement() === input, 'focus did not move to the name');
    input.value = 'Launches';
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Renamed to Launches.');
    await waitUntil(() => (deepActiveElement() as HTMLElement | null)?.dataset.action === 'rename', 'focus did not return to Rename');

    (shadow(element).querySelector(`[data-id="${id}"] [data-action="down"]`) as HTMLButtonElement).click();
    await untilText(element, 'Launches is now 2 of');
    expect(names(element)[1]).to.equal('Launches');
    await waitUntil(() => (deepActiveElement() as HTMLElement | null)?.dataset.action === 'down', 'focus left the moved item');

    (shadow(element).querySelector(`[data-id="${id}"] [data-action="archive"]`) as HTMLButtonElement).click();
    await untilText(element, 'Archived Launches.');
    expect(textOf(element)).to.contain('Archived');
    await waitUntil(() => (deepActiveElement() as HTMLElement | null)?.dataset.action === 'restore', 'focus did not move to Restore');
    expect((await backend.listTopics()).some((topic) => topic.id === id)).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('manages teams too, in Japanese', async () => {
    const element = await mount(adminClient().client, 'teams', 'ja');
    await untilText(element, 'チームを追加');
    expect(textOf(element)).to.contain('名前（日本語）');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry; an employee sees forbidden', async () => {
    const { client, backend } = adminClient();
    backend.fail('server');
    const element = await mount(client);
    await untilText(element, 'We couldn’t load the topics');
    await expect(element).to.be.accessible();
    backend.fail(null);
    shadow(element).querySelector<HTMLButtonElement>('[part="state"] button')!.click();
    await untilText(element, 'Product news');
  });
});
