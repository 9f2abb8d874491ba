// `<advocacy-contest-banner>`'s words (`contestBanner.*`). English defines the keys; Japanese
// must match them.

export const en = {
  label: 'Contest',
  prize: (prize: string) => `Prize: ${prize}`,
  /** `relative` is "in 3 days" / "3 日後". */
  endsIn: (relative: string) => `Ends ${relative}`,
  finalResults: 'Final results',
  yourRank: (rank: string, points: string) => `You are #${rank} with ${points} pts`,
  notRanked: 'Share a post to join the ranking.',
  leader: (name: string, points: string) => `In the lead: ${name}, ${points} pts`,
  winner: (name: string, points: string) => `Winner: ${name}, ${points} pts`,
  errorTitle: 'We couldn’t load the contest',
};

export const ja: typeof en = {
  label: 'コンテスト',
  prize: (prize) => `賞品：${prize}`,
  endsIn: (relative) => `${relative}に終了`,
  finalResults: '最終結果',
  yourRank: (rank, points) => `あなたは現在 ${rank} 位（${points} ポイント）`,
  notRanked: '記事をシェアして、ランキングに参加しましょう。',
  leader: (name, points) => `首位：${name}さん（${points} ポイント）`,
  winner: (name, points) => `優勝：${name}さん（${points} ポイント）`,
  errorTitle: 'コンテストを読み込めませんでした',
};

export type ContestBannerStrings = typeof en;
