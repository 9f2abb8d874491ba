import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyComplianceAdminElement } from '../compliance-admin/compliance-admin.component.js';

defineElement(tagFor('compliance-admin'), AdvocacyComplianceAdminElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyComplianceAdminElement } from '../compliance-admin/compliance-admin.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
