import { AdvocacyMyActivityElement } from '../my-activity/my-activity.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('my-activity'), AdvocacyMyActivityElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyMyActivityElement } from '../my-activity/my-activity.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
