/**
 * @advocacy-kit/core/self-service — what an employee reads of their own activity: shares with
 * what each earned, the points ledger, suggestions with their review, and their preferences.
 */
export {
  createMyActivity,
  type MyActivityController,
  type MyActivityOptions,
  type PreferencesController,
  type PreferencesState,
} from './my-activity.js';
export { pagedList, type PagedController, type PagedState } from './paged.js';
