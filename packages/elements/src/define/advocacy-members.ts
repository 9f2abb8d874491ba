import { AdvocacyMembersElement } from '../members/members.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('members'), AdvocacyMembersElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyMembersElement } from '../members/members.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
