import type {
  BadgesStrings,
  CommonStrings,
  ContestBannerStrings,
  FeedStrings,
  LeaderboardStrings,
  MyStatsStrings,
  ShareDialogStrings,
  SuggestStrings,
} from './strings.js';

const plural = (count: number, one: string, other: string): string =>
  new Intl.PluralRules('en').select(count) === 'one' ? one : other;

export const common: CommonStrings = {
  retry: 'Retry',
  close: 'Close',
  loading: 'Loading…',
  errors: {
    network: 'We couldn’t reach the server. Check your connection and try again.',
    timeout: 'The server took too long to answer. Try again.',
    unauthorized: 'Your session has ended. Sign in again to continue.',
    forbidden: 'You don’t have access to this.',
    not_found: 'This is no longer available.',
    validation: 'Some fields need your attention.',
    conflict: 'This changed in the meantime. Try again.',
    rate_limited: 'Too many requests in a short time. Wait a moment and try again.',
    server: 'Something went wrong on our side. Try again in a moment.',
    unknown: 'Something went wrong. Try again.',
  },
  periodLabel: 'Period',
  periods: { week: 'This week', month: 'This month', quarter: 'This quarter', all: 'All time' },
};

export const feed: FeedStrings = {
  label: 'Posts to share',
  topicFilter: 'Topic',
  allTopics: 'All',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  loadingPosts: 'Loading posts…',
  emptyTitle: 'Nothing to share yet',
  emptyBody: 'New posts from your company will show up here.',
  emptyTopic: 'No posts in this topic yet. Try another topic.',
  errorTitle: 'We couldn’t load the feed',
  loadMoreError: 'We couldn’t load more posts.',
  caughtUp: 'You’re all caught up.',
  newSinceLastVisit: (n) => `${n} new ${plural(n, 'post', 'posts')} since your last visit`,
  newLabel: 'New',
  share: 'Share',
  shareAria: (title) => `Share “${title}”`,
  kinds: { curated: 'Industry news', owned: 'From us', promotional: 'Promotion' },
  offline: 'You’re offline. What you see may be out of date; sharing needs a connection.',
};

export const shareDialog: ShareDialogStrings = {
  title: 'Share this post',
  policyTitle: 'Before your first share',
  policyBody:
    'When you share, you speak for yourself, not for the company. Be honest, don’t share confidential information, and say that you work here when it matters.',
  policyAccept: 'I agree',
  networkLabel: 'Share to',
  networkNames: { native: 'More apps', copy: 'Copy link', email: 'Email' },
  commentaryLabel: 'Your words',
  nudge: 'Start from the suggestion, then make it yours: a sentence on why it matters to you gets far more attention.',
  counter: (used, max) => `${used} / ${max}`,
  overLimit: (over) => `${over} ${plural(over, 'character', 'characters')} over the limit`,
  urlOnlyBefore: (network) =>
    `${network} only takes the link. We’ll copy your words so you can paste them into your post.`,
  urlOnlyAfter: (network) => `Your words are on the clipboard: paste them into your ${network} post.`,
  copiedAfter: 'Copied to the clipboard.',
  copyByHand: 'The clipboard could not be reached. Select the text below and copy it yourself.',
  shareOn: (network) => `Share on ${network}`,
  continueOn: (network) => `Continue on ${network}`,
  sharing: 'Sharing…',
  sharedTitle: 'Thanks for sharing!',
  pointsEarned: (points) => `You earned ${points} points.`,
  noNewPoints: 'You already shared this post there, so no new points this time.',
  done: 'Done',
  errorTitle: 'The share didn’t go through',
  previewLabel: 'Link preview',
};

export const leaderboard: LeaderboardStrings = {
  title: 'Leaderboard',
  scopeLabel: 'Ranking',
  scopes: { company: 'Company', team: 'My team' },
  points: (points) => `${points} pts`,
  you: 'You',
  rank: (rank) => `#${rank}`,
  empty: 'No points yet in this period. Share a post to get on the board.',
  participants: (count) => `${count} participants`,
  errorTitle: 'We couldn’t load the leaderboard',
};

export const myStats: MyStatsStrings = {
  title: 'My impact',
  points: 'Points',
  shares: 'Shares',
  clicks: 'Unique clicks',
  conversions: 'Conversions',
  companyRank: (rank) => `Rank #${rank} in the company`,
  chartSummary: (total, days, best, bestDate) =>
    `Points over ${days} ${plural(days, 'day', 'days')}: ${total} in total, most on ${bestDate} (${best}).`,
  chartEmpty: 'No activity in this period yet.',
  tableCaption: 'Activity by date',
  tableDate: 'Date',
  errorTitle: 'We couldn’t load your stats',
  badgesEarned: (n, total) => `${n} of ${total} badges earned`,
  contestRank: (rank, title) => `#${rank} in ${title}`,
};

export const suggest: SuggestStrings = {
  title: 'Suggest a link',
  intro: 'Found something worth sharing? Send it to the program team.',
  urlLabel: 'Link',
  urlHint: 'A full address, starting with https://',
  noteLabel: 'Why should colleagues share it?',
  noteHint: (max) => `Optional, up to ${max} characters.`,
  topicsLabel: 'Topics',
  submit: 'Send suggestion',
  submitting: 'Sending…',
  thanksTitle: 'Thanks for the suggestion!',
  thanksBody: 'The program team will review it. Approved links appear in everyone’s feed.',
  another: 'Suggest another link',
  urlRequired: 'Enter a link.',
  urlInvalid: 'Enter a full link that starts with https:// or http://.',
  noteTooLong: (max) => `Keep the note under ${max} characters.`,
};

export const badges: BadgesStrings = {
  title: 'My badges',
  earnedCount: (n, total) => `${n} of ${total} earned`,
  names: { first_share: 'First share', ten_shares: 'Ten shares', first_conversion: 'First lead', streak: 'On a roll' },
  goals: {
    first_share: () => 'Share your first post.',
    ten_shares: (target) => `Share ${target} posts.`,
    first_conversion: () => 'Bring in your first lead, signup or deal through a share.',
    streak: (target) => `Share something every week, ${target} weeks in a row.`,
  },
  earnedOn: (date) => `Earned ${date}`,
  progress: (progress, target) => `${progress} of ${target}`,
  empty: 'This program has no badges yet.',
  errorTitle: 'We couldn’t load your badges',
};

export const contestBanner: ContestBannerStrings = {
  label: 'Contest',
  prize: (prize) => `Prize: ${prize}`,
  endsIn: (relative) => `Ends ${relative}`,
  finalResults: 'Final results',
  yourRank: (rank, points) => `You are #${rank} with ${points} pts`,
  notRanked: 'Share a post to join the ranking.',
  leader: (name, points) => `In the lead: ${name}, ${points} pts`,
  winner: (name, points) => `Winner: ${name}, ${points} pts`,
  errorTitle: 'We couldn’t load the contest',
};
