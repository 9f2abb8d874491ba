// `<advocacy-leaderboard-visibility>`'s words. English defines the keys; Japanese must match them.

export const en = {
  label: 'Show my name on the leaderboard',
  hint: 'The leaderboard names only people who chose to. You always see your own rank.',
  shown: 'Your name is now shown on the leaderboard.',
  hidden: 'Your name is no longer shown on the leaderboard.',
  failed: 'We couldn’t save that.',
  errorTitle: 'We couldn’t load your leaderboard setting',
};

export const ja: typeof en = {
  label: 'ランキングに名前を表示する',
  hint: 'ランキングには、表示を選んだ人の名前だけが載ります。自分の順位はいつでも確認できます。',
  shown: 'ランキングに名前を表示するようにしました。',
  hidden: 'ランキングに名前を表示しないようにしました。',
  failed: '保存できませんでした。',
  errorTitle: 'ランキングの表示設定を読み込めませんでした',
};

export type LeaderboardVisibilityStrings = typeof en;
