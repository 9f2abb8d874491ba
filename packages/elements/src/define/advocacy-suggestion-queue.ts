import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacySuggestionQueueElement } from '../suggestion-queue/suggestion-queue.component.js';

defineElement(tagFor('suggestion-queue'), AdvocacySuggestionQueueElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacySuggestionQueueElement } from '../suggestion-queue/suggestion-queue.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
