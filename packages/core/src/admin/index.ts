/**
 * @advocacy-kit/core/admin — the program-admin side, as headless as the employee side: the
 * content list, the suggestion queue, analytics, the post editor's draft model, the point rules, and the admin
 * methods of `httpBackend` (`httpAdmin`, `installHttpAdmin`).
 */
export { createAdminClient, type AdminClient } from './admin.js';
// The admin screens' closed sets (pilot members, goals): only admin UIs need them.
export { ENROLLMENT_MODES, MEMBER_STATES, MEMBER_FILTERS, GOAL_METRICS, GOAL_STATUSES } from '../contract/enums.js';
// The admin methods of httpBackend, off the main entry so employee bundles don't carry them.
export { httpAdmin, installHttpAdmin } from './http-admin.js';
export { createContentList, type ContentListOptions } from './content-list.js';
export { createSuggestionQueue, type SuggestionQueueOptions } from './suggestion-queue.js';
export { createRewardsAdmin, type RewardsAdminController, type RewardsAdminOptions, type RewardsAdminState } from './rewards-admin.js';
export { ANALYTICS_PRESETS, analyticsWindows, createAnalytics, type AnalyticsOptions } from './analytics.js';
export { valueByCurrency } from './conversion-value.js';
export { createPostDraft, type PostDraftOptions } from './post-draft.js';
export {
  POST_LIMITS,
  commentaryCount,
  commentaryLimit,
  draftFrom,
  fieldOf,
  parseHashtags,
  toPatch,
  toPostInput,
  validateDraft,
} from './post-draft-rules.js';
export type * from './types.js';
export { inputOf } from './post-input.js';
export { csvCell, csvRow } from './csv.js';
export {
  createDirectory,
  createTaxonomyAdmin,
  type DirectoryController,
  type DirectoryFilters,
  type DirectoryOptions,
  type DirectoryState,
  type TaxonomyController,
  type TaxonomyItem,
  type TaxonomyKind,
  type TaxonomyOptions,
  type TaxonomyState,
} from './people.js';
export { createPolicyAdmin, type PolicyAdminController, type PolicyAdminState } from './policy.js';
// point rules: versions of the point values and network weights
export { createPointRulesAdmin, type PointRulesAdminController, type PointRulesAdminState } from './point-rules.js';
// scim: provisioning settings and tokens
export { createScimSettings, type ScimSettingsController, type ScimSettingsState } from './scim.js';
export {
  createGoals,
  createMemberList,
  type GoalsController,
  type GoalsState,
  type MemberListController,
  type MemberListState,
} from './pilots.js';
export {
  createAuditLog,
  auditQuery,
  NO_AUDIT_FILTERS,
  type AuditLogOptions,
  type AuditLogController,
  type AuditLogState,
  type AuditFilters,
} from './audit-log.js';
export { createPrivacyAdmin, type PrivacyAdminController } from './privacy.js';
// delivery: email (SMTP), Teams and Slack settings, test message and log
export { createDeliverySettings, type DeliverySettingsController, type DeliverySettingsState } from './delivery.js';
// curated sources (RSS/Atom) and the curation queue
export { createCurationAdmin, type CurationAdminController, type CurationAdminOptions, type CurationAdminState } from './curation.js';
