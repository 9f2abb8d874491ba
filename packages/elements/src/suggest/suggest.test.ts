import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { AdvocacyError, createAdvocacyClient } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import type { AdvocacySuggestElement } from './suggest.component.js';
import { deepActiveElement, expectDefaultHeadingLevel, find, findAll, shadow, testClient, textOf, untilText } from '../../test/helpers.js';

async function suggestWith(client: unknown, lang = 'en'): Promise<AdvocacySuggestElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-suggest></advocacy-suggest></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-suggest')!;
}

async function fill(element: AdvocacySuggestElement, url: string, note = ''): Promise<void> {
  const input = await find<HTMLInputElement>(element, '#url');
  input.value = url;
  input.dispatchEvent(new Event('input'));
  const textarea = shadow(element).querySelector<HTMLTextAreaElement>('#note')!;
  textarea.value = note;
  textarea.dispatchEvent(new Event('input'));
  await element.updateComplete;
}

function submit(element: AdvocacySuggestElement): void {
  shadow(element).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
}

describe('<advocacy-suggest>', () => {
  it('checks the link before sending and ties the message to the field', async () => {
    const element = await suggestWith(testClient().client);
    await fill(element, '');
    submit(element);
    const input = await find<HTMLInputElement>(element, '#url[aria-invalid="true"]');
    expect(input.getAttribute('aria-describedby')).to.contain('url-error');
    expect(shadow(element).querySelector('#url-error')!.textContent).to.equal('Enter a link.');
    await waitUntil(() => deepActiveElement() === input, 'focus did not move to the invalid field');
    await fill(element, 'not a link');
    submit(element);
    await untilText(element, 'Enter a full link that starts with https://');
    await expect(element).to.be.accessible();
  });

  it('shows the server’s field errors next to their fields', async () => {
    const backend = memoryBackend();
    backend.createSuggestion = async () => {
      throw new AdvocacyError('validation', 'Invalid suggestion', {
        status: 422,
        fieldErrors: [{ field: 'url', message: 'This link was already suggested.', code: 'duplicate' }],
      });
    };
    const element = await suggestWith(createAdvocacyClient({ backend, storage: null }));
    await fill(element, 'https://example.com/already');
    submit(element);
    await find(element, '#url[aria-invalid="true"]');
    expect(shadow(element).querySelector('#url-error')!.textContent).to.equal('This link was already suggested.');
    await expect(element).to.be.accessible();
  });

  it('sends the link, note and topics, fires advocacy-suggest, and confirms', async () => {
    const { client, backend } = testClient();
    const element = await suggestWith(client);
    await find(element, '[part="topics"]');
    await fill(element, 'https://example.com/great-read', 'Our customers ask about this.');
    findAll<HTMLInputElement>(element, '[part="topics"] input')[0]!.click();
    const sent = oneEvent(element, 'advocacy-suggest');
    submit(element);
    const { detail } = await sent;
    expect(detail.suggestion.url).to.equal('https://example.com/great-read');
    expect(detail.suggestion.note).to.equal('Our customers ask about this.');
    expect(detail.suggestion.topics).to.have.length(1);
    const mine = await backend.listMySuggestions();
    expect(mine.items.map((s) => s.id)).to.include(detail.suggestion.id);
    await find(element, '[part="confirmation"]');
    expect(textOf(element)).to.contain('Thanks for the suggestion!');
    await expect(element).to.be.accessible();
  });

  it('keeps the form and says why when sending fails for another reason', async () => {
    const { client, backend } = testClient();
    const element = await suggestWith(client);
    await fill(element, 'https://example.com/a');
    backend.fail('forbidden');
    const failed = oneEvent(element, 'advocacy-error');
    submit(element);
    expect((await failed).detail.source).to.equal('suggest');
    await untilText(element, 'You don’t have access to this.');
    expect(shadow(element).querySelector<HTMLInputElement>('#url')!.value).to.equal('https://example.com/a');
  });

  it('speaks Japanese under lang="ja"', async () => {
    const element = await suggestWith(testClient().client, 'ja');
    await find(element, '#url');
    expect(textOf(element)).to.contain('リンクを提案する');
    expect(textOf(element)).to.contain('提案を送信する');
    await expect(element).to.be.accessible();
  });

  it('lists the employee’s own suggestions, adds one just sent, and shows why one was not taken', async () => {
    const { client, backend } = testClient();
    const own = await backend.listMySuggestions();
    const rejected = {
      ...own.items[0]!,
      id: 'sug-rejected',
      url: 'https://example.com/old-news',
      status: 'rejected' as const,
      reviewReason: 'We shared this last week.',
    };
    const list = backend.listMySuggestions.bind(backend);
    backend.listMySuggestions = async (query) => {
      const page = await list(query);
      return { ...page, items: [...page.items, rejected] };
    };
    const element = await suggestWith(client);
    await untilText(element, 'Your suggestions');
    await untilText(element, 'Not taken');
    expect(textOf(element)).to.contain('Reviewer’s note: We shared this last week.');
    await fill(element, 'https://example.com/brand-new');
    submit(element);
    await find(element, '[part="confirmation"]');
    await waitUntil(
      () => (shadow(element).querySelector('[part="mine"]')?.textContent ?? '').includes('https://example.com/brand-new'),
      'the sent suggestion never joined the list',
    );
    expect(shadow(element).querySelector('[part="mine"]')?.textContent ?? '').to.contain('Waiting for review');
    await expect(element).to.be.accessible();
  });

  it('says when the employee’s suggestions could not be loaded, and Retry loads them', async () => {
    const { client, backend } = testClient();
    const list = backend.listMySuggestions.bind(backend);
    let failing = true;
    backend.listMySuggestions = async (query) => {
      if (failing) throw new AdvocacyError('network', 'offline');
      return list(query);
    };
    await backend.createSuggestion({ url: 'https://example.com/mine', note: '', topics: [] });
    const element = await suggestWith(client, 'ja');
    await untilText(element, 'あなたの提案を読み込めませんでした。');
    failing = false;
    shadow(element).querySelector<HTMLButtonElement>('[part="mine"] button')!.click();
    await untilText(element, 'https://example.com/mine');
    expect(textOf(element)).to.contain('確認待ち');
    await expect(element).to.be.accessible();
  });

  it('lets the host page set its heading level (heading-level), h2 by default', async () => {
    const { client, backend } = testClient();
    await backend.createSuggestion({ url: 'https://example.com/worth-it', note: '', topics: [] });
    // A host page with an h1 and a section h2 puts the component one level below.
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><h1>Intranet</h1><h2>My advocacy</h2><advocacy-provider .client=${client}><advocacy-suggest heading-level="3"></advocacy-suggest></advocacy-provider></div>`,
    );
    const element = wrapper.querySelector('advocacy-suggest')!;
    const title = await find(element, '#title');
    expect(title.tagName).to.equal('H3');
    await untilText(element, 'Your suggestions');
    expect((await find(element, '#mine-title')).tagName).to.equal('H4');
    await expect(wrapper).to.be.accessible();
    await expectDefaultHeadingLevel(element);
  });
});
