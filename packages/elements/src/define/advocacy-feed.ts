import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyFeedElement } from '../feed/feed.component.js';

// The feed loads its share dialog on first need (feed/share-dialog-loader.ts).
defineElement(tagFor('feed'), AdvocacyFeedElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyFeedElement } from '../feed/feed.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
