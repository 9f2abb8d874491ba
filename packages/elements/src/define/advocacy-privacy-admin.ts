import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyPrivacyAdminElement } from '../privacy-admin/privacy-admin.component.js';

defineElement(tagFor('privacy-admin'), AdvocacyPrivacyAdminElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyPrivacyAdminElement } from '../privacy-admin/privacy-admin.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
