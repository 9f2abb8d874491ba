import type {
  ContentKind,
  Employee,
  LocalizedText,
  NetworkId,
  Post,
  Reward,
  Role,
  SuggestedCommentary,
  Suggestion,
  Topic,
} from '../backend/contract.js';
import { demoPolicy } from './demo-policy.js';
import type { DemoSeed, SeedGoal, SeedMember, SeedShare, SeedTeam } from './seed-types.js';

/*
 * Kumo Systems (株式会社クモシステムズ): a cloud-operations software company with offices in
 * Tokyo and London. Everything is relative to `now` and derived without randomness, so a seed
 * made twice for the same `now` is identical (the reference server's `seed` command relies on it).
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

const teams: SeedTeam[] = [
  { id: 'team-marketing', name: 'Marketing', names: { en: 'Marketing', ja: 'マーケティング部' } },
  { id: 'team-engineering', name: 'Engineering', names: { en: 'Engineering', ja: '開発部' } },
  { id: 'team-sales', name: 'Sales', names: { en: 'Sales', ja: '営業部' } },
];
const teamName = (id: string) => teams.find((t) => t.id === id)!.name;

// [id, display name, team, locale, time zone, role, policy accepted]
const people: Array<[string, string, string, string, string, Role, boolean]> = [
  ['emp-kenji', '高橋 健二', 'team-engineering', 'ja', 'Asia/Tokyo', 'employee', true],
  ['emp-haruka', '佐藤 遥', 'team-marketing', 'ja', 'Asia/Tokyo', 'admin', true],
  ['emp-yui', '中村 結衣', 'team-sales', 'ja', 'Asia/Tokyo', 'employee', true],
  ['emp-daisuke', '伊藤 大輔', 'team-engineering', 'ja', 'Asia/Tokyo', 'employee', true],
  ['emp-aoi', '小林 葵', 'team-marketing', 'ja', 'Asia/Tokyo', 'employee', true],
  ['emp-ren', '渡辺 蓮', 'team-sales', 'ja', 'Asia/Tokyo', 'employee', true],
  ['emp-emily', 'Emily Clarke', 'team-marketing', 'en', 'Europe/London', 'employee', true],
  ['emp-james', 'James Okafor', 'team-engineering', 'en', 'Europe/London', 'employee', true],
  ['emp-sophie', 'Sophie Martin', 'team-sales', 'en', 'Europe/London', 'employee', true],
  ['emp-oliver', 'Oliver Bennett', 'team-engineering', 'en-GB', 'Europe/London', 'employee', true],
  ['emp-priya', 'Priya Shah', 'team-sales', 'en', 'Europe/London', 'employee', true],
  ['emp-tom', 'Tom Hayes', 'team-marketing', 'en', 'Asia/Tokyo', 'employee', false],
];

const topics: Topic[] = [
  { id: 'product', names: { en: 'Product news', ja: 'プロダクト' } },
  { id: 'engineering', names: { en: 'Engineering', ja: 'エンジニアリング' } },
  { id: 'careers', names: { en: 'Careers', ja: '採用・キャリア' } },
  { id: 'industry', names: { en: 'Industry news', ja: '業界ニュース' } },
  { id: 'customers', names: { en: 'Customer stories', ja: 'お客様事例' } },
  { id: 'events', names: { en: 'Events', ja: 'イベント' } },
];

interface PostSpec {
  id: string;
  kind: ContentKind;
  locale: 'ja' | 'en';
  topics: string[];
  /** Days before `now` it was published (negative: scheduled in the future). */
  age: number;
  source: string;
  path: string;
  title: string;
  summary: string;
  commentary: SuggestedCommentary;
  hashtags: string[];
  teams?: string[];
  networks?: NetworkId[];
  /** Days after publishing that it expires. */
  expiresAfter?: number;
  /** Whether it has a picture: `<id>.svg` among the demo images (see `DemoSeedOptions.imageBaseUrl`). */
  image?: boolean;
}

