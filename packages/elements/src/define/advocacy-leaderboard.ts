import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyLeaderboardElement } from '../leaderboard/leaderboard.component.js';

defineElement(tagFor('leaderboard'), AdvocacyLeaderboardElement);
