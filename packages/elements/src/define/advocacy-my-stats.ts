import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyMyStatsElement } from '../my-stats/my-stats.component.js';

defineElement(tagFor('my-stats'), AdvocacyMyStatsElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyMyStatsElement } from '../my-stats/my-stats.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
