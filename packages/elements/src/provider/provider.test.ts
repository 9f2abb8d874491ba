import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { memoryBackend } from '@advocacy-kit/core/memory';
import type { AdvocacyProviderElement } from './provider.component.js';
import { find, findAll, testClient, textOf, untilText } from '../../test/helpers.js';

describe('<advocacy-provider>', () => {
  it('runs the demo company with the demo attribute', async () => {
    const wrapper = await fixture<HTMLElement>(html`<advocacy-provider demo><advocacy-feed></advocacy-feed></advocacy-provider>`);
    const feed = wrapper.querySelector('advocacy-feed')!;
    await find(feed, '[part="card"]');
    expect(findAll(feed, '[part="card"]').length).to.be.greaterThan(0);
  });

  it('hands the client it is given to the components inside it', async () => {
    const { client } = testClient({ seed: false });
    const provider = await fixture<AdvocacyProviderElement>(
      html`<advocacy-provider demo .client=${client}><advocacy-feed></advocacy-feed></advocacy-provider>`,
    );
    const feed = provider.querySelector('advocacy-feed')!;
    await untilText(feed, 'Nothing to share yet');
    expect(feed.client).to.equal(client);
    expect(provider.activeClient).to.equal(client);
  });

  it('keeps two providers on one page apart', async () => {
    const empty = testClient({ seed: false });
    const demo = testClient();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <advocacy-provider .client=${empty.client}><advocacy-feed id="a"></advocacy-feed></advocacy-provider>
      <advocacy-provider .client=${demo.client}><advocacy-feed id="b"></advocacy-feed></advocacy-provider>
    </div>`);
    const a = wrapper.querySelector('#a')!;
    const b = wrapper.querySelector('#b')!;
    await untilText(a, 'Nothing to share yet');
    await find(b, '[part="card"]');
    expect(textOf(a)).not.to.contain('Share');
  });

  it('serves components that connected before the provider was upgraded', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const provider = document.createElement('advocacy-late-provider');
    provider.innerHTML = '<advocacy-feed></advocacy-feed>';
    wrapper.append(provider);
    const feed = provider.querySelector('advocacy-feed')!;
    const { client } = testClient();
    const Provider = customElements.get('advocacy-provider') as typeof AdvocacyProviderElement;
    customElements.define('advocacy-late-provider', class extends Provider {});
    (provider as AdvocacyProviderElement).client = client;
    await find(feed, '[part="card"]');
  });

  it('builds an HTTP client from base-url, with the token from getToken', async () => {
    const seen: Array<{ url: string; authorization: string | null }> = [];
    const backend = memoryBackend();
    const originalFetch = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push({ url: request.url, authorization: request.headers.get('authorization') });
      const path = new URL(request.url).pathname;
      const body = path.endsWith('/topics') ? { items: await backend.listTopics() } : await backend.listFeed({ limit: 20 });
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    try {
      const provider = document.createElement('advocacy-provider');
      provider.getToken = () => 'sso-token';
      provider.setAttribute('base-url', 'https://advocacy.example.com/api/v1');
      provider.innerHTML = '<advocacy-feed></advocacy-feed>';
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      wrapper.append(provider);
      await find(provider.querySelector('advocacy-feed')!, '[part="card"]');
      const feedCall = seen.find((call) => call.url.startsWith('https://advocacy.example.com/api/v1/feed'));
      expect(feedCall?.authorization).to.equal('Bearer sso-token');
    } finally {
      window.fetch = originalFetch;
    }
  });

  it('destroys the client it built when removed, and builds a fresh one when put back', async () => {
    const provider = await fixture<AdvocacyProviderElement>(html`<advocacy-provider demo></advocacy-provider>`);
    await waitUntil(() => provider.activeClient, 'no demo client');
    const first = provider.activeClient;
    const parent = provider.parentElement!;
    provider.remove();
    expect(provider.activeClient).to.equal(undefined);
    parent.append(provider);
    await waitUntil(() => provider.activeClient, 'no client after reconnecting');
    expect(provider.activeClient).not.to.equal(first);
  });
});
