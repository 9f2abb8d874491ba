import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyRewardsElement } from '../rewards/rewards.component.js';

defineElement(tagFor('rewards'), AdvocacyRewardsElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyRewardsElement } from '../rewards/rewards.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