const BLOG = 'https://kumo-systems.example/';
const posts: PostSpec[] = [
  {
    id: 'post-01',
    kind: 'owned',
    locale: 'ja',
    topics: ['product'],
    age: 1,
    source: 'クモシステムズ ブログ',
    path: 'ja/blog/kumo-observe-3',
    title: 'Kumo Observe 3.0 を公開しました：アラート疲れを減らす新しい相関分析',
    summary: '複数のアラートを自動でひとつのインシデントにまとめる相関分析エンジンを搭載。夜間の呼び出しを平均40%削減しました。',
    commentary: {
      ja: {
        default:
          'チームで1年かけて作ってきた Kumo Observe 3.0 がついにリリースされました。夜中に鳴るアラートが減るのは、運用する側として本当にうれしいです。ぜひ触ってみてください。',
        x: 'Kumo Observe 3.0 リリースしました！アラートの相関分析で夜間の呼び出しが約4割減。運用チームの方にぜひ。',
      },
      en: { default: 'Kumo Observe 3.0 is out. Alert correlation cut night-time pages by 40% for our beta customers.' },
    },
    hashtags: ['KumoObserve', 'SRE'],
    image: true,
  },
  {
    id: 'post-02',
    kind: 'curated',
    locale: 'en',
    topics: ['industry', 'engineering'],
    age: 2,
    source: 'Cloud Native Weekly',
    path: 'https://news.example.com/cloud-native-weekly/state-of-platform-engineering-2026',
    title: 'The state of platform engineering in 2026',
    summary: 'A survey of 1,200 teams finds internal developer platforms now own incident response as well as deployment.',
    commentary: {
      en: {
        default: 'Good read on where platform teams are heading: incident response is becoming part of the platform, not an afterthought.',
        x: 'Platform teams now own incident response too. Worth a read:',
      },
      ja: {
        default:
          'プラットフォームエンジニアリングの最新調査。インシデント対応までプラットフォームの責任範囲になってきている、という流れは現場の実感とも合います。',
      },
    },
    hashtags: ['PlatformEngineering'],
    image: true,
  },
  {
    id: 'post-03',
    kind: 'curated',
    locale: 'ja',
    topics: ['industry'],
    age: 3,
    source: 'テックウィークリー',
    path: 'https://news.example.com/tech-weekly/ja/dx-survey-2026',
    title: '国内企業のクラウド運用、7割が「人手不足」を課題に',
    summary: '運用担当者1,000人への調査で、監視・障害対応の自動化が最優先の投資領域であることが分かった。',
    commentary: {
      ja: {
        default: '運用の人手不足は、どの現場でも切実ですね。自動化に投資する会社が増えているという調査結果、とても納得感があります。',
        x: '運用担当の7割が人手不足を実感。自動化への投資が進んでいるようです。',
      },
    },
    hashtags: ['クラウド運用', 'DX'],
    image: true,
  },
  {
    id: 'post-04',
    kind: 'owned',
    locale: 'en',
    topics: ['engineering'],
    age: 4,
    source: 'Kumo Engineering Blog',
    path: 'en/engineering/postgres-partitioning',
    title: 'How we partitioned 4 TB of metrics in PostgreSQL without downtime',
    summary: 'Our storage team moved the metrics store to declarative partitioning live, one week of data at a time.',
    commentary: {
      en: {
        default:
          'Our storage team moved 4 TB of metrics to partitioned tables with zero downtime. The write-up has every step, including the one that went wrong.',
        x: 'We partitioned 4 TB of PostgreSQL metrics with zero downtime. Here is how:',
      },
      ja: { default: '4TB のメトリクスを無停止で PostgreSQL のパーティションに移行した話です。失敗したところも正直に書いています。' },
    },
    hashtags: ['PostgreSQL', 'Engineering'],
    image: true,
  },
  {
    id: 'post-05',
    kind: 'curated',
    locale: 'ja',
    topics: ['engineering'],
    age: 5,
    source: 'エンジニアリングマガジン',
    path: 'https://news.example.com/eng-magazine/ja/oncall-culture',
    title: 'オンコール当番を「罰ゲーム」にしないための5つの工夫',
    summary: '振り返りの仕組み、手当、ランブックの整備など、当番の負担を減らす取り組みを複数の企業に聞いた。',
    commentary: {
      ja: {
        default:
          'オンコールの負担をどう減らすか、各社の工夫がまとまっていて参考になります。うちのチームでもランブックの見直しから始めています。',
      },
    },
    hashtags: ['オンコール', 'SRE'],
  },
  {
    id: 'post-06',
    kind: 'owned',
    locale: 'ja',
    topics: ['careers'],
    age: 6,
    source: 'クモシステムズ 採用',
    path: 'ja/careers/sre-tokyo',
    title: '【東京】SRE エンジニアを募集しています',
    summary: '大規模なクラウド監視基盤の信頼性を一緒に高めてくれる仲間を探しています。リモート勤務・フレックス制度あり。',
    commentary: {
      ja: {
        default:
          '東京オフィスで SRE を募集しています。ロンドンのチームとも一緒に働ける、落ち着いて技術に向き合える環境です。興味のある方はお気軽にご連絡ください。',
        x: '東京で SRE を募集中です。リモート・フレックスあり。気になる方はぜひ！',
      },
      en: { default: 'We are hiring SREs in Tokyo: remote-friendly, flexible hours, and a team split between Tokyo and London.' },
    },
    hashtags: ['採用', 'SRE', 'エンジニア募集'],
    image: true,
  },
  {
    id: 'post-07',
    kind: 'curated',
    locale: 'en',
    topics: ['industry'],
    age: 7,
    source: 'The Ops Report',
    path: 'https://news.example.com/ops-report/eu-resilience-act',
    title: 'What the EU operational resilience rules mean for SaaS vendors',
    summary: 'Financial customers will soon ask every supplier for incident reporting within hours. Here is what changes.',
    commentary: {
      en: { default: 'If you sell to banks in Europe, incident reporting timelines are about to get much tighter. Clear summary here.' },
    },
    hashtags: ['Resilience', 'FinServ'],
  },
  {
    id: 'post-08',
    kind: 'curated',
    locale: 'ja',
    topics: ['customers', 'industry'],
    age: 9,
    source: '日本ITニュース',
    path: 'https://news.example.com/it-news/ja/retail-cloud',
    title: '小売大手、店舗システムをクラウドへ全面移行　障害検知を数分に短縮',
    summary: '全国800店舗の POS とネットワーク機器をクラウドで一元監視。障害の検知から復旧までの時間が大幅に短くなった。',
    commentary: {
      ja: {
        default: '店舗システムの監視をクラウドで一元化した事例です。障害検知が数分になるのは、現場の負担を考えると大きな変化だと思います。',
        x: '全国800店舗の監視をクラウドで一元化した事例。障害検知が数分に。',
      },
    },
    hashtags: ['小売DX', 'クラウド'],
    image: true,
  },
  {
    id: 'post-09',
    kind: 'owned',
    locale: 'en',
    topics: ['customers'],
    age: 10,
    source: 'Kumo Systems',
    path: 'en/customers/northwind-logistics',
    title: 'Northwind Logistics halves incident response time with Kumo Observe',
    summary: 'A 24/7 logistics network with 300 warehouses now routes every alert to the right on-call engineer in seconds.',
    commentary: {
      en: {
        default:
          'Loved working with the Northwind team on this. Halving incident response time across 300 warehouses is a big deal for the people on call.',
        x: 'Northwind Logistics halved incident response time across 300 warehouses.',
      },
      ja: { default: '300の倉庫を24時間動かす物流企業で、インシデント対応時間を半分にした事例です。' },
    },
    hashtags: ['CustomerStory'],
    image: true,
  },
  {
    id: 'post-10',
    kind: 'promotional',
    locale: 'ja',
    topics: ['product', 'events'],
    age: 11,
    source: 'クモシステムズ',
    path: 'ja/webinar/observe-3-demo',
    title: '【ウェビナー】Kumo Observe 3.0 ライブデモ＆Q&A',
    summary: '新しい相関分析エンジンを実際の画面でご紹介します。参加無料・アーカイブ配信あり。',
    commentary: {
      ja: {
        default:
          '来週、Kumo Observe 3.0 のライブデモを行います。プロダクトチームが直接質問にお答えしますので、気になっている方はぜひご参加ください。',
        x: 'Kumo Observe 3.0 のライブデモやります。参加無料・アーカイブあり。',
      },
    },
    hashtags: ['ウェビナー', 'KumoObserve'],
    image: true,
    expiresAfter: 21,
  },
  {
    id: 'post-11',
    kind: 'curated',
    locale: 'en',
    topics: ['engineering'],
    age: 12,
    source: 'Systems Digest',
    path: 'https://news.example.com/systems-digest/slo-budgets',
    title: 'Error budgets that product managers actually use',
    summary: 'Three companies explain how they made SLOs part of roadmap planning rather than an engineering-only metric.',
    commentary: { en: { default: 'SLOs only work when product and engineering both look at them. Practical examples in this piece.' } },
    hashtags: ['SLO', 'SRE'],
  },
  {
    id: 'post-12',
    kind: 'curated',
    locale: 'ja',
    topics: ['careers'],
    age: 13,
    source: 'キャリアノート',
    path: 'https://news.example.com/career-note/ja/remote-engineers',
    title: 'リモート時代のエンジニア育成、成功している会社の共通点',
    summary: 'ペアプログラミングやドキュメント文化など、オンラインでも学び合える仕組みづくりについて。',
    commentary: {
      ja: { default: 'リモートでもエンジニアが育つ会社の共通点、うなずくところばかりでした。ドキュメントを書く文化は本当に大事ですね。' },
    },
    hashtags: ['エンジニア育成', 'リモートワーク'],
  },
  {
    id: 'post-13',
    kind: 'owned',
    locale: 'en',
    topics: ['careers'],
    age: 14,
    source: 'Kumo Systems Careers',
    path: 'en/careers/london-frontend',
    title: 'We are hiring: Senior Frontend Engineer, London',
    summary: 'Help us build the dashboards that on-call engineers open at 3 a.m. TypeScript, web components, accessibility.',
    commentary: {
      en: {
        default:
          'My team is hiring a Senior Frontend Engineer in London. If you care about accessible, fast dashboards that people rely on at 3 a.m., let us talk.',
        x: 'We are hiring a Senior Frontend Engineer in London. TypeScript, web components, a11y.',
      },
    },
    hashtags: ['Hiring', 'Frontend', 'London'],
    image: true,
  },
  {
    id: 'post-14',
    kind: 'curated',
    locale: 'en',
    topics: ['industry'],
    age: 16,
    source: 'Cloud Native Weekly',
    path: 'https://news.example.com/cloud-native-weekly/finops-observability',
    title: 'Observability bills are the new cloud bills',
    summary: 'Telemetry volumes grew 3x in two years. Teams are sampling, tiering and deleting their way back to budget.',
    commentary: {
      en: { default: 'Telemetry costs are growing faster than compute for many teams. Sensible advice on sampling and retention.' },
    },
    hashtags: ['FinOps', 'Observability'],
    image: true,
  },
  {
    id: 'post-15',
    kind: 'owned',
    locale: 'ja',
    topics: ['engineering'],
    age: 18,
    source: 'クモシステムズ テックブログ',
    path: 'ja/tech/rust-agent',
    title: '監視エージェントを Rust で書き直して、メモリ使用量を 1/5 にした話',
    summary: 'Go で書かれていた収集エージェントを段階的に Rust へ移行。移行の進め方と計測結果をまとめました。',
    commentary: {
      ja: {
        default:
          '監視エージェントを Rust で書き直し、メモリ使用量が 1/5 になりました。段階的に移行した進め方も書いているので、同じことを考えている方の参考になればうれしいです。',
        x: '監視エージェントを Rust で書き直してメモリ 1/5 に。移行の進め方も書きました。',
      },
    },
    hashtags: ['Rust', 'テックブログ'],
    image: true,
    teams: ['team-engineering'],
  },
  {
    id: 'post-16',
    kind: 'curated',
    locale: 'ja',
    topics: ['industry'],
    age: 19,
    source: 'テックウィークリー',
    path: 'https://news.example.com/tech-weekly/ja/ai-ops',
    title: '生成AIは障害対応をどう変えるか　現場エンジニア座談会',
    summary: 'ログの要約や一次切り分けでは効果が出始めている一方、最終判断は人が担うべきという声が多かった。',
    commentary: {
      ja: {
        default: '生成AIで障害対応はどこまで変わるのか、現場の本音が聞ける座談会でした。「最後に判断するのは人」という意見に共感します。',
      },
    },
    hashtags: ['AIOps'],
  },
  {
    id: 'post-17',
    kind: 'curated',
    locale: 'en',
    topics: ['customers', 'industry'],
    age: 21,
    source: 'Retail Tech Today',
    path: 'https://news.example.com/retail-tech/peak-season',
    title: 'How retailers kept checkout online through peak season',
    summary: 'Load testing, feature flags and a clear incident commander role made the difference this year.',
    commentary: { en: { default: 'Peak season is the real test of any platform. Nice roundup of what worked for retailers this year.' } },
    hashtags: ['Retail', 'Reliability'],
  },
  {
    id: 'post-18',
    kind: 'owned',
    locale: 'ja',
    topics: ['customers'],
    age: 23,
    source: 'クモシステムズ',
    path: 'ja/customers/sakura-bank',
    title: 'さくら銀行様：勘定系周辺システムの監視を統合し、運用工数を 30% 削減',
    summary: '複数の監視ツールを Kumo Observe に統合。夜間の一次対応を自動化し、運用チームの負担を大きく減らしました。',
    commentary: {
      ja: {
        default:
          'さくら銀行様の事例を公開しました。金融機関ならではの厳しい要件の中で、運用工数 30% 削減まで一緒に取り組めたことを誇りに思います。',
        x: 'さくら銀行様の事例を公開しました。監視統合で運用工数 30% 削減。',
      },
      en: { default: 'Sakura Bank consolidated its monitoring on Kumo Observe and cut operations effort by 30%.' },
    },
    hashtags: ['導入事例', '金融'],
    image: true,
  },
  {
    id: 'post-19',
    kind: 'curated',
    locale: 'en',
    topics: ['engineering'],
    age: 25,
    source: 'Systems Digest',
    path: 'https://news.example.com/systems-digest/postmortems',
    title: 'Blameless postmortems, five years on',
    summary: 'What changed when teams stopped asking "who" and started asking "how did the system let this happen".',
    commentary: { en: { default: 'Blameless postmortems are easy to announce and hard to practise. Honest look at what it takes.' } },
    hashtags: ['Postmortem', 'SRE'],
  },
  {
    id: 'post-20',
    kind: 'curated',
    locale: 'ja',
    topics: ['events', 'engineering'],
    age: 27,
    source: 'イベントレポート',
    path: 'https://news.example.com/event-report/ja/sre-next',
    title: 'SRE カンファレンス 2026 参加レポート：信頼性は組織で作る',
    summary: '今年のテーマは「組織と信頼性」。登壇者たちが共通して語ったのは、仕組みよりも文化の大切さだった。',
    commentary: {
      ja: { default: '今年の SRE カンファレンスのレポートです。「信頼性は組織で作る」というメッセージが心に残りました。' },
    },
    hashtags: ['SRE', 'イベントレポート'],
  },
  {
    id: 'post-21',
    kind: 'owned',
    locale: 'en',
    topics: ['events'],
    age: 30,
    source: 'Kumo Systems',
    path: 'en/events/london-meetup',
    title: 'Kumo Ops Meetup London: talks and slides',
    summary: 'Recordings and slides from our autumn meetup: incident review at scale, cost-aware telemetry and more.',
    commentary: {
      en: { default: 'Thanks to everyone who came to the Kumo Ops Meetup in London. Recordings and slides are now up.' },
    },
    hashtags: ['Meetup', 'London'],
    image: true,
  },
  {
    id: 'post-22',
    kind: 'curated',
    locale: 'en',
    topics: ['industry'],
    age: 33,
    source: 'The Ops Report',
    path: 'https://news.example.com/ops-report/outage-costs',
    title: 'The real cost of an hour of downtime in 2026',
    summary: 'Mid-size companies now put an hour of downtime at over £250,000 once lost trust is counted.',
    commentary: { en: { default: 'Useful numbers for anyone making the case for reliability work to their leadership.' } },
    hashtags: ['Downtime', 'Reliability'],
  },
  {
    id: 'post-23',
    kind: 'curated',
    locale: 'ja',
    topics: ['careers'],
    age: 36,
    source: 'キャリアノート',
    path: 'https://news.example.com/career-note/ja/sre-career',
    title: 'SRE というキャリア：インフラエンジニアからの転身で見えたこと',
    summary: 'コードで運用を改善する楽しさと難しさを、転身した3人のエンジニアが語る。',
    commentary: {
      ja: {
        default:
          'インフラから SRE へのキャリアについてのインタビューです。私自身も同じ道をたどってきたので、共感するところが多かったです。',
      },
    },
    hashtags: ['キャリア', 'SRE'],
  },
  {
    id: 'post-24',
    kind: 'promotional',
    locale: 'en',
    topics: ['product'],
    age: 40,
    source: 'Kumo Systems',
    path: 'en/trial',
    title: 'Try Kumo Observe free for 30 days',
    summary: 'Connect your first cloud account in five minutes. No credit card required.',
    commentary: {
      en: {
        default: 'If your team is drowning in alerts, Kumo Observe has a 30-day free trial. Setup takes about five minutes.',
        x: 'Kumo Observe: 30-day free trial, five-minute setup.',
      },
    },
    hashtags: ['KumoObserve'],
    image: true,
    networks: ['linkedin', 'x', 'facebook', 'email', 'copy'],
  },
  {
    id: 'post-25',
    kind: 'curated',
    locale: 'ja',
    topics: ['product', 'industry'],
    age: 45,
    source: 'デザインジャーナル',
    path: 'https://news.example.com/design-journal/ja/dashboard-a11y',
    title: '業務ダッシュボードのアクセシビリティ、まず見直したい3つのこと',
    summary: '色だけに頼らない状態表示、キーボード操作、スクリーンリーダーへの配慮。業務システムでも後回しにできない理由。',
    commentary: {
      ja: {
        default:
          '業務用のダッシュボードこそアクセシビリティが大事、という記事です。私たちの製品でも、色だけに頼らない表示を意識しています。',
      },
    },
    hashtags: ['アクセシビリティ'],
  },
  {
    id: 'post-26',
    kind: 'curated',
    locale: 'en',
    topics: ['engineering'],
    age: 50,
    source: 'Cloud Native Weekly',
    path: 'https://news.example.com/cloud-native-weekly/opentelemetry-1',
    title: 'OpenTelemetry logs reach stability',
    summary: 'With logs stable, one open standard now covers traces, metrics and logs end to end.',
    commentary: { en: { default: 'Big milestone for open standards in observability. Traces, metrics and logs now all stable.' } },
    hashtags: ['OpenTelemetry'],
  },
  {
    id: 'post-27',
    kind: 'curated',
    locale: 'ja',
    topics: ['customers', 'industry'],
    age: 56,
    source: '日本ITニュース',
    path: 'https://news.example.com/it-news/ja/manufacturing-iot',
    title: '製造業の IoT 監視、工場のネットワーク障害を予兆段階で検知',
    summary: '振動センサーと通信ログを組み合わせ、ライン停止の前に異常を見つける取り組みが広がっている。',
    commentary: {
      ja: { default: '工場の IoT 監視で、障害を予兆の段階で見つける取り組みの記事です。製造業のお客様との会話でもよく話題になります。' },
    },
    hashtags: ['製造業', 'IoT'],
    teams: ['team-sales'],
  },
  {
    id: 'post-28',
    kind: 'promotional',
    locale: 'ja',
    topics: ['events'],
    age: -3,
    source: 'クモシステムズ',
    path: 'ja/events/kumo-summit-2027',
    title: 'Kumo Summit 2027 参加登録を開始しました',
    summary: '年に一度のユーザーカンファレンスを東京で開催します。早期登録は参加費無料です。',
    commentary: {
      ja: {
        default: '今年も Kumo Summit を東京で開催します！お客様の事例セッションも盛りだくさんです。早期登録は無料なので、ぜひお早めに。',
        x: 'Kumo Summit 2027、参加登録スタート！早期登録は無料です。',
      },
      en: { default: 'Registration for Kumo Summit 2027 in Tokyo is open. Early registration is free.' },
    },
    hashtags: ['KumoSummit'],
    image: true,
  },
  {
    id: 'post-29',
    kind: 'owned',
    locale: 'en',
    topics: ['events'],
    age: 62,
    source: 'Kumo Systems',
    path: 'en/events/sre-day-booth',
    title: 'Meet us at SRE Day London',
    summary: 'Visit stand 14 for live demos and a chat with our engineers.',
    commentary: { en: { default: 'We are at SRE Day London this week. Come and say hello at stand 14.' } },
    hashtags: ['SREDay'],
    expiresAfter: 7,
  },
  {
    id: 'post-30',
    kind: 'curated',
    locale: 'en',
    topics: ['careers'],
    age: 68,
    source: 'Systems Digest',
    path: 'https://news.example.com/systems-digest/oncall-pay',
    title: 'Paying fairly for on-call: a survey of 300 companies',
    summary: 'Flat stipends, per-incident pay and time off in lieu: what engineers prefer and why.',
    commentary: { en: { default: 'How companies compensate on-call work, with real numbers. Good input for anyone designing a rota.' } },
    hashtags: ['OnCall'],
    teams: ['team-engineering', 'team-marketing'],
  },
];

