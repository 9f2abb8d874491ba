// The components a CMS page needs to show the feed: provider, feed with its share dialog, and
// the leaderboard. The size budget is measured on this entry.
import './define/advocacy-provider.js';
import './define/advocacy-feed.js';
import './define/advocacy-leaderboard.js';
