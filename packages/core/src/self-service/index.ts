/**
 * @advocacy-kit/core/self-service — what an employee reads of their own activity: shares with
 * what each earned, the points ledger, suggestions with their review, their preferences, and
 * their answer to a pilot invitation.
 */
export {
  createMyActivity,
  type MyActivityController,
  type MyActivityOptions,
  type PreferencesController,
  type PreferencesState,
} from './my-activity.js';
export { pagedList, type PagedController, type PagedState } from './paged.js';
// The pilot invitation: whether the employee is invited, and their answer.
export { createMembership, type MembershipController, type MembershipState } from '../pilots/membership-store.js';
