import type { AdminResultsStrings } from './strings.js';

export const adminResults: AdminResultsStrings = {
  colShares: 'Shares',
  colUniqueClicks: 'Unique clicks',
  colConversions: 'Conversions',
  conversionValue: (value) => `Value ${value}`,
  colTeam: 'Team',
  colTitle: 'Title',
  colKind: 'Kind',
  topAdvocates: 'Top advocates',
  topAdvocatesEmpty: 'Nobody shared in this period.',
  topPosts: 'Top posts',
  topPostsEmpty: 'No post was shared or clicked in this period.',
};
