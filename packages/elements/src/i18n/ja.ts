import type {
  BadgesStrings,
  CommonStrings,
  ContestBannerStrings,
  FeedStrings,
  LeaderboardStrings,
  MyStatsStrings,
  ShareDialogStrings,
  SuggestStrings,
} from './strings.js';

export const common: CommonStrings = {
  retry: '再試行',
  close: '閉じる',
  loading: '読み込み中…',
  errors: {
    network: 'サーバーに接続できませんでした。通信環境を確認して、もう一度お試しください。',
    timeout: 'サーバーの応答に時間がかかっています。もう一度お試しください。',
    unauthorized: 'セッションの有効期限が切れました。もう一度サインインしてください。',
    forbidden: 'この操作を行う権限がありません。',
    not_found: 'この項目は見つかりませんでした。',
    validation: '入力内容をご確認ください。',
    conflict: '他の操作で内容が変わりました。もう一度お試しください。',
    rate_limited: '短時間にリクエストが集中しています。少し待ってからお試しください。',
    server: 'サーバーで問題が発生しました。しばらくしてからお試しください。',
    unknown: '問題が発生しました。もう一度お試しください。',
  },
  periodLabel: '期間',
  periods: { week: '今週', month: '今月', quarter: '今四半期', all: '全期間' },
};

export const feed: FeedStrings = {
  label: 'シェアできる投稿',
  topicFilter: 'トピック',
  allTopics: 'すべて',
  loadMore: 'さらに表示',
  loadingMore: '読み込み中…',
  loadingPosts: '投稿を読み込んでいます…',
  emptyTitle: 'シェアできる投稿はまだありません',
  emptyBody: '会社からの新しい投稿がここに表示されます。',
  emptyTopic: 'このトピックの投稿はまだありません。別のトピックをお試しください。',
  errorTitle: 'フィードを読み込めませんでした',
  loadMoreError: '続きの投稿を読み込めませんでした。',
  caughtUp: 'すべての投稿を表示しました。',
  newSinceLastVisit: (n) => `前回の訪問以降、新しい投稿が${n}件あります`,
  newLabel: '新着',
  share: 'シェアする',
  shareAria: (title) => `「${title}」をシェアする`,
  kinds: { curated: '業界ニュース', owned: '自社コンテンツ', promotional: 'キャンペーン' },
  offline: 'オフラインです。表示が最新でない可能性があります。シェアするにはオンライン接続が必要です。',
};

export const shareDialog: ShareDialogStrings = {
  title: '投稿をシェアする',
  policyTitle: '初めてシェアする前に',
  policyBody:
    'シェアするときは、会社の代表としてではなく、あなた自身の言葉で発信します。正確な情報を心がけ、社外秘の情報は共有せず、必要に応じて当社の社員であることを明記してください。',
  policyAccept: '同意します',
  networkLabel: 'シェア先',
  networkNames: { native: 'その他のアプリ', copy: 'リンクをコピー', email: 'メール' },
  commentaryLabel: 'コメント',
  nudge: 'おすすめの文章をもとに、あなた自身の言葉を一言加えてみましょう。なぜ共有したいのかが伝わると、より多くの人に読まれます。',
  counter: (used, max) => `${used} / ${max}`,
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
  errorTitle: 'シェアできませんでした',
  previewLabel: 'リンクのプレビュー',
};

export const leaderboard: LeaderboardStrings = {
  title: 'ランキング',
  scopeLabel: '対象',
  scopes: { company: '全社', team: '自分のチーム' },
  points: (points) => `${points}ポイント`,
  you: 'あなた',
  rank: (rank) => `${rank}位`,
  empty: 'この期間のポイントはまだありません。投稿をシェアしてランキングに参加しましょう。',
  participants: (count) => `参加者${count}人`,
  errorTitle: 'ランキングを読み込めませんでした',
};

export const myStats: MyStatsStrings = {
  title: 'あなたの成果',
  points: 'ポイント',
  shares: 'シェア数',
  clicks: 'ユニーククリック数',
  conversions: 'コンバージョン数',
  companyRank: (rank) => `全社で${rank}位`,
  chartSummary: (total, days, best, bestDate) =>
    `${days}日間のポイント推移：合計${total}ポイント、最も多かったのは${bestDate}（${best}ポイント）です。`,
  chartEmpty: 'この期間の活動はまだありません。',
  tableCaption: '日付ごとの活動',
  tableDate: '日付',
  errorTitle: '成果を読み込めませんでした',
  badgesEarned: (n, total) => `バッジ ${total} 個中 ${n} 個を獲得`,
  contestRank: (rank, title) => `「${title}」で ${rank} 位`,
};

export const suggest: SuggestStrings = {
  title: 'リンクを提案する',
  intro: 'シェアしたい記事を見つけたら、プログラム担当者に提案してください。',
  urlLabel: 'リンク',
  urlHint: 'https:// から始まるURLを入力してください',
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
};

export const badges: BadgesStrings = {
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

export const contestBanner: ContestBannerStrings = {
  label: 'コンテスト',
  prize: (prize) => `賞品：${prize}`,
  endsIn: (relative) => `${relative}に終了`,
  finalResults: '最終結果',
  yourRank: (rank, points) => `あなたは現在 ${rank} 位（${points} ポイント）`,
  notRanked: '記事をシェアして、ランキングに参加しましょう。',
  leader: (name, points) => `首位：${name}さん（${points} ポイント）`,
  winner: (name, points) => `優勝：${name}さん（${points} ポイント）`,
  errorTitle: 'コンテストを読み込めませんでした',
};
