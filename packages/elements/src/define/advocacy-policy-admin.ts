import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyPolicyAdminElement } from '../policy-admin/policy-admin.component.js';

defineElement(tagFor('policy-admin'), AdvocacyPolicyAdminElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyPolicyAdminElement } from '../policy-admin/policy-admin.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
