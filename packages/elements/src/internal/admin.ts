import type { AdvocacyClient } from '@advocacy-kit/core';
import { createAdminClient, type AdminClient } from '@advocacy-kit/core/admin';

const admins = new WeakMap<AdvocacyClient, AdminClient>();

/**
 * The admin stores of a client, created once per client: the admin components on one page share
 * them, so a post saved in the editor or a suggestion approved in the queue shows in the list.
 */
export function adminOf(client: AdvocacyClient): AdminClient {
  let admin = admins.get(client);
  if (!admin) admins.set(client, (admin = createAdminClient(client)));
  return admin;
}
