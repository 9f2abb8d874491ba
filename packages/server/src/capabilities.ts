import { adminCapability } from './admin/capability.js';
import { analyticsCapability } from './analytics/capability.js';
import { auditCapability } from './audit/capability.js';
import { authCapability } from './auth/capability.js';
import type { Capability } from './capability.js';
import { contentCapability } from './content/capability.js';
import { conversionsCapability } from './conversions/capability.js';
import { crmCapability } from './crm/capability.js';
import { deliveryCapability } from './delivery/capability.js';
import { engagementCapability } from './engagement/capability.js';
import { eventsCapability } from './events/capability.js';
import { feedCapability } from './feed/capability.js';
import { gamificationCapability } from './gamification/capability.js';
import { httpCapability } from './http/capability.js';
import { meCapability } from './me/capability.js';
import { peopleCapability } from './people/capability.js';
import { policyCapability } from './policy/capability.js';
import { pilotsCapability } from './pilots/capability.js';
import { pointsCapability } from './points/capability.js';
import { pointRulesCapability } from './point-rules/capability.js';
import { scimCapability } from './scim/capability.js';
import { selfServiceCapability } from './selfservice/capability.js';
import { privacyCapability } from './privacy/capability.js';
import { rewardsCapability } from './rewards/capability.js';
import { searchCapability } from './search/capability.js';
import { sourcesCapability } from './sources/capability.js';
import { sharesCapability } from './shares/capability.js';
import { suggestionsCapability } from './suggestions/capability.js';
import { trackingCapability } from './tracking/capability.js';
import { webhooksCapability } from './webhooks/capability.js';

/**
 * The server's capabilities, in the order their routes are mounted: root routes, then the open
 * API routes, then the signed-in ones, each kind in this order.
 */
export const capabilities: readonly Capability[] = [
  trackingCapability,
  authCapability,
  eventsCapability,
  conversionsCapability,
  meCapability,
  feedCapability,
  sharesCapability,
  pointsCapability,
  suggestionsCapability,
  contentCapability,
  analyticsCapability,
  adminCapability,
  webhooksCapability,
  gamificationCapability,
  engagementCapability,
  crmCapability,
  auditCapability,
  peopleCapability,
  policyCapability,
  scimCapability,
  pilotsCapability,
  privacyCapability,
  rewardsCapability,
  deliveryCapability,
  searchCapability,
  sourcesCapability,
  selfServiceCapability,
  pointRulesCapability,
  httpCapability,
];
