// `<advocacy-my-data>`'s words. English defines the keys; Japanese must match them.

export const en = {
  title: 'Your data',
  description:
    'Download everything the advocacy program stores about you: your profile, shares and their click counts, points, suggestions, badges and preferences.',
  download: 'Download my data (JSON)',
  downloading: 'Preparing your data…',
  downloaded: 'Your data was downloaded.',
  failed: 'We couldn’t prepare your data.',
  unsupported: 'This program does not offer a data download.',
};

export const ja: typeof en = {
  title: 'あなたのデータ',
  description:
    'アドボカシープログラムが保存しているあなたのデータ（プロフィール、シェアとクリック数、ポイント、提案、バッジ、設定）をすべてダウンロードできます。',
  download: '自分のデータをダウンロード（JSON）',
  downloading: 'データを準備しています…',
  downloaded: 'データをダウンロードしました。',
  failed: 'データを準備できませんでした。',
  unsupported: 'このプログラムではデータのダウンロードを利用できません。',
};
