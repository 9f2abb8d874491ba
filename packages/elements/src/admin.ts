// Registers the program-admin components (and the provider they read their client from).
// Load it only on admin pages: the employee bundles never include these components.
import './define/advocacy-provider.js';
import './define/advocacy-post-editor.js';
import './define/advocacy-suggestion-queue.js';
import './define/advocacy-content-list.js';
import './define/advocacy-analytics.js';
import './define/advocacy-rewards-admin.js';
