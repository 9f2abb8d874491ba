// `<advocacy-policy-admin>`'s words. English defines the keys; Japanese must match them.

export const en = {
  title: 'Social-media policy',
  current: (version: number, date: string) => `Version ${version} is in force since ${date}. Every employee accepts it before sharing.`,
  none: 'No policy is published: employees share without accepting one.',
  draftOf: (version: number) => `Draft of version ${version}`,
  /** The heading of a new draft (no draft saved yet) of the next version. */
  newDraft: (version: number) => `Next version (${version})`,
  textFor: (locale: string) => `Policy text (${locale})`,
  hint: 'Plain text; leave a blank line between paragraphs.',
  save: 'Save draft',
  publish: 'Publish',
  publishHint: 'Publishing asks every employee to accept the new version before their next share. A published version cannot be changed.',
  saved: 'Draft saved.',
  published: (version: number) => `Version ${version} is published.`,
  history: 'Versions',
  draft: 'draft',
  publishedOn: (date: string) => `published ${date}`,
  errorTitle: 'The policy could not be loaded',
};

export const ja: typeof en = {
  title: 'ソーシャルメディアポリシー',
  current: (version, date) => `第${version}版が${date}から有効です。社員はシェアする前に同意します。`,
  none: '公開中のポリシーはありません。社員は同意なしでシェアできます。',
  draftOf: (version) => `第${version}版の下書き`,
  newDraft: (version) => `次の版（第${version}版）`,
  textFor: (locale) => `ポリシー本文（${locale}）`,
  hint: 'プレーンテキスト。段落の間は空行にしてください。',
  save: '下書きを保存',
  publish: '公開する',
  publishHint: '公開すると、すべての社員が次のシェアの前に新しい版に同意する必要があります。公開した版は変更できません。',
  saved: '下書きを保存しました。',
  published: (version) => `第${version}版を公開しました。`,
  history: '版の履歴',
  draft: '下書き',
  publishedOn: (date) => `${date}に公開`,
  errorTitle: 'ポリシーを読み込めませんでした',
};
