import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyTaxonomyAdminElement } from '../taxonomy-admin/taxonomy-admin.component.js';

defineElement(tagFor('taxonomy-admin'), AdvocacyTaxonomyAdminElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyTaxonomyAdminElement } from '../taxonomy-admin/taxonomy-admin.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
