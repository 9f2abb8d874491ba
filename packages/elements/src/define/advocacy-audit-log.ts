import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyAuditLogElement } from '../audit-log/audit-log.component.js';

defineElement(tagFor('audit-log'), AdvocacyAuditLogElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyAuditLogElement } from '../audit-log/audit-log.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
