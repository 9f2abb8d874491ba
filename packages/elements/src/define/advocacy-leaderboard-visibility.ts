import { AdvocacyLeaderboardVisibilityElement } from '../leaderboard-visibility/leaderboard-visibility.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('leaderboard-visibility'), AdvocacyLeaderboardVisibilityElement);
