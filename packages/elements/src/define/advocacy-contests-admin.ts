import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyContestsAdminElement } from '../contests-admin/contests-admin.component.js';

defineElement(tagFor('contests-admin'), AdvocacyContestsAdminElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyContestsAdminElement } from '../contests-admin/contests-admin.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
