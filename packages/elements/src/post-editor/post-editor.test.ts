import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { AdvocacyError, type AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyPostEditorElement } from './post-editor.component.js';
import { adminClient, deepActiveElement, find, findAll, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function editorWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyPostEditorElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-post-editor></advocacy-post-editor></advocacy-provider></div>`,
  );
  const element = wrapper.querySelector('advocacy-post-editor')!;
  await find(element, '#url');
  return element;
}

async function type(element: Element, selector: string, value: string): Promise<void> {
  const input = await find<HTMLInputElement | HTMLTextAreaElement>(element, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await (element as AdvocacyPostEditorElement).updateComplete;
}

const button = (element: Element, label: string): HTMLButtonElement =>
  findAll<HTMLButtonElement>(element, '[part="actions"] button').find((b) => b.textContent!.trim() === label)!;

describe('<advocacy-post-editor>', () => {
  it('checks the link and the title before saving, focusing the first field to fix', async () => {
    const element = await editorWith(adminClient().client);
    button(element, 'Publish').click();
    const url = await find<HTMLInputElement>(element, '#url[aria-invalid="true"]');
    expect(url.getAttribute('aria-describedby')).to.equal('url-error');
    expect(textOf(element)).to.contain('Enter a link.').and.contain('Enter a title.');
    await waitUntil(() => deepActiveElement() === url, 'focus did not move to the link');
    await type(element, '#url', 'ftp://example.com');
    button(element, 'Publish').click();
    await untilText(element, 'Enter a full link that starts with https://');
    await expect(element).to.be.accessible();
  });

  it('publishes a post with topics, audience, networks and commentary per language and network', async () => {
    const { client, backend } = adminClient();
    const element = await editorWith(client);
    await type(element, '#url', 'https://example.com/launch');
    await type(element, '#title', 'We launched');
    await type(element, '#summary', 'The new product is out.');
    await type(element, '#hashtags', '#launch product');
    const topic = await find<HTMLInputElement>(element, 'input[name="topics"]');
    topic.click();
    for (const name of ['LinkedIn', 'X']) {
      findAll<HTMLInputElement>(element, 'input[name="networks"]')
        .find((input) => input.parentElement!.textContent!.trim() === name)!
        .click();
    }
    await type(element, '#c-en-default', 'Proud of the team');
    // A text of its own for X, in Japanese: the counter counts as X does (CJK characters count 2).
    const add = shadow(element).querySelector<HTMLSelectElement>('#add-ja')!;
    add.value = 'x';
    findAll<HTMLButtonElement>(element, '.add button')[1]!.click();
    const x = await find<HTMLTextAreaElement>(element, '#c-ja-x');
    await waitUntil(() => deepActiveElement() === x, 'focus did not move to the new X text');
    await type(element, '#c-ja-x', '新製品');
    expect(shadow(element).querySelector('#c-ja-x-count')!.textContent!.trim()).to.equal('6 / 280');
    const saved = oneEvent(element, 'advocacy-post-save');
    button(element, 'Publish').click();
    const { detail } = await saved;
    expect(detail.post).to.include({ title: 'We launched', status: 'published', url: 'https://example.com/launch' });
    expect(detail.post.topics).to.deep.equal([topic.value]);
    expect(detail.post.hashtags).to.deep.equal(['launch', 'product']);
    expect(detail.post.networks).to.deep.equal(['linkedin', 'x']);
    expect(detail.post.suggestedCommentary).to.deep.equal({ en: { default: 'Proud of the team' }, ja: { x: '新製品' } });
    await untilText(element, 'Post published.');
    await untilText(element, 'Edit post');
    const listed = await backend.as('emp-haruka').admin.listPosts({ q: 'We launched' });
    expect(listed.items.map((post) => post.id)).to.deep.equal([detail.post.id]);
  });

  it('schedules in the admin’s time zone and saves drafts', async () => {
    const element = await editorWith(adminClient().client);
    await type(element, '#url', 'https://example.com/later');
    await type(element, '#title', 'Later');
    await type(element, '#publishAt', '2031-01-10T09:00');
    await untilText(element, 'Times in Asia/Tokyo');
    expect(button(element, 'Schedule')).to.exist;
    const saved = oneEvent(element, 'advocacy-post-save');
    button(element, 'Schedule').click();
    const { detail } = await saved;
    expect(detail.post.publishAt).to.equal('2031-01-10T00:00:00.000Z');
    expect(detail.post.status).to.equal('scheduled');
    expect(shadow(element).querySelector<HTMLInputElement>('#publishAt')!.value).to.equal('2031-01-10T09:00');
    const draft = oneEvent(element, 'advocacy-post-save');
    button(element, 'Save draft').click();
    expect((await draft).detail.post.status).to.equal('draft');
    const archived = oneEvent(element, 'advocacy-post-save');
    button(element, 'Archive').click();
    expect((await archived).detail.post.status).to.equal('archived');
  });

  it('blocks commentary longer than its network allows', async () => {
    const element = await editorWith(adminClient().client);
    await type(element, '#url', 'https://example.com/a');
    await type(element, '#title', 'A');
    findAll<HTMLInputElement>(element, 'input[name="networks"]')
      .find((input) => input.parentElement!.textContent!.trim() === 'X')!
      .click();
    await type(element, '#c-en-default', 'a'.repeat(281));
    const counter = shadow(element).querySelector('#c-en-default-count')!;
    expect(counter.textContent).to.contain('281 / 280').and.contain('Too long for this network.');
    button(element, 'Publish').click();
    await untilText(element, 'Shorten the commentary');
    await expect(element).to.be.accessible();
  });

  it('shows the server’s field errors under their fields', async () => {
    const { client, backend } = adminClient();
    backend.admin.createPost = async () => {
      throw new AdvocacyError('validation', 'Invalid post', {
        status: 422,
        fieldErrors: [{ field: 'audience.teams.0', message: 'unknown team "t-x"', code: 'unknown_team' }],
      });
    };
    const element = await editorWith(client);
    await type(element, '#url', 'https://example.com/a');
    await type(element, '#title', 'A');
    button(element, 'Publish').click();
    await untilText(element, 'unknown team "t-x"');
    expect(shadow(element).querySelector('#audience-error')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('fills the empty fields from the page’s preview, keeping what the admin typed', async () => {
    const { client, backend } = adminClient();
    const known = (await backend.as('emp-haruka').admin.listPosts({ limit: 1 })).items[0]!;
    const element = await editorWith(client);
    await type(element, '#url', known.url);
    await type(element, '#title', 'My own title');
    findAll<HTMLButtonElement>(element, 'button.fetch')[0]!.click();
    await untilText(element, 'Filled the empty fields from the page.');
    expect(shadow(element).querySelector<HTMLInputElement>('#title')!.value).to.equal('My own title');
    expect(shadow(element).querySelector<HTMLTextAreaElement>('#summary')!.value).to.equal(known.summary);
    expect(shadow(element).querySelector<HTMLInputElement>('#source')!.value).to.equal(known.source);
  });

  it('says why a link has no preview, on the link field', async () => {
    const { client, backend } = adminClient();
    backend.admin.getLinkPreview = async () => {
      throw new AdvocacyError('validation', 'No preview', {
        status: 422,
        fieldErrors: [
          { field: 'url', message: 'intranet.local resolves to an address that is not on the public internet.', code: 'blocked_address' },
        ],
      });
    };
    const element = await editorWith(client);
    await type(element, '#url', 'https://intranet.local/');
    findAll<HTMLButtonElement>(element, 'button.fetch')[0]!.click();
    await untilText(element, 'not on the public internet');
    expect(shadow(element).querySelector('#url')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(element).to.be.accessible();
  });

  it('offers no page preview when the backend has none', async () => {
    const { client, backend } = adminClient();
    delete backend.admin.getLinkPreview;
    const element = await editorWith(client);
    expect(findAll(element, 'button.fetch')).to.have.length(0);
  });

  it('speaks Japanese', async () => {
    const element = await editorWith(adminClient().client, 'ja');
    await untilText(element, '新しい投稿');
    expect(textOf(element)).to.contain('おすすめコメント').and.contain('公開する');
  });
});
