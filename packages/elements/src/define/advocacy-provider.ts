import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyProviderElement } from '../provider/provider.component.js';

defineElement(tagFor('provider'), AdvocacyProviderElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyProviderElement } from '../provider/provider.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
