import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyShareDialogElement } from '../share-dialog/share-dialog.component.js';

defineElement(tagFor('share-dialog'), AdvocacyShareDialogElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyShareDialogElement } from '../share-dialog/share-dialog.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
