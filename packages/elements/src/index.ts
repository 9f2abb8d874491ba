// The component classes and helpers, without registering any tag: import `./define/*.js` or
// `./all.js` for that.
export { AdvocacyProviderElement } from './provider/provider.component.js';
export { AdvocacyFeedElement } from './feed/feed.component.js';
export { AdvocacyShareDialogElement } from './share-dialog/share-dialog.component.js';
export { AdvocacyLeaderboardElement } from './leaderboard/leaderboard.component.js';
export { AdvocacyMyStatsElement } from './my-stats/my-stats.component.js';
export { AdvocacySuggestElement } from './suggest/suggest.component.js';
export { AdvocacyPostEditorElement } from './post-editor/post-editor.component.js';
export { AdvocacyContentListElement } from './content-list/content-list.component.js';
export { AdvocacySuggestionQueueElement } from './suggestion-queue/suggestion-queue.component.js';
export { AdvocacyPolicyAdminElement } from './policy-admin/policy-admin.component.js';
export { AdvocacyComplianceAdminElement } from './compliance-admin/compliance-admin.component.js';
export { AdvocacyAnalyticsElement } from './analytics/analytics.component.js';
export { AdvocacyInvitationElement } from './invitation/invitation.component.js';
export { AdvocacyMembersElement } from './members/members.component.js';
export { AdvocacyGoalsElement } from './goals/goals.component.js';
export { AdvocacyAuditLogElement } from './audit-log/audit-log.component.js';
export { AdvocacyPrivacyAdminElement } from './privacy-admin/privacy-admin.component.js';
export { AdvocacyMyDataElement } from './my-data/my-data.component.js';
export { AdvocacyMyActivityElement } from './my-activity/my-activity.component.js';
export { AdvocacyRewardsElement } from './rewards/rewards.component.js';
export { AdvocacyRewardsAdminElement } from './rewards-admin/rewards-admin.component.js';
export { AdvocacyLeaderboardVisibilityElement } from './leaderboard-visibility/leaderboard-visibility.component.js';
export { AdvocacyContestResultsElement } from './contest-results/contest-results.component.js';
export { AdvocacyBadgesElement } from './badges/badges.component.js';
export { AdvocacyContestBannerElement } from './contest-banner/contest-banner.component.js';
export { AdvocacyContestsAdminElement } from './contests-admin/contests-admin.component.js';
export { AdvocacyCurationAdminElement } from './curation-admin/curation-admin.component.js';
export { AdvocacyDeliverySettingsElement } from './delivery-settings/delivery-settings.component.js';
export { AdvocacyDirectoryElement } from './directory/directory.component.js';
export { AdvocacyPointRulesAdminElement } from './point-rules-admin/point-rules-admin.component.js';
export { AdvocacyScimSettingsElement } from './scim-settings/scim-settings.component.js';
export { AdvocacyTaxonomyAdminElement } from './taxonomy-admin/taxonomy-admin.component.js';
export { AdvocacyElement } from './internal/advocacy-element.js';
export { defineElement, setTagPrefix, getTagPrefix, tagFor } from './internal/define.js';
export { clientContext } from './internal/context.js';
export type {
  AdvocacyEventMap,
  AdvocacyDeliverySaveDetail,
  AdvocacyDeliveryTestDetail,
  AdvocacyErrorDetail,
  AdvocacyPeopleChangeDetail,
  AdvocacyScimTokenDetail,
  AdvocacyMembershipChangeDetail,
  AdvocacyPolicyAcceptedDetail,
  AdvocacyPostEditDetail,
  AdvocacyPostSaveDetail,
  AdvocacyShareDetail,
  AdvocacyShareErrorDetail,
  AdvocacyShareOpenDetail,
  AdvocacySuggestDetail,
  AdvocacySuggestionApproveDetail,
  AdvocacySuggestionReviewDetail,
  AdvocacyRewardRequestDetail,
} from './internal/events.js';
// The shape of each component's strings (its English table's type).
export type { CommonStrings } from './i18n/common.strings.js';
export type { FeedStrings } from './feed/feed.strings.js';
export type { ShareDialogStrings } from './share-dialog/share-dialog.strings.js';
export type { LeaderboardStrings } from './leaderboard/leaderboard.strings.js';
export type { MyStatsStrings } from './my-stats/my-stats.strings.js';
export type { BadgesStrings } from './badges/badges.strings.js';
export type { ContestBannerStrings } from './contest-banner/contest-banner.strings.js';
export type { LeaderboardVisibilityStrings } from './leaderboard-visibility/leaderboard-visibility.strings.js';
export type { ContestResultsStrings } from './contest-results/contest-results.strings.js';
export type { SuggestStrings } from './suggest/suggest.strings.js';
export type { InvitationStrings } from './invitation/invitation.strings.js';
export type { RewardsStrings } from './rewards/rewards.strings.js';
export type { RewardsAdminStrings } from './rewards-admin/rewards-admin.strings.js';
