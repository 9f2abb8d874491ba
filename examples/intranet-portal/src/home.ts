// The home page: set-up first (session, text, provider), then the components.
import './styles.css';
import './home-setup.js';
import '@advocacy-kit/elements/define/advocacy-provider.js';
import '@advocacy-kit/elements/define/advocacy-feed.js';
import '@advocacy-kit/elements/define/advocacy-my-stats.js';
import '@advocacy-kit/elements/define/advocacy-leaderboard.js';
import '@advocacy-kit/elements/define/advocacy-suggest.js';
import '@advocacy-kit/elements/define/advocacy-badges.js';
import '@advocacy-kit/elements/define/advocacy-contest-banner.js';
import '@advocacy-kit/elements/define/advocacy-invitation.js';
import '@advocacy-kit/elements/define/advocacy-my-data.js';
import '@advocacy-kit/elements/define/advocacy-rewards.js';
import '@advocacy-kit/elements/define/advocacy-leaderboard-visibility.js';
import '@advocacy-kit/elements/define/advocacy-contest-results.js';
import './section-bar.js';
import '@advocacy-kit/elements/define/advocacy-my-activity.js';
