import { AdvocacyContestResultsElement } from '../contest-results/contest-results.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('contest-results'), AdvocacyContestResultsElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyContestResultsElement } from '../contest-results/contest-results.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
