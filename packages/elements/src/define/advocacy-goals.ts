import { AdvocacyGoalsElement } from '../goals/goals.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('goals'), AdvocacyGoalsElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyGoalsElement } from '../goals/goals.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
