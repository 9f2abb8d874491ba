import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyContentListElement } from '../content-list/content-list.component.js';

defineElement(tagFor('content-list'), AdvocacyContentListElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyContentListElement } from '../content-list/content-list.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
