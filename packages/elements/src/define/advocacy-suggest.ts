import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacySuggestElement } from '../suggest/suggest.component.js';

defineElement(tagFor('suggest'), AdvocacySuggestElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacySuggestElement } from '../suggest/suggest.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
