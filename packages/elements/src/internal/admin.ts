import { createAdminClient, type AdminClient } from '@advocacy-kit/core/admin';
import { perClient } from './per-client.js';

/**
 * The admin stores of a client, created once per client: the admin components on one page share
 * them, so a post saved in the editor or a suggestion approved in the queue shows in the list.
 */
export const adminOf = perClient((client): AdminClient => createAdminClient(client));
