/**
 * @advocacy-kit/core/admin — the program-admin side, as headless as the employee side: the
 * content list, the suggestion queue, analytics and the post editor's draft model.
 */
export { createAdminClient, type AdminClient } from './admin.js';
export { createContentList, type ContentListOptions } from './content-list.js';
export { createSuggestionQueue, type SuggestionQueueOptions } from './suggestion-queue.js';
export { createRewardsAdmin, type RewardsAdminController, type RewardsAdminOptions, type RewardsAdminState } from './rewards-admin.js';
export { ANALYTICS_PRESETS, analyticsWindows, createAnalytics, type AnalyticsOptions } from './analytics.js';
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
