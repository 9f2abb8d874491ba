import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyCurationAdminElement } from '../curation-admin/curation-admin.component.js';

defineElement(tagFor('curation-admin'), AdvocacyCurationAdminElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyCurationAdminElement } from '../curation-admin/curation-admin.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
