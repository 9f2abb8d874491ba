import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyPostEditorElement } from '../post-editor/post-editor.component.js';

defineElement(tagFor('post-editor'), AdvocacyPostEditorElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyPostEditorElement } from '../post-editor/post-editor.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
