import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyPointRulesAdminElement } from '../point-rules-admin/point-rules-admin.component.js';

defineElement(tagFor('point-rules-admin'), AdvocacyPointRulesAdminElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyPointRulesAdminElement } from '../point-rules-admin/point-rules-admin.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