/** A small deterministic generator (mulberry32), so the share history is the same for the same `now`. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How keen each employee is (shares per week on average), from the most to the least active. */
const activity: Record<string, number> = {
  'emp-kenji': 1.4,
  'emp-haruka': 2.6,
  'emp-yui': 2.2,
  'emp-daisuke': 1.0,
  'emp-aoi': 1.8,
  'emp-ren': 0.8,
  'emp-emily': 2.4,
  'emp-james': 1.6,
  'emp-sophie': 1.9,
  'emp-oliver': 0.6,
  'emp-priya': 1.2,
  'emp-tom': 0,
};
const NETWORK_MIX: NetworkId[] = ['linkedin', 'linkedin', 'linkedin', 'x', 'x', 'facebook', 'threads', 'bluesky', 'line', 'hatena', 'copy'];

export interface DemoSeedOptions {
  /**
   * Where the demo's pictures are served, such as `https://intranet.example/demo-images` (the
   * intranet portal example ships them in `public/demo-images/`): a post with a picture gets
   * `<imageBaseUrl>/<post id>.svg`. Without it, posts have no picture (the feed draws its
   * placeholder tile), so the seed never points at a host that does not exist.
   */
  imageBaseUrl?: string;
}

/** The Kumo Systems demo company as of `now`: teams, employees, topics, posts, ten weeks of shares and suggestions. */
export function demoSeed(now: Date = new Date(), options: DemoSeedOptions = {}): DemoSeed {
  const imageBase = options.imageBaseUrl?.replace(/\/+$/, '');
  const t0 = Math.floor(now.getTime() / 60_000) * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const employees: Employee[] = people.map(([id, displayName, team, locale, timeZone, role, accepted], i) => ({
    id,
    displayName,
    team,
    teamName: teamName(team),
    role,
    locale,
    timeZone,
    avatarUrl: null,
    policyAcceptedAt: accepted ? iso(t0 - (80 - i) * DAY) : null,
    policyVersionAccepted: accepted ? 1 : null,
  }));

  const seedPosts: Post[] = posts.map((p) => {
    const publishAt = t0 - p.age * DAY - 9 * HOUR;
    return {
      id: p.id,
      kind: p.kind,
      status: p.age < 0 ? 'scheduled' : 'published',
      title: p.title,
      summary: p.summary,
      url: p.path.startsWith('https://') ? p.path : BLOG + p.path,
      imageUrl: p.image && imageBase ? `${imageBase}/${p.id}.svg` : null,
      source: p.source,
      locale: p.locale,
      suggestedCommentary: p.commentary,
      hashtags: p.hashtags,
      topics: p.topics,
      audience: { teams: p.teams ?? [], roles: [] },
      networks: p.networks ?? [],
      publishAt: iso(publishAt),
      expireAt: p.expiresAfter === undefined ? null : iso(publishAt + p.expiresAfter * DAY),
      createdAt: iso(publishAt - 2 * DAY),
      updatedAt: iso(publishAt - 2 * DAY),
    };
  });

  const random = generator(0x6b756d6f);
  const shares: SeedShare[] = [];
  let conversionNo = 0;
  for (let week = 9; week >= 0; week--) {
    for (const employee of employees) {
      const count = Math.floor(activity[employee.id]! + random());
      for (let n = 0; n < count; n++) {
        const at = t0 - week * 7 * DAY - Math.floor(random() * 7 * DAY) - HOUR;
        const candidates = seedPosts.filter(
          (p) =>
            Date.parse(p.publishAt) < at &&
            (p.expireAt === null || Date.parse(p.expireAt) > at) &&
            (p.audience.teams.length === 0 || p.audience.teams.includes(employee.team)),
        );
        // Newer posts are shared more: pick from the most recent few.
        const post = candidates.sort((a, b) => (a.publishAt < b.publishAt ? 1 : -1))[
          Math.floor(random() ** 2 * Math.min(8, candidates.length))
        ];
        if (!post) continue;
        const allowed = NETWORK_MIX.filter((nw) => post.networks.length === 0 || post.networks.includes(nw));
        const network = allowed[Math.floor(random() * allowed.length)]!;
        const lang = employee.locale.startsWith('ja') ? 'ja' : 'en';
        const texts = post.suggestedCommentary[lang] ?? post.suggestedCommentary[post.locale] ?? {};
        const uniqueClicks = Math.floor(random() ** 2 * 30);
        const conversions: SeedShare['conversions'] = [];
        if (uniqueClicks > 18 && post.kind !== 'curated') {
          conversionNo++;
          conversions.push(
            conversionNo % 3 === 0
              ? { type: 'deal', value: 1_200_000, currency: 'JPY', externalId: `crm-deal-${conversionNo}` }
              : { type: 'lead', value: 0, externalId: `crm-lead-${conversionNo}` },
          );
        }
        shares.push({
          id: `seed-share-${String(shares.length + 1).padStart(3, '0')}`,
          postId: post.id,
          employeeId: employee.id,
          network,
          commentary: texts[network] ?? texts.default ?? '',
          createdAt: iso(Math.max(at, Date.parse(post.publishAt) + HOUR)),
          uniqueClicks,
          conversions,
        });
      }
    }
  }

  const suggestions: Suggestion[] = [
    {
      id: 'sug-pending',
      employeeId: 'emp-yui',
      url: 'https://news.example.com/it-news/ja/hybrid-cloud-survey',
      note: 'ハイブリッドクラウドの運用課題についての調査記事です。営業先でもよく聞く話なので、皆さんにも共有したいです。',
      topics: ['industry'],
      status: 'pending',
      reviewReason: null,
      postId: null,
      createdAt: iso(t0 - 1 * DAY),
      reviewedAt: null,
    },
    {
      id: 'sug-approved',
      employeeId: 'emp-james',
      url: 'https://news.example.com/systems-digest/postmortems',
      note: 'Blameless postmortems, five years on\nA thoughtful piece our customers keep mentioning.',
      topics: ['engineering'],
      status: 'approved',
      reviewReason: null,
      postId: 'post-19',
      createdAt: iso(t0 - 27 * DAY),
      reviewedAt: iso(t0 - 26 * DAY),
    },
    {
      id: 'sug-rejected',
      employeeId: 'emp-ren',
      url: 'https://news.example.com/competitor/pricing',
      note: '競合の価格改定のニュースです。',
      topics: ['industry'],
      status: 'rejected',
      reviewReason: '競合他社の価格に関する話題は、広報のガイドラインで共有を控えています。ご提案ありがとうございました。',
      postId: null,
      createdAt: iso(t0 - 12 * DAY),
      reviewedAt: iso(t0 - 11 * DAY),
    },
  ];

  // A company-wide sprint that is running now, so the demo shows live standings and a prize.
  const contests = [
    {
      id: 'contest-autumn-sprint',
      title: 'Autumn sharing sprint',
      description: 'Every point earned from shares, clicks and leads during the sprint counts.',
      prize: 'Two extra days off for the winner; team lunch for the top five',
      translations: {
        ja: {
          title: '秋のシェアスプリント',
          description: 'スプリント期間中にシェア、クリック、リードで獲得したポイントがすべて対象です。',
          prize: '優勝者に特別休暇2日、上位5人にチームランチ',
        },
      },
      scope: 'company' as const,
      team: null,
      startsAt: iso(t0 - 14 * DAY),
      endsAt: iso(t0 + 14 * DAY),
    },
  ];

  // Pilots: everyone joined at launch except Tom, invited two days ago and yet to answer; three goals.
  const day = (ms: number) => iso(ms).slice(0, 10);
  const members: SeedMember[] = employees.map((employee, i) =>
    employee.id === 'emp-tom'
      ? { employeeId: employee.id, state: 'invited', invitedAt: iso(t0 - 2 * DAY), invitedVia: null, respondedAt: null }
      : {
          employeeId: employee.id,
          state: 'joined',
          invitedAt: iso(t0 - 84 * DAY),
          invitedVia: employee.team,
          respondedAt: iso(t0 - (82 - i) * DAY),
        },
  );
  const goals: SeedGoal[] = [
    {
      id: 'goal-participation',
      title: 'Two in three members share this quarter',
      metric: 'participation',
      target: 0.66,
      from: day(t0 - 30 * DAY),
      to: day(t0 + 60 * DAY),
      team: null,
      createdAt: iso(t0 - 31 * DAY),
    },
    {
      id: 'goal-shares',
      title: '120 shares this month',
      metric: 'shares',
      target: 120,
      from: day(t0 - 20 * DAY),
      to: day(t0 + 10 * DAY),
      team: null,
      createdAt: iso(t0 - 21 * DAY),
    },
    {
      id: 'goal-sales-leads',
      title: 'Sales: 12 conversions from shared links',
      metric: 'conversions',
      target: 12,
      from: day(t0 - 30 * DAY),
      to: day(t0 + 30 * DAY),
      team: 'team-sales',
      createdAt: iso(t0 - 31 * DAY),
    },
  ];

  // Rewards: a catalogue to spend the seeded points on (no requests yet).
  const rewardsAt = iso(t0 - 30 * DAY);
  const reward = (id: string, en: string, ja: string, description: LocalizedText, cost: number, stock: number | null): Reward => ({
    id,
    name: { en, ja },
    description,
    imageUrl: null,
    cost,
    stock,
    startsAt: null,
    endsAt: null,
    team: null,
    active: true,
    createdAt: rewardsAt,
    updatedAt: rewardsAt,
  });
  const rewards: Reward[] = [
    reward(
      'reward-mug',
      'Kumo logo mug',
      'Kumo ロゴ入りマグカップ',
      { en: 'A mug for your desk, sent to your office.', ja: 'オフィスに届く、デスク用のマグカップです。' },
      200,
      25,
    ),
    reward(
      'reward-donation',
      'A donation to Code for Japan',
      'Code for Japan への寄付',
      { en: 'We donate ¥5,000 in your name.', ja: 'あなたの名前で 5,000 円を寄付します。' },
      500,
      null,
    ),
    reward(
      'reward-cto-lunch',
      'Lunch with the CTO',
      'CTO とのランチ',
      { en: 'An hour to talk about anything, over lunch.', ja: 'ランチを食べながら、何でも話せる 1 時間です。' },
      1500,
      2,
    ),
  ];

  return {
    teams: structuredClone(teams),
    employees,
    topics: structuredClone(topics),
    posts: seedPosts,
    shares,
    suggestions,
    contests,
    ...demoPolicy(iso(t0 - 90 * DAY)),
    enrollment: 'open',
    members,
    goals,
    rewards,
  };
}
