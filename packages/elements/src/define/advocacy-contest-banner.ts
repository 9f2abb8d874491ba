import { AdvocacyContestBannerElement } from '../contest-banner/contest-banner.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('contest-banner'), AdvocacyContestBannerElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyContestBannerElement } from '../contest-banner/contest-banner.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
