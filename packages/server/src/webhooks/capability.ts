import type { Capability } from '../capability.js';
import { webhooksMigration } from './migrations/0200_webhooks.js';
import { webhookRoutes } from './routes.js';

/** Webhook endpoints and their delivery log (the dispatcher runs as a service). */
export const webhooksCapability: Capability = {
  name: 'webhooks',
  routes: webhookRoutes,
  migrations: { '0200_webhooks': webhooksMigration },
};
