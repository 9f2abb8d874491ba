// Registers every component. The provider comes first so that markup already in the page
// finds its client as soon as the other tags upgrade.
import './define/advocacy-provider.js';
import './define/advocacy-share-dialog.js';
import './define/advocacy-feed.js';
import './define/advocacy-leaderboard.js';
import './define/advocacy-my-stats.js';
import './define/advocacy-suggest.js';
import './define/advocacy-badges.js';
import './define/advocacy-contest-banner.js';
import './define/advocacy-leaderboard-visibility.js';
import './define/advocacy-contest-results.js';
import './define/advocacy-invitation.js';
import './define/advocacy-my-data.js';
import './define/advocacy-rewards.js';
import './define/advocacy-my-activity.js';
