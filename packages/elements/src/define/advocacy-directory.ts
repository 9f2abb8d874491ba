import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyDirectoryElement } from '../directory/directory.component.js';

defineElement(tagFor('directory'), AdvocacyDirectoryElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyDirectoryElement } from '../directory/directory.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
