import type { Capability } from '../capability.js';
import { crmRoutes } from './routes.js';

/** The CRM hand-off: conversions with their attribution as CSV. */
export const crmCapability: Capability = {
  name: 'crm',
  routes: crmRoutes,
};
