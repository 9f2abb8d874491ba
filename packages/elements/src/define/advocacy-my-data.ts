import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyMyDataElement } from '../my-data/my-data.component.js';

defineElement(tagFor('my-data'), AdvocacyMyDataElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyMyDataElement } from '../my-data/my-data.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
