import type { AdvocacyErrorCode, ContentKind, Period, Scope } from '@advocacy-kit/core';

/**
 * Words that mean the same in every component. Anything one component says in its own way
 * lives in that component's namespace, so one key never means two things.
 */
export interface CommonStrings {
  retry: string;
  close: string;
  loading: string;
  errors: Record<AdvocacyErrorCode | 'unknown', string>;
  periodLabel: string;
  periods: Record<Period, string>;
}

/** `<advocacy-feed>`: `feed.*`. */
export interface FeedStrings {
  label: string;
  topicFilter: string;
  allTopics: string;
  loadMore: string;
  loadingMore: string;
  loadingPosts: string;
  emptyTitle: string;
  emptyBody: string;
  emptyTopic: string;
  errorTitle: string;
  loadMoreError: string;
  caughtUp: string;
  newSinceLastVisit: (count: number) => string;
  newLabel: string;
  share: string;
  shareAria: (title: string) => string;
  kinds: Record<ContentKind, string>;
  offline: string;
}

/**
 * `<advocacy-share-dialog>`: `shareDialog.*`. The networks' brand names are not here: they are
 * not translated, and come from `networkNames` in `@advocacy-kit/core/share`.
 */
export interface ShareDialogStrings {
  title: string;
  policyTitle: string;
  /** The default policy text, when the page slots none. */
  policyBody: string;
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
  copyByHand: string;
  shareOn: (network: string) => string;
  continueOn: (network: string) => string;
  sharing: string;
  sharedTitle: string;
  pointsEarned: (points: string) => string;
  noNewPoints: string;
  done: string;
  errorTitle: string;
  previewLabel: string;
}

/** `<advocacy-leaderboard>`: `leaderboard.*`. */
export interface LeaderboardStrings {
  title: string;
  scopeLabel: string;
  scopes: Record<Scope, string>;
  points: (points: string) => string;
  you: string;
  rank: (rank: number) => string;
  empty: string;
  participants: (count: string) => string;
  errorTitle: string;
}

/** `<advocacy-my-stats>`: `myStats.*`. */
export interface MyStatsStrings {
  title: string;
  points: string;
  shares: string;
  clicks: string;
  conversions: string;
  companyRank: (rank: number) => string;
  chartSummary: (total: string, days: number, best: string, bestDate: string) => string;
  chartEmpty: string;
  tableCaption: string;
  tableDate: string;
  errorTitle: string;
  /** `n` of `total` badges earned. */
  badgesEarned: (n: string, total: string) => string;
  /** The employee's rank in a running contest. */
  contestRank: (rank: string, title: string) => string;
}

/** `<advocacy-suggest>`: `suggest.*`. */
export interface SuggestStrings {
  title: string;
  intro: string;
  urlLabel: string;
  urlHint: string;
  noteLabel: string;
  noteHint: (max: number) => string;
  topicsLabel: string;
  submit: string;
  submitting: string;
  thanksTitle: string;
  thanksBody: string;
  another: string;
  urlRequired: string;
  urlInvalid: string;
  noteTooLong: (max: number) => string;
}

/** `<advocacy-badges>`: `badges.*`. */
export interface BadgesStrings {
  title: string;
  /** `n` of `total` badges earned. */
  earnedCount: (n: string, total: string) => string;
  names: Record<'first_share' | 'ten_shares' | 'first_conversion' | 'streak', string>;
  goals: Record<'first_share' | 'ten_shares' | 'first_conversion' | 'streak', (target: string) => string>;
  earnedOn: (date: string) => string;
  /** Progress toward a badge not yet earned. */
  progress: (progress: string, target: string) => string;
  empty: string;
  errorTitle: string;
}

/** `<advocacy-contest-banner>`: `contestBanner.*`. */
export interface ContestBannerStrings {
  label: string;
  prize: (prize: string) => string;
  /** `relative` is "in 3 days" / "3 日後". */
  endsIn: (relative: string) => string;
  finalResults: string;
  yourRank: (rank: string, points: string) => string;
  notRanked: string;
  leader: (name: string, points: string) => string;
  winner: (name: string, points: string) => string;
  errorTitle: string;
}

/**
 * The employee components' strings, one namespace per component and `common` for the words
 * they share. `en.ts` and `ja.ts` export one constant per namespace (so a bundle carries only
 * the namespaces its components use), and `index.ts` checks that each language has them all:
 * a key missing in Japanese is a type error.
 */
export interface EmployeeStrings {
  common: CommonStrings;
  feed: FeedStrings;
  shareDialog: ShareDialogStrings;
  leaderboard: LeaderboardStrings;
  myStats: MyStatsStrings;
  badges: BadgesStrings;
  contestBanner: ContestBannerStrings;
  suggest: SuggestStrings;
}

