import type { Scope } from '@advocacy-kit/core';

// `<advocacy-leaderboard>`'s words (`leaderboard.*`). English defines the keys; Japanese must
// match them.

export const en = {
  title: 'Leaderboard',
  scopeLabel: 'Ranking',
  scopes: { company: 'Company', team: 'My team' } satisfies Record<Scope, string>,
  points: (points: string) => `${points} pts`,
  you: 'You',
  rank: (rank: number) => `#${rank}`,
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
  rank: (rank) => `${rank}位`,
  empty: 'この期間のポイントはまだありません。投稿をシェアしてランキングに参加しましょう。',
  participants: (count) => `参加者${count}人`,
  errorTitle: 'ランキングを読み込めませんでした',
};

export type LeaderboardStrings = typeof en;
