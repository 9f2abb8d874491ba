import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyAnalyticsElement } from '../analytics/analytics.component.js';

defineElement(tagFor('analytics'), AdvocacyAnalyticsElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyAnalyticsElement } from '../analytics/analytics.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
