import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyLeaderboardElement } from '../leaderboard/leaderboard.component.js';

defineElement(tagFor('leaderboard'), AdvocacyLeaderboardElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyLeaderboardElement } from '../leaderboard/leaderboard.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';
