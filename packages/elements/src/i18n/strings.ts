import type { AdvocacyErrorCode, ContentKind, Period, Scope } from '@advocacy-kit/core';

/** Shared by every component: actions, states, errors, periods. */
export interface CommonStrings {
  retry: string;
  close: string;
  loading: string;
  errors: Record<AdvocacyErrorCode | 'unknown', string>;
  offline: string;
  policyBody: string;
  periodLabel: string;
  periods: Record<Period, string>;
}

/** `<advocacy-feed>`. */
export interface FeedStrings {
  feedLabel: string;
  topicFilter: string;
  allTopics: string;
  loadMore: string;
  loadingMore: string;
  loadingPosts: string;
  emptyTitle: string;
  emptyBody: string;
  emptyTopic: string;
  feedErrorTitle: string;
  loadMoreError: string;
  caughtUp: string;
  newSinceLastVisit: (count: number) => string;
  newLabel: string;
  share: string;
  shareAria: (title: string) => string;
  kinds: Record<ContentKind, string>;
}

/** `<advocacy-share-dialog>`. */
export interface ShareStrings {
  shareTitle: string;
  policyTitle: string;
  policyAccept: string;
  networkLabel: string;
  networkNames: Record<'native' | 'copy' | 'email', string>;
  commentaryLabel: string;
  nudge: string;
  counter: (used: number, max: number) => string;
  overLimit: (over: number) => string;
  urlOnlyBefore: (network: string) => string;
  urlOnlyAfter: (network: string) => string;
  copiedAfter: string;
  shareOn: (network: string) => string;
  continueOn: (network: string) => string;
  sharing: string;
  sharedTitle: string;
  pointsEarned: (points: string) => string;
  noNewPoints: string;
  done: string;
  shareErrorTitle: string;
  previewLabel: string;
}

/** `<advocacy-leaderboard>`. */
export interface LeaderboardStrings {
  leaderboardTitle: string;
  scopeLabel: string;
  scopes: Record<Scope, string>;
  points: (points: string) => string;
  you: string;
  rank: (rank: number) => string;
  leaderboardEmpty: string;
  participants: (count: string) => string;
  leaderboardErrorTitle: string;
}

/** `<advocacy-my-stats>`. */
export interface StatsStrings {
  statsTitle: string;
  statPoints: string;
  statShares: string;
  statClicks: string;
  statConversions: string;
  companyRank: (rank: number) => string;
  chartSummary: (total: string, days: number, best: string, bestDate: string) => string;
  chartEmpty: string;
  tableCaption: string;
  tableDate: string;
  statsErrorTitle: string;
}

/** `<advocacy-suggest>`. */
export interface SuggestStrings {
  suggestTitle: string;
  suggestIntro: string;
  urlLabel: string;
  urlHint: string;
  noteLabel: string;
  noteHint: (max: number) => string;
  topicsLabel: string;
  submitSuggestion: string;
  submitting: string;
  suggestThanksTitle: string;
  suggestThanksBody: string;
  suggestAnother: string;
  urlRequired: string;
  urlInvalid: string;
  noteTooLong: (max: number) => string;
}
