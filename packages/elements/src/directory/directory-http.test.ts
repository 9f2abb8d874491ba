import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { textOf } from '../../test/helpers.js';
// Only these two define modules, as a page that shows just the directory would load them.
import '../define/advocacy-provider.js';
import '../define/advocacy-directory.js';

const emily = {
  id: 'emp-emily',
  displayName: 'Emily Clarke',
  email: 'emily@example.com',
  team: 'team-marketing',
  teamName: 'Marketing',
  role: 'employee',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  status: 'active',
  lastActiveAt: null,
  deactivatedAt: null,
  createdAt: '2026-01-05T09:00:00.000Z',
};

/** Answers the API the directory calls; everything else is an empty list. */
function answer(path: string): unknown {
  if (path === '/api/v1/admin/employees') return { items: [emily], nextCursor: null };
  if (path === '/api/v1/admin/teams')
    return { items: [{ id: 'team-marketing', name: 'Marketing', names: { en: 'Marketing' }, position: 0, archivedAt: null }] };
  return { items: [], nextCursor: null };
}

describe("<advocacy-directory> over the provider's httpBackend", () => {
  it('loads the directory from the admin routes with nothing but its define module imported', async () => {
    const realFetch = window.fetch;
    const seen: string[] = [];
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname;
      seen.push(`${request.method} ${path}`);
      return new Response(JSON.stringify(answer(path)), { headers: { 'Content-Type': 'application/json' } });
    };
    try {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="en">
          <advocacy-provider base-url="https://intranet.example.com/api/v1" storage-key="directory-http-test">
            <advocacy-directory></advocacy-directory>
          </advocacy-provider>
        </div>`,
      );
      const element = wrapper.querySelector('advocacy-directory')!;
      await waitUntil(() => textOf(element).includes('Emily Clarke'), 'the directory did not list Emily Clarke', { timeout: 5000 });
      expect(seen).to.include('GET /api/v1/admin/employees');
    } finally {
      window.fetch = realFetch;
    }
  });
});
