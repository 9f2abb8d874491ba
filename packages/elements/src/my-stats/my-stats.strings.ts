import { plural } from '../i18n/index.js';

// `<advocacy-my-stats>`'s words (`myStats.*`). English defines the keys; Japanese must match
// them.

export const en = {
  title: 'My impact',
  points: 'Points',
  shares: 'Shares',
  clicks: 'Unique clicks',
  conversions: 'Conversions',
  companyRank: (rank: number) => `Rank #${rank} in the company`,
  chartSummary: (total: string, days: number, best: string, bestDate: string) =>
    `Points over ${days} ${plural(days, 'day', 'days')}: ${total} in total, most on ${bestDate} (${best}).`,
  chartEmpty: 'No activity in this period yet.',
  chartName: 'Points by day',
  chartHint: 'Point at a day, or focus the chart and use the arrow keys, to read its figures.',
  /** The chart's read-out: the day and each figure's `[name, value]`. */
  chartReadout: (day: string, values: ReadonlyArray<readonly [string, string]>) =>
    `${day}: ${values.map(([name, value]) => `${name} ${value}`).join(', ')}`,
  tableCaption: 'Activity by date',
  tableDate: 'Date',
  errorTitle: 'We couldn’t load your stats',
  /** `n` of `total` badges earned. */
  badgesEarned: (n: string, total: string) => `${n} of ${total} badges earned`,
  /** The employee's rank in a running contest. */
  contestRank: (rank: string, title: string) => `#${rank} in ${title}`,
};

export const ja: typeof en = {
  title: 'あなたの成果',
  points: 'ポイント',
  shares: 'シェア数',
  clicks: 'ユニーククリック数',
  conversions: 'コンバージョン数',
  companyRank: (rank) => `全社で${rank}位`,
  chartSummary: (total, days, best, bestDate) =>
    `${days}日間のポイント推移：合計${total}ポイント、最も多かったのは${bestDate}（${best}ポイント）です。`,
  chartEmpty: 'この期間の活動はまだありません。',
  chartName: '日ごとのポイント',
  chartHint: '日付にポインターを合わせるか、グラフにフォーカスして矢印キーを押すと、その日の数値が表示されます。',
  chartReadout: (day, values) => `${day}：${values.map(([name, value]) => `${name} ${value}`).join('、')}`,
  tableCaption: '日付ごとの活動',
  tableDate: '日付',
  errorTitle: '成果を読み込めませんでした',
  badgesEarned: (n, total) => `バッジ ${total} 個中 ${n} 個を獲得`,
  contestRank: (rank, title) => `「${title}」で ${rank} 位`,
};

export type MyStatsStrings = typeof en;
