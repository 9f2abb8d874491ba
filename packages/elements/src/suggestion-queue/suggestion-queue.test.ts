import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacySuggestionQueueElement } from './suggestion-queue.component.js';
import type { AdvocacyPostEditorElement } from '../post-editor/post-editor.component.js';
import { adminClient, deepActiveElement, find, findAll, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function queueWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacySuggestionQueueElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-suggestion-queue></advocacy-suggestion-queue></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-suggestion-queue')!;
}

const PENDING = 'https://news.example.com/it-news/ja/hybrid-cloud-survey';

describe('<advocacy-suggestion-queue>', () => {
  it('lists pending suggestions with the employee’s name, note, topics and link', async () => {
    const { client } = adminClient();
    const element = await queueWith(client);
    await untilText(element, PENDING);
    expect(findAll(element, '[part="item"]')).to.have.length(1);
    expect(textOf(element)).to.contain('From 中村 結衣').and.contain('ハイブリッドクラウド').and.contain('Industry news');
    expect(textOf(element)).not.to.contain('emp-yui');
    expect(textOf(element)).not.to.contain('postmortems');
    await expect(element).to.be.accessible();
  });

  it('asks for a reason before rejecting, and the employee sees it', async () => {
    const { client, backend } = adminClient();
    const element = await queueWith(client);
    const reject = await find<HTMLButtonElement>(element, '[part="reject-button"]');
    reject.click();
    const reason = await find<HTMLInputElement>(element, 'input[aria-invalid="true"]');
    await waitUntil(() => deepActiveElement() === reason, 'focus did not move to the reason');
    expect(textOf(element)).to.contain('Give the employee a reason.');
    await expect(element).to.be.accessible();
    reason.value = 'We already shared this survey last week.';
    reason.dispatchEvent(new Event('input'));
    const reviewed = oneEvent(element, 'advocacy-suggestion-review');
    reason.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect((await reviewed).detail.suggestion.status).to.equal('rejected');
    await untilText(element, 'No suggestions are waiting.');
    expect(textOf(element)).to.contain(`Rejected: ${PENDING}`);
    const mine = await backend.as('emp-yui').listMySuggestions();
    expect(mine.items.find((s) => s.id === 'sug-pending')!.reviewReason).to.equal('We already shared this survey last week.');
  });

  it('approves through the post editor prefilled from the suggestion, then returns focus', async () => {
    const { client, backend } = adminClient();
    const element = await queueWith(client);
    const approve = await find<HTMLButtonElement>(element, '[part="approve-button"]');
    approve.focus();
    approve.click();
    const dialog = await find<HTMLDialogElement>(element, 'dialog[open]');
    const editor = dialog.querySelector<AdvocacyPostEditorElement>('advocacy-post-editor')!;
    const url = await find<HTMLInputElement>(editor, '#url');
    expect(url.value).to.equal(PENDING);
    expect(shadow(editor).querySelector<HTMLTextAreaElement>('#summary')!.value).to.contain('ハイブリッドクラウド');
    expect(shadow(editor).querySelector<HTMLInputElement>('input[name="topics"][value="industry"]')!.checked).to.equal(true);
    await untilText(editor, 'Approve a suggestion');
    const title = shadow(editor).querySelector<HTMLInputElement>('#title')!;
    title.value = 'ハイブリッドクラウド運用の実態調査';
    title.dispatchEvent(new Event('input'));
    await editor.updateComplete;
    const reviewed = oneEvent(element, 'advocacy-suggestion-review');
    shadow(editor).querySelector<HTMLButtonElement>('[part="actions"] button.primary')!.click();
    const { detail } = await reviewed;
    expect(detail.suggestion).to.include({ status: 'approved' });
    await waitUntil(() => !shadow(element).querySelector('dialog[open]'), 'the dialog stayed open');
    await untilText(element, 'No suggestions are waiting.');
    const post = await backend.as('emp-haruka').getPost(detail.suggestion.postId!);
    expect(post).to.include({ title: 'ハイブリッドクラウド運用の実態調査', url: PENDING });
  });

  it('names the approve dialog for what it does, with Cancel in its corner and no empty band', async () => {
    const element = await queueWith(adminClient().client);
    (await find<HTMLButtonElement>(element, '[part="approve-button"]')).click();
    const dialog = await find<HTMLDialogElement>(element, 'dialog[open]');
    expect(dialog.getAttribute('aria-label')).to.equal('Approve a suggestion');
    expect(dialog.hasAttribute('aria-labelledby')).to.equal(false);
    const editor = dialog.querySelector('advocacy-post-editor')!;
    const cancel = dialog.querySelector<HTMLButtonElement>('form[method="dialog"] button')!;
    expect(cancel.textContent!.trim()).to.equal('Cancel');
    // The editor starts at the dialog's top edge; Cancel overlays its corner rather than pushing it down.
    expect(editor.getBoundingClientRect().top - dialog.getBoundingClientRect().top).to.be.below(2);
    expect(getComputedStyle(cancel.parentElement!).position).to.equal('absolute');
    await expect(element).to.be.accessible();
    cancel.click();
    await waitUntil(() => !shadow(element).querySelector('dialog[open]'), 'Cancel did not close the dialog');
  });

  it('keeps the reject reason beside Reject, apart from Approve', async () => {
    const element = await queueWith(adminClient().client);
    const reject = await find<HTMLButtonElement>(element, '[part="reject-button"]');
    const approve = await find<HTMLButtonElement>(element, '[part="approve-button"]');
    expect(reject.previousElementSibling!.querySelector('input[id^="reason-"]')).to.not.equal(null);
    expect(approve.parentElement).to.not.equal(reject.parentElement);
    expect(approve.parentElement!.querySelector('input')).to.equal(null);
  });

  it('lets the host open its own editor instead', async () => {
    const element = await queueWith(adminClient().client);
    const approve = await find<HTMLButtonElement>(element, '[part="approve-button"]');
    element.addEventListener('advocacy-suggestion-approve', (event) => event.preventDefault());
    const asked = oneEvent(element, 'advocacy-suggestion-approve');
    approve.click();
    expect((await asked).detail.prefill).to.deep.include({ url: PENDING, topics: ['industry'] });
    await element.updateComplete;
    expect(shadow(element).querySelector('dialog[open]')).to.equal(null);
  });

  it('shows an error with a retry', async () => {
    const { client, backend } = adminClient();
    backend.fail('server');
    const element = await queueWith(client);
    await untilText(element, 'We couldn’t load the suggestions');
    await expect(element).to.be.accessible();
    backend.fail(null);
    shadow(element).querySelector<HTMLButtonElement>('[part="state"] button')!.click();
    await untilText(element, PENDING);
  });

  it('speaks Japanese', async () => {
    const element = await queueWith(adminClient().client, 'ja');
    await untilText(element, '審査待ちの提案');
    expect(textOf(element)).to.contain('提案者：中村 結衣').and.contain('却下');
  });
});
