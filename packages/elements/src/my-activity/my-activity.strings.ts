import type { PointsReason, SuggestionStatus } from '@advocacy-kit/core';
import { plural } from '../i18n/index.js';

// `<advocacy-my-activity>`'s words. English defines the keys; Japanese must match them.

export type ActivityTab = 'shares' | 'points' | 'suggestions' | 'badges' | 'preferences';

/** What a ledger row is about, as the component words it: a post (title, network), a reward, a note. */
export interface RowSubject {
  title: string;
  network: string;
  reward: string;
  note: string;
}

export const en = {
  title: 'My activity',
  tabs: { shares: 'Shares', points: 'Points', suggestions: 'Suggestions', badges: 'Badges', preferences: 'Preferences' } satisfies Record<
    ActivityTab,
    string
  >,
  loadMore: 'Load more',
  loadMoreError: 'We couldn’t load more.',
  errorTitle: 'We couldn’t load this',
  empty: {
    shares: 'You haven’t shared anything yet. Posts you share show up here with their clicks.',
    points: 'No points yet. Share a post to earn your first.',
    suggestions: 'You haven’t suggested anything yet.',
  },
  aPost: 'a post',
  otherNetworks: { email: 'email', copy: 'a copied link', native: 'your device' },
  sharedTo: (network: string) => `to ${network}`,
  clicks: (n: number) => `${n} ${plural(n, 'click', 'clicks')}`,
  conversions: (n: number) => `${n} ${plural(n, 'conversion', 'conversions')}`,
  points: (n: string) => `${n} points`,
  balance: (n: string) => `${n} points to spend`,
  reasons: {
    share: (s) => `Shared “${s.title}” to ${s.network}`,
    click: (s) => `Clicks on “${s.title}”`,
    conversion: (s) => `A conversion from “${s.title}”`,
    suggestion: (s) => `Your suggestion became “${s.title}”`,
    adjustment: (s) => (s.note ? `Adjustment: ${s.note}` : 'Adjustment'),
    manual: (s) => (s.note ? `Adjustment: ${s.note}` : 'Adjustment'),
    reward_hold: (s) => `Reward held: ${s.reward}`,
    reward_release: (s) => `Points back for ${s.reward}`,
  } satisfies Record<PointsReason, (subject: RowSubject) => string>,
  aReward: 'a reward',
  statuses: { pending: 'Waiting for review', approved: 'Approved', rejected: 'Not taken' } satisfies Record<SuggestionStatus, string>,
  reason: (text: string) => `Why: ${text}`,
  digest: 'Weekly digest by email',
  nudges: 'Reminders when I haven’t shared for a while',
  language: 'Language',
  languages: { en: 'English', ja: '日本語' },
  timeZone: 'Time zone',
  save: 'Save preferences',
  saving: 'Saving…',
  saved: 'Your preferences are saved.',
  badTimeZone: 'Choose a time zone from the list.',
  badLanguage: 'Choose a language from the list.',
};

export const ja: typeof en = {
  title: 'マイアクティビティ',
  tabs: { shares: 'シェア', points: 'ポイント', suggestions: '提案', badges: 'バッジ', preferences: '設定' },
  loadMore: 'さらに表示',
  loadMoreError: '続きを読み込めませんでした。',
  errorTitle: '読み込めませんでした',
  empty: {
    shares: 'まだシェアしていません。シェアした投稿はクリック数とともにここに表示されます。',
    points: 'まだポイントはありません。投稿をシェアして最初のポイントを獲得しましょう。',
    suggestions: 'まだ提案はありません。',
  },
  aPost: '投稿',
  otherNetworks: { email: 'メール', copy: 'コピーしたリンク', native: '端末の共有機能' },
  sharedTo: (network) => `${network}へ`,
  clicks: (n) => `クリック${n}件`,
  conversions: (n) => `コンバージョン${n}件`,
  points: (n) => `${n}ポイント`,
  balance: (n) => `利用可能 ${n}ポイント`,
  reasons: {
    share: (s) => `「${s.title}」を${s.network}でシェア`,
    click: (s) => `「${s.title}」へのクリック`,
    conversion: (s) => `「${s.title}」からのコンバージョン`,
    suggestion: (s) => `提案が「${s.title}」として採用`,
    adjustment: (s) => (s.note ? `調整：${s.note}` : '調整'),
    manual: (s) => (s.note ? `調整：${s.note}` : '調整'),
    reward_hold: (s) => `特典の申請で確保：${s.reward}`,
    reward_release: (s) => `特典のポイント返却：${s.reward}`,
  },
  aReward: '特典',
  statuses: { pending: '審査待ち', approved: '採用', rejected: '不採用' },
  reason: (text) => `理由：${text}`,
  digest: '週次ダイジェストをメールで受け取る',
  nudges: 'しばらくシェアしていないときにリマインドを受け取る',
  language: '言語',
  languages: { en: 'English', ja: '日本語' },
  timeZone: 'タイムゾーン',
  save: '設定を保存',
  saving: '保存中…',
  saved: '設定を保存しました。',
  badTimeZone: '一覧からタイムゾーンを選んでください。',
  badLanguage: '一覧から言語を選んでください。',
};
