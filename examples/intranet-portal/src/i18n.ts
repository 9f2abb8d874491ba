/** The portal's own text (the advocacy components bring their own). One table per language. */
export type PortalLanguage = 'ja' | 'en';
export const PORTAL_LANGUAGES: readonly PortalLanguage[] = ['ja', 'en'];

export interface NewsItem {
  date: string;
  title: string;
  body: string;
}

export interface PortalStrings {
  companyName: string;
  portalName: string;
  skipToContent: string;
  skipToSide: string;
  sectionsLabel: string;
  sectionFeed: string;
  sectionImpact: string;
  sectionLeaderboard: string;
  sectionSuggest: string;
  navLabel: string;
  navHome: string;
  navAdmin: string;
  signedInAs: string;
  signOut: string;
  /** The header's language switch (its options are named in their own language). */
  languageLabel: string;
  homeTitle: string;
  homeHeading: string;
  homeIntro: string;
  shareHeading: string;
  newsHeading: string;
  news: NewsItem[];
  sideLabel: string;
  footer: string;
  signInTitle: string;
  signInHeading: string;
  signInIntro: string;
  signInDemoNote: string;
  signInPerson: string;
  signInLanguage: string;
  signInButton: string;
  signInLoading: string;
  signInFailed: string;
  signInNoDemo: string;
  roleAdmin: string;
  adminTitle: string;
  adminHeading: string;
  adminIntro: string;
  adminForbidden: string;
}

const ja: PortalStrings = {
  companyName: '株式会社クモシステムズ',
  portalName: '社内ポータル',
  skipToContent: '本文へスキップ',
  skipToSide: 'あなたのアドボカシーへスキップ',
  sectionsLabel: 'ホームのセクション',
  sectionFeed: 'シェア',
  sectionImpact: '成果',
  sectionLeaderboard: 'ランキング',
  sectionSuggest: '提案',
  navLabel: 'ポータルのメニュー',
  navHome: 'ホーム',
  navAdmin: 'アドボカシー管理',
  signedInAs: 'ログイン中',
  signOut: 'ログアウト',
  languageLabel: '表示言語',
  homeTitle: 'ホーム | クモシステムズ 社内ポータル',
  homeHeading: 'ようこそ',
  homeIntro: '会社の最新情報を、あなたの言葉でネットワークに届けましょう。シェアした記事へのクリックはポイントとして還元されます。',
  shareHeading: 'シェアできるコンテンツ',
  newsHeading: '社内のお知らせ',
  news: [
    {
      date: '2026-11-25',
      title: '年末年始の休業期間について',
      body: '東京オフィスは12月27日から1月4日まで休業です。緊急連絡先は総務部のページをご確認ください。',
    },
    {
      date: '2026-11-20',
      title: 'ロンドンオフィスとの合同オンライン全社会',
      body: '12月5日（金）17時から、ロンドンオフィスと合同の全社会をオンラインで行います。招待は各部の幹事からお送りします。',
    },
    {
      date: '2026-11-12',
      title: 'ソーシャルメディア利用ガイドラインを改定しました',
      body: '社外への発信時の注意点を分かりやすくまとめました。シェアの前に一度ご確認ください。',
    },
  ],
  sideLabel: 'あなたのアドボカシー',
  footer: '© 2026 株式会社クモシステムズ　社内限り',
  signInTitle: 'ログイン | クモシステムズ 社内ポータル',
  signInHeading: 'デモ用ログイン',
  signInIntro: '社員を選んでポータルに入ります。',
  signInDemoNote: 'これはデモ環境です。パスワードは不要で、実際の社内ログイン（SSO）の代わりに使います。',
  signInPerson: 'ログインする人',
  signInLanguage: '表示言語',
  signInButton: 'ログイン',
  signInLoading: '社員一覧を読み込んでいます…',
  signInFailed: 'ログインできませんでした。',
  signInNoDemo: 'サーバーでデモ用ログインが有効になっていません（ADVOCACY_DEMO_AUTH=1 で起動してください）。',
  roleAdmin: '管理者',
  adminTitle: 'アドボカシー管理 | クモシステムズ 社内ポータル',
  adminHeading: 'アドボカシー管理',
  adminIntro: 'コンテンツの公開、社員からの推薦の審査、成果の確認ができます。',
  adminForbidden: 'このページはプログラム管理者のみ利用できます。',
};

const en: PortalStrings = {
  companyName: 'Kumo Systems',
  portalName: 'Intranet',
  skipToContent: 'Skip to content',
  skipToSide: 'Skip to your advocacy',
  sectionsLabel: 'Home sections',
  sectionFeed: 'Share',
  sectionImpact: 'My impact',
  sectionLeaderboard: 'Leaderboard',
  sectionSuggest: 'Suggest',
  navLabel: 'Portal menu',
  navHome: 'Home',
  navAdmin: 'Advocacy admin',
  signedInAs: 'Signed in as',
  signOut: 'Sign out',
  languageLabel: 'Language',
  homeTitle: 'Home | Kumo Systems Intranet',
  homeHeading: 'Welcome',
  homeIntro: 'Share the company’s latest news with your network, in your own words. Every click on what you share earns you points.',
  shareHeading: 'Ready to share',
  newsHeading: 'Company news',
  news: [
    {
      date: '2026-11-25',
      title: 'Year-end holidays',
      body: 'The Tokyo office is closed from 27 December to 4 January; London closes on 24 December and reopens on 2 January. Emergency contacts are on the General Affairs page.',
    },
    {
      date: '2026-11-20',
      title: 'Joint all-hands with the Tokyo office',
      body: 'Our online all-hands with the Tokyo office is on Friday 5 December at 08:00 in London. Invitations come from your team’s organiser.',
    },
    {
      date: '2026-11-12',
      title: 'Updated social media guidelines',
      body: 'What to keep in mind when you post about work, now on one page. Please read it before you share.',
    },
  ],
  sideLabel: 'Your advocacy',
  footer: '© 2026 Kumo Systems · Internal use only',
  signInTitle: 'Sign in | Kumo Systems Intranet',
  signInHeading: 'Demo sign-in',
  signInIntro: 'Pick an employee to enter the portal as.',
  signInDemoNote: 'This is a demo: no password is needed. It stands in for the company’s single sign-on.',
  signInPerson: 'Sign in as',
  signInLanguage: 'Language',
  signInButton: 'Sign in',
  signInLoading: 'Loading employees…',
  signInFailed: 'Could not sign in.',
  signInNoDemo: 'Demo sign-in is not enabled on the server (start it with ADVOCACY_DEMO_AUTH=1).',
  roleAdmin: 'admin',
  adminTitle: 'Advocacy admin | Kumo Systems Intranet',
  adminHeading: 'Advocacy admin',
  adminIntro: 'Publish content, review what employees suggest and see what the program earns.',
  adminForbidden: 'This page is for program admins only.',
};

const tables: Record<PortalLanguage, PortalStrings> = { ja, en };

export function strings(language: PortalLanguage): PortalStrings {
  return tables[language];
}

/** Each language's name in itself, as the language switches show it. */
export const LANGUAGE_NAMES: Record<PortalLanguage, string> = { en: 'English', ja: '日本語' };

export function isPortalLanguage(value: unknown): value is PortalLanguage {
  return value === 'ja' || value === 'en';
}
