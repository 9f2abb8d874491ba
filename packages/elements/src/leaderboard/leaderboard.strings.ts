import type { Scope } from '@advocacy-kit/core';

// `<advocacy-leaderboard>`'s words (`leaderboard.*`). English defines the keys; Japanese must
// match them.

export const en = {
  title: 'Leaderboard',
  scopeLabel: 'Ranking',
  scopes: { company: 'Company', team: 'My team' } satisfies Record<Scope, string>,
  points: (points: string) => `${points} pts`,
  you: 'You',
  /** After the signed-in employee's name. Japanese uses full-width brackets. */
  youMarker: '(You)',
  /** A rank; `tied` when someone else has the same points (competition ranking: 1, 2, 2, 4). */
  rank: (rank: number, tied: boolean) => `${tied ? '=' : '#'}${rank}`,
  /** Read after a tied rank by screen readers. */
  tied: 'tied',
  empty: 'No points yet in this period. Share a post to get on the board.',
  participants: (count: string) => `${count} participants`,
  errorTitle: 'We couldn’t load the leaderboard',
};

export const ja: typeof en = {
  title: 'ランキング',
  scopeLabel: '対象',
  scopes: { company: '全社', team: '自分のチーム' },
  points: (points) => `${points}ポイント`,
  you: 'あなた',
  youMarker: '（あなた）',
  rank: (rank, tied) => `${tied ? '同率' : ''}${rank}位`,
  tied: '',
  empty: 'この期間のポイントはまだありません。投稿をシェアしてランキングに参加しましょう。',
  participants: (count) => `参加者${count}人`,
  errorTitle: 'ランキングを読み込めませんでした',
};

export type LeaderboardStrings = typeof en;
