// `<advocacy-contest-results>`'s words. English defines the keys; Japanese must match them.

export const en = {
  title: 'Past contests',
  empty: 'No contest has ended in the last 30 days.',
  ended: (date: string) => `Ended ${date}`,
  prize: (prize: string) => `Prize: ${prize}`,
  /** A final rank; `tied` when someone else finished with the same points. */
  rank: (rank: number, tied: boolean) => `${tied ? '=' : '#'}${rank}`,
  tied: 'tied',
  points: (points: string) => `${points} pts`,
  yourPlace: (rank: string, points: string) => `You finished #${rank} with ${points} pts`,
  notPlaced: 'You did not earn points in this contest.',
  noResults: 'Nobody earned points in this contest.',
  /** After the signed-in employee's name. Japanese uses full-width brackets. */
  youMarker: '(You)',
  errorTitle: 'We couldn’t load the contests',
};

export const ja: typeof en = {
  title: '過去のコンテスト',
  empty: '過去30日間に終了したコンテストはありません。',
  ended: (date) => `${date}に終了`,
  prize: (prize) => `賞品：${prize}`,
  rank: (rank, tied) => `${tied ? '同率' : ''}${rank}位`,
  tied: '',
  points: (points) => `${points}ポイント`,
  yourPlace: (rank, points) => `あなたは ${rank} 位（${points} ポイント）でした`,
  notPlaced: 'このコンテストではポイントを獲得していません。',
  noResults: 'このコンテストでポイントを獲得した人はいません。',
  youMarker: '（あなた）',
  errorTitle: 'コンテストを読み込めませんでした',
};

export type ContestResultsStrings = typeof en;
