// `<advocacy-invitation>`'s words. English defines the keys; Japanese must match them.

export const en = {
  invitedTitle: 'You’re invited to the advocacy program',
  invitedBody: 'Share company news in your own words and earn points for what it brings. Join to start sharing.',
  invitedOn: (date: string) => `Invited ${date}`,
  accept: 'Join the program',
  decline: 'Not now',
  joined: 'Welcome to the program! You can share posts now.',
  declinedTitle: 'You declined the invitation',
  declinedBody: 'You can join whenever you like.',
  rejoin: 'Join after all',
  notInvited: 'The advocacy program is by invitation. Ask a program admin if you would like to take part.',
  sending: 'Sending your answer…',
  answerFailed: 'Your answer was not saved.',
  errorTitle: 'We couldn’t load your invitation',
};

export const ja: typeof en = {
  invitedTitle: 'アドボカシープログラムへの招待が届いています',
  invitedBody: '会社のニュースを自分の言葉でシェアして、その成果に応じてポイントを獲得できます。参加するとシェアを始められます。',
  invitedOn: (date) => `${date}に招待`,
  accept: 'プログラムに参加する',
  decline: '今は参加しない',
  joined: 'プログラムへようこそ！記事をシェアできるようになりました。',
  declinedTitle: '招待を辞退しました',
  declinedBody: 'いつでも参加できます。',
  rejoin: 'やはり参加する',
  notInvited: 'アドボカシープログラムは招待制です。参加を希望する場合は、プログラム管理者にお問い合わせください。',
  sending: '回答を送信しています…',
  answerFailed: '回答を保存できませんでした。',
  errorTitle: '招待を読み込めませんでした',
};

export type InvitationStrings = typeof en;
