import type { AdvocacyClient } from '@advocacy-kit/core';

/**
 * A store made once per client: every component on a page that asks with the same client gets
 * the same one, so a change made in one shows in the others. Forgotten with the client.
 */
export function perClient<T>(create: (client: AdvocacyClient) => T): (client: AdvocacyClient) => T {
  const made = new WeakMap<AdvocacyClient, T>();
  return (client) => {
    let value = made.get(client);
    if (value === undefined) made.set(client, (value = create(client)));
    return value;
  };
}
