// Registers the program-admin components (and the provider they read their client from).
// Load it only on admin pages: the employee bundles never include these components.
import './define/advocacy-provider.js';
import './define/advocacy-post-editor.js';
import './define/advocacy-suggestion-queue.js';
import './define/advocacy-content-list.js';
import './define/advocacy-analytics.js';
// People: topics and teams, the employee directory.
import './define/advocacy-taxonomy-admin.js';
import './define/advocacy-directory.js';
// program: the social-media policy and compliance
import './define/advocacy-policy-admin.js';
import './define/advocacy-compliance-admin.js';
import './define/advocacy-scim-settings.js';
// Pilots: who takes part, and the program's goals.
import './define/advocacy-members.js';
import './define/advocacy-goals.js';
import './define/advocacy-audit-log.js';
import './define/advocacy-privacy-admin.js';
import './define/advocacy-rewards-admin.js';
import './define/advocacy-contests-admin.js';
// Delivery: email (SMTP), Teams and Slack settings, test message and log.
import './define/advocacy-delivery-settings.js';
// Curated sources: RSS/Atom feeds and the curation queue.
import './define/advocacy-curation-admin.js';
// point rules: versions of the point values and network weights
import './define/advocacy-point-rules-admin.js';
