import type { ContentKind } from '@advocacy-kit/core';
import { plural } from '../i18n/index.js';

// `<advocacy-feed>`'s words (`feed.*`). English defines the keys; Japanese must match them.

export const en = {
  label: 'Posts to share',
  topicFilter: 'Topic',
  allTopics: 'All',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  loadingPosts: 'Loading posts…',
  emptyTitle: 'Nothing to share yet',
  emptyBody: 'New posts from your company will show up here.',
  emptyTopic: 'No posts in this topic yet. Try another topic.',
  search: 'Search posts',
  noMatch: (text: string) => `No posts match “${text}”.`,
  allLanguages: 'Other languages too',
  errorTitle: 'We couldn’t load the feed',
  loadMoreError: 'We couldn’t load more posts.',
  caughtUp: 'You’re all caught up.',
  newSinceLastVisit: (n: number) => `${n} new ${plural(n, 'post', 'posts')} since your last visit`,
  newLabel: 'New',
  shared: 'Shared',
  share: 'Share',
  shareAria: (title: string) => `Share “${title}”`,
  shareUnavailable: 'We couldn’t open sharing.',
  // Never a topic's name: a kind says who wrote the post, a topic what it is about.
  kinds: { curated: 'Curated', owned: 'From us', promotional: 'Promotion' } satisfies Record<ContentKind, string>,
  offline: 'You’re offline. What you see may be out of date; sharing needs a connection.',
};

export const ja: typeof en = {
  label: 'シェアできる投稿',
  topicFilter: 'トピック',
  allTopics: 'すべて',
  loadMore: 'さらに表示',
  loadingMore: '読み込み中…',
  loadingPosts: '投稿を読み込んでいます…',
  emptyTitle: 'シェアできる投稿はまだありません',
  emptyBody: '会社からの新しい投稿がここに表示されます。',
  emptyTopic: 'このトピックの投稿はまだありません。別のトピックをお試しください。',
  search: '投稿を検索',
  noMatch: (text) => `「${text}」に一致する投稿はありません。`,
  allLanguages: '他の言語も表示',
  errorTitle: 'フィードを読み込めませんでした',
  loadMoreError: '続きの投稿を読み込めませんでした。',
  caughtUp: 'すべての投稿を表示しました。',
  newSinceLastVisit: (n) => `前回の訪問以降、新しい投稿が${n}件あります`,
  newLabel: '新着',
  shared: 'シェア済み',
  share: 'シェアする',
  shareAria: (title) => `「${title}」をシェアする`,
  shareUnavailable: 'シェア画面を開けませんでした。',
  kinds: { curated: 'ピックアップ', owned: '自社発信', promotional: 'キャンペーン' },
  offline: 'オフラインです。表示が最新でない可能性があります。シェアするにはオンライン接続が必要です。',
};

export type FeedStrings = typeof en;
