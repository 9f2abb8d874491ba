import type { BadgeId } from '@advocacy-kit/core';

// `<advocacy-badges>`'s words (`badges.*`). English defines the keys; Japanese must match them.

/** How to earn each badge, given its target (`'10'` shares, `'4'` weeks); some ignore it. */
type Goals = Record<BadgeId, (target: string) => string>;

export const en = {
  title: 'My badges',
  /** `n` of `total` badges earned. */
  earnedCount: (n: string, total: string) => `${n} of ${total} earned`,
  names: { first_share: 'First share', ten_shares: 'Ten shares', first_conversion: 'First lead', streak: 'On a roll' } satisfies Record<
    BadgeId,
    string
  >,
  goals: {
    first_share: () => 'Share your first post.',
    ten_shares: (target) => `Share ${target} posts.`,
    first_conversion: () => 'Bring in your first lead, signup or deal through a share.',
    streak: (target) => `Share something every week, ${target} weeks in a row.`,
  } satisfies Goals as Goals,
  earnedOn: (date: string) => `Earned ${date}`,
  /** Progress toward a badge not yet earned. */
  progress: (progress: string, target: string) => `${progress} of ${target}`,
  empty: 'This program has no badges yet.',
  errorTitle: 'We couldn’t load your badges',
};

export const ja: typeof en = {
  title: 'バッジ',
  earnedCount: (n, total) => `${total} 個中 ${n} 個を獲得`,
  names: { first_share: 'はじめてのシェア', ten_shares: 'シェア10回', first_conversion: 'はじめての成果', streak: '連続シェア' },
  goals: {
    first_share: () => '最初の記事をシェアしましょう。',
    ten_shares: (target) => `記事を ${target} 回シェアしましょう。`,
    first_conversion: () => 'シェアをきっかけに、最初のリード・登録・商談を生み出しましょう。',
    streak: (target) => `${target} 週連続で、毎週なにかをシェアしましょう。`,
  },
  earnedOn: (date) => `${date}に獲得`,
  progress: (progress, target) => `${progress} / ${target}`,
  empty: 'このプログラムにはまだバッジがありません。',
  errorTitle: 'バッジを読み込めませんでした',
};

export type BadgesStrings = typeof en;
