import { createAdvocacyClient, type AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyProviderElement } from '@advocacy-kit/elements';
import '@advocacy-kit/elements/define/advocacy-provider.js';
import '@advocacy-kit/elements/define/advocacy-feed.js';
import '@advocacy-kit/elements/define/advocacy-my-stats.js';
import '@advocacy-kit/elements/define/advocacy-leaderboard.js';
import { companyBackend } from '../adapter/company-backend.js';

/*
 * The intranet page: it signs the person in with the company API (standing in for the
 * company's SSO), builds an Advocacy Kit client over the adapter and hands it to the provider.
 */
const provider = document.querySelector('advocacy-provider') as AdvocacyProviderElement;
const person = document.querySelector<HTMLSelectElement>('#person')!;
const status = document.querySelector<HTMLElement>('#status')!;
const api = `${location.origin}/v2`;
let client: AdvocacyClient | undefined;

async function signIn(login: string): Promise<void> {
  status.textContent = '';
  const response = await fetch(`${api}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login }),
  }).catch(() => null);
  if (!response?.ok) {
    status.textContent = 'Could not sign in to the company API.';
    return;
  }
  const { session_id: session } = (await response.json()) as { session_id: string };
  const previous = client;
  client = createAdvocacyClient({ backend: companyBackend({ baseUrl: api, session: () => session }), storageKey: `acme:${login}` });
  provider.client = client;
  await previous?.destroy();
}

person.addEventListener('change', () => void signIn(person.value));
void signIn(person.value);
