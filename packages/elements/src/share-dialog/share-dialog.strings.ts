import { plural } from '../i18n/index.js';
import type { CountedParts } from './networks.js';

// `<advocacy-share-dialog>`'s words (`shareDialog.*`). English defines the keys; Japanese must
// match them. The networks' brand names are not here: they are not translated, and come from
// `networkNames` in `@advocacy-kit/core/share`.

export const en = {
  title: 'Share this post',
  policyTitle: 'Before your first share',
  /** The title when the employee accepted an earlier version: it is not their first share. */
  policyUpdatedTitle: 'Our social-media policy has changed',
  /** The default policy text, when the page slots none. */
  policyBody:
    'When you share, you speak for yourself, not for the company. Be honest, don’t share confidential information, and say that you work here when it matters.',
  policyAccept: 'I agree',
  networkLabel: 'Share to',
  networkNames: { native: 'More apps', copy: 'Copy link', email: 'Email' },
  commentaryLabel: 'Your words',
  added: 'Added when you share:',
  blocked: 'Remove before sharing:',
  nudge: 'Start from the suggestion, then make it yours: a sentence on why it matters to you gets far more attention.',
  /** What is counted, so the link's share of the limit is no surprise: "120 + 34 for the link = 154 / 3000". */
  counter: ({ typed, added, link, used }: CountedParts, max: number) =>
    `${typed}${added ? ` + ${added} added` : ''} + ${link} for the link = ${used} / ${max}`,
  overLimit: (over: number) => `${over} ${plural(over, 'character', 'characters')} over the limit`,
  urlOnlyBefore: (network: string) => `${network} only takes the link. We’ll copy your words so you can paste them into your post.`,
  urlOnlyAfter: (network: string) => `Your words are on the clipboard: paste them into your ${network} post.`,
  copiedAfter: 'Copied to the clipboard.',
  copyByHand: 'The clipboard could not be reached. Select the text below and copy it yourself.',
  shareOn: (network: string) => `Share on ${network}`,
  continueOn: (network: string) => `Continue on ${network}`,
  sharing: 'Sharing…',
  sharedTitle: 'Thanks for sharing!',
  pointsEarned: (points: string) => `You earned ${points} points.`,
  noNewPoints: 'You already shared this post there, so no new points this time.',
  done: 'Done',
  cancel: 'Cancel',
  errorTitle: 'The share didn’t go through',
  previewLabel: 'Link preview',
};

export const ja: typeof en = {
  title: '投稿をシェアする',
  policyTitle: '初めてシェアする前に',
  policyUpdatedTitle: 'ソーシャルメディアポリシーが更新されました',
  policyBody:
    'シェアするときは、会社の代表としてではなく、あなた自身の言葉で発信します。正確な情報を心がけ、社外秘の情報は共有せず、必要に応じて当社の社員であることを明記してください。',
  policyAccept: '同意します',
  networkLabel: 'シェア先',
  networkNames: { native: 'その他のアプリ', copy: 'リンクをコピー', email: 'メール' },
  commentaryLabel: 'コメント',
  added: 'シェア時に追加:',
  blocked: 'シェアする前に削除してください:',
  nudge: 'おすすめの文章をもとに、あなた自身の言葉を一言加えてみましょう。なぜ共有したいのかが伝わると、より多くの人に読まれます。',
  counter: ({ typed, added, link, used }, max) => `入力${typed}${added ? ` + 追加${added}` : ''} + リンク${link} = ${used} / ${max}`,
  overLimit: (over) => `${over}文字オーバーしています`,
  urlOnlyBefore: (network) =>
    `${network}ではリンクのみを共有できます。コメントはクリップボードにコピーされるので、投稿画面に貼り付けてください。`,
  urlOnlyAfter: (network) => `コメントをクリップボードにコピーしました。${network}の投稿画面に貼り付けてください。`,
  copiedAfter: 'クリップボードにコピーしました。',
  copyByHand: 'クリップボードにコピーできませんでした。下の文章を選択して、手動でコピーしてください。',
  shareOn: (network) => `${network}でシェアする`,
  continueOn: (network) => `${network}で続ける`,
  sharing: 'シェアしています…',
  sharedTitle: 'シェアありがとうございます！',
  pointsEarned: (points) => `${points}ポイントを獲得しました。`,
  noNewPoints: 'この投稿はすでに同じシェア先で共有済みのため、今回はポイントの加算はありません。',
  done: '完了',
  cancel: 'キャンセル',
  errorTitle: 'シェアできませんでした',
  previewLabel: 'リンクのプレビュー',
};

export type ShareDialogStrings = typeof en;
