import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyRewardsAdminElement } from '../rewards-admin/rewards-admin.component.js';

defineElement(tagFor('rewards-admin'), AdvocacyRewardsAdminElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyRewardsAdminElement } from '../rewards-admin/rewards-admin.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
