import type { SuggestionStatus } from '@advocacy-kit/core';

// `<advocacy-suggest>`'s words (`suggest.*`). English defines the keys; Japanese must match
// them.

export const en = {
  title: 'Suggest a link',
  intro: 'Found something worth sharing? Send it to the program team.',
  urlLabel: 'Link',
  urlHint: 'A full address, starting with https:// or http://',
  noteLabel: 'Why should colleagues share it?',
  noteHint: (max: number) => `Optional, up to ${max} characters.`,
  topicsLabel: 'Topics',
  submit: 'Send suggestion',
  submitting: 'Sending…',
  thanksTitle: 'Thanks for the suggestion!',
  thanksBody: 'The program team will review it. Approved links appear in everyone’s feed.',
  another: 'Suggest another link',
  urlRequired: 'Enter a link.',
  urlInvalid: 'Enter a full link that starts with https:// or http://.',
  noteTooLong: (max: number) => `Keep the note under ${max} characters.`,
  mineTitle: 'Your suggestions',
  mineError: 'We couldn’t load your suggestions.',
  statuses: { pending: 'Waiting for review', approved: 'Approved', rejected: 'Not taken' } satisfies Record<SuggestionStatus, string>,
  reason: (reason: string) => `Reviewer’s note: ${reason}`,
};

export const ja: typeof en = {
  title: 'リンクを提案する',
  intro: 'シェアしたい記事を見つけたら、プログラム担当者に提案してください。',
  urlLabel: 'リンク',
  urlHint: 'https:// または http:// から始まるURLを入力してください',
  noteLabel: '同僚にシェアしてほしい理由',
  noteHint: (max) => `任意・${max}文字以内`,
  topicsLabel: 'トピック',
  submit: '提案を送信する',
  submitting: '送信しています…',
  thanksTitle: 'ご提案ありがとうございます！',
  thanksBody: 'プログラム担当者が確認します。承認されたリンクは全員のフィードに表示されます。',
  another: '別のリンクを提案する',
  urlRequired: 'リンクを入力してください。',
  urlInvalid: 'https:// または http:// から始まるURLを入力してください。',
  noteTooLong: (max) => `${max}文字以内で入力してください。`,
  mineTitle: 'あなたの提案',
  mineError: 'あなたの提案を読み込めませんでした。',
  statuses: { pending: '確認待ち', approved: '承認済み', rejected: '見送り' },
  reason: (reason) => `担当者からのコメント：${reason}`,
};

export type SuggestStrings = typeof en;
