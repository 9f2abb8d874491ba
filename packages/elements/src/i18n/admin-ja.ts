import type { AdminResultsStrings } from './strings.js';

export const adminResults: AdminResultsStrings = {
  colShares: 'シェア',
  colUniqueClicks: 'ユニーククリック',
  colConversions: 'コンバージョン',
  conversionValue: (value) => `金額 ${value}`,
  colTeam: 'チーム',
  colTitle: 'タイトル',
  colKind: '種類',
  topAdvocates: 'シェア上位の社員',
  topAdvocatesEmpty: 'この期間にシェアした社員はいません。',
  topPosts: 'クリック上位の投稿',
  topPostsEmpty: 'この期間にシェアやクリックのあった投稿はありません。',
};
