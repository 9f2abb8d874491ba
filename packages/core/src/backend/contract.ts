/**
 * The Advocacy Kit contract in TypeScript.
 *
 * These types are the single source of truth that the reference server's OpenAPI document
 * mirrors (a server test fails when the two drift). Every timestamp is an ISO 8601 string in
 * UTC; every id is an opaque string.
 */

/** A BCP 47 language tag. English (`en`) and Japanese (`ja`) ship first. */
export type Locale = string;

/** Text in several languages, keyed by locale (`{ en: 'News', ja: 'ニュース' }`). */
export type LocalizedText = Record<Locale, string>;

/** Networks an employee can share to. `native` is the device's Web Share sheet. */
export type NetworkId =
  | 'linkedin'
  | 'x'
  | 'facebook'
  | 'threads'
  | 'bluesky'
  | 'xing'
  | 'line'
  | 'hatena'
  | 'email'
  | 'copy'
  | 'native';

export const NETWORK_IDS: readonly NetworkId[] = [
  'linkedin',
  'x',
  'facebook',
  'threads',
  'bluesky',
  'xing',
  'line',
  'hatena',
  'email',
  'copy',
  'native',
];

/** The 6-3-1 content mix: six curated, three owned, one promotional. */
export type ContentKind = 'curated' | 'owned' | 'promotional';
export const CONTENT_KINDS: readonly ContentKind[] = ['curated', 'owned', 'promotional'];

export type PostStatus = 'draft' | 'scheduled' | 'published' | 'archived';
export const POST_STATUSES: readonly PostStatus[] = ['draft', 'scheduled', 'published', 'archived'];

export type Role = 'employee' | 'admin';

export interface Team {
  id: string;
  name: string;
}

/** The signed-in employee (`GET /me`). */
export interface Employee {
  id: string;
  displayName: string;
  /** Team id. */
  team: string;
  teamName: string;
  role: Role;
  locale: Locale;
  /** IANA time zone, e.g. `Asia/Tokyo`. */
  timeZone: string;
  avatarUrl: string | null;
  /** When the employee accepted the social-media policy; `null` until they do. */
  policyAcceptedAt: string | null;
}

export interface Topic {
  id: string;
  names: LocalizedText;
}

/** Who may see a post. Empty lists mean everyone. */
export interface Audience {
  teams: string[];
  roles: Role[];
}

/**
 * Suggested commentary per locale, then per network (`default` applies to every network that
 * has no text of its own): `{ ja: { default: '…', x: '…' }, en: { default: '…' } }`.
 */
export type SuggestedCommentary = Record<Locale, Partial<Record<NetworkId | 'default', string>>>;

export interface Post {
  id: string;
  kind: ContentKind;
  status: PostStatus;
  title: string;
  summary: string;
  /** The registered destination: the only URL a tracking link for this post redirects to. */
  url: string;
  imageUrl: string | null;
  /** Display name of the source site, e.g. `Nikkei` or `Company blog`. */
  source: string;
  /** The language the content is written in. */
  locale: Locale;
  suggestedCommentary: SuggestedCommentary;
  hashtags: string[];
  /** Topic ids. */
  topics: string[];
  audience: Audience;
  /** Networks the post may be shared to; empty means every network. */
  networks: NetworkId[];
  publishAt: string;
  expireAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A cursor-paginated list. `nextCursor` is `null` on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageQuery {
  cursor?: string | null;
  /** 1–100; servers default to 20. */
  limit?: number;
}

export interface FeedQuery extends PageQuery {
  /** Only posts with this topic id. */
  topic?: string | null;
  /** Only posts written in this locale. Omit for every language. */
  locale?: Locale | null;
}

export interface ShareInput {
  postId: string;
  network: NetworkId;
  /** The employee's own words; may be empty. */
  commentary: string;
  /** Same key, same share: a retry never creates a second share or a second award. */
  idempotencyKey: string;
}

export interface Share {
  id: string;
  postId: string;
  employeeId: string;
  network: NetworkId;
  commentary: string;
  trackingCode: string;
  /** The short link to put in the shared text, e.g. `https://adv.example.com/r/Xk3…`. */
  trackingUrl: string;
  /** Points this share earned (0 on a repeated share of the same post and network). */
  pointsAwarded: number;
  createdAt: string;
}

export interface TrackingLink {
  code: string;
  postId: string;
  employeeId: string;
  network: NetworkId;
  /** The post's URL with UTM parameters and the referral code. */
  destination: string;
  createdAt: string;
}

export type Period = 'week' | 'month' | 'quarter' | 'all';
export const PERIODS: readonly Period[] = ['week', 'month', 'quarter', 'all'];
export type Scope = 'company' | 'team';
export const SCOPES: readonly Scope[] = ['company', 'team'];

export interface StatsPoint {
  /** Day (`YYYY-MM-DD`, UTC) for week and month; week start for quarter and all. */
  date: string;
  points: number;
  shares: number;
  clicks: number;
}

export interface MyStats {
  period: Period;
  points: number;
  shares: number;
  /** Unique human clicks on the employee's tracking links. */
  clicks: number;
  conversions: number;
  conversionValue: number;
  /** Company-wide rank in the period; `null` without points. */
  rank: number | null;
  series: StatsPoint[];
}

export interface LeaderboardQuery {
  period: Period;
  scope: Scope;
  /** Top N, 1–100; default 10. */
  limit?: number;
}

export interface LeaderboardEntry {
  rank: number;
  employeeId: string;
  displayName: string;
  avatarUrl: string | null;
  team: string;
  teamName: string;
  points: number;
}

export interface Leaderboard {
  period: Period;
  scope: Scope;
  entries: LeaderboardEntry[];
  /** The signed-in employee, even outside the top N; `null` without points. */
  me: LeaderboardEntry | null;
  /** How many employees have points in this period and scope. */
  participants: number;
}

export type PointsReason = 'share' | 'click' | 'conversion' | 'suggestion' | 'adjustment';

/** One append-only row of the points ledger. (reason, reference) is awarded once. */
export interface PointsEntry {
  id: string;
  employeeId: string;
  delta: number;
  reason: PointsReason;
  reference: string;
  createdAt: string;
}

export type SuggestionStatus = 'pending' | 'approved' | 'rejected';

export interface SuggestionInput {
  url: string;
  note: string;
  topics: string[];
}

export interface Suggestion {
  id: string;
  employeeId: string;
  url: string;
  note: string;
  topics: string[];
  status: SuggestionStatus;
  /** The reviewer's reason, shown to the employee on rejection. */
  reviewReason: string | null;
  /** The post created on approval. */
  postId: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

export type EventType = 'feed_view' | 'post_open' | 'share_intent';
export const EVENT_TYPES: readonly EventType[] = ['feed_view', 'post_open', 'share_intent'];

/** A participation event. `id` is generated by the client so the backend counts it once. */
export interface AdvocacyEvent {
  id: string;
  type: EventType;
  at: string;
  postId?: string;
  network?: NetworkId;
}

export interface EventBatchResult {
  accepted: number;
  /** Events whose id the backend had already recorded. */
  duplicates: number;
}

export type ConversionType = 'lead' | 'signup' | 'download' | 'deal';
export const CONVERSION_TYPES: readonly ConversionType[] = ['lead', 'signup', 'download', 'deal'];

export interface ConversionInput {
  /** The referral code carried by the tracking link (`adv_ref` query parameter). */
  code: string;
  type: ConversionType;
  value?: number;
  currency?: string;
  /** The company's own id for this conversion; the same id is counted once. */
  externalId: string;
}

export interface Conversion {
  id: string;
  code: string;
  postId: string;
  employeeId: string;
  type: ConversionType;
  value: number;
  currency: string | null;
  externalId: string;
  createdAt: string;
}

/* ---------------------------------------------------------------- admin */

export interface PostInput {
  kind: ContentKind;
  title: string;
  summary: string;
  url: string;
  imageUrl?: string | null;
  source?: string;
  locale: Locale;
  suggestedCommentary?: SuggestedCommentary;
  hashtags?: string[];
  topics?: string[];
  audience?: Audience;
  networks?: NetworkId[];
  /** Omit to publish now. A future time schedules the post. */
  publishAt?: string | null;
  expireAt?: string | null;
  /** `draft` keeps it hidden; `published` (default) publishes at `publishAt`. */
  status?: 'draft' | 'published';
}

export interface AdminPostQuery extends PageQuery {
  status?: PostStatus | null;
  /** Case-insensitive match on title, summary and URL. */
  q?: string | null;
  topic?: string | null;
  kind?: ContentKind | null;
}

/** A post's results since it was created, for the admin content list. */
export interface PostMetrics {
  shares: number;
  /** Unique human clicks on the post's tracking links. */
  clicks: number;
  conversions: number;
  conversionValue: number;
}

/** A post as program admins list it: with its results so far. */
export interface AdminPost extends Post {
  metrics: PostMetrics;
}

/** A suggestion as program admins review it: with who sent it. */
export interface AdminSuggestion extends Suggestion {
  /** The suggesting employee's display name. */
  employeeName: string;
}

export interface SuggestionQuery extends PageQuery {
  status?: SuggestionStatus | null;
}

export type SuggestionReview =
  | { decision: 'approve'; post?: Partial<PostInput> }
  | { decision: 'reject'; reason: string };

export interface AnalyticsQuery {
  /** Inclusive ISO dates or timestamps. */
  from: string;
  to: string;
}

export interface Breakdown {
  key: string;
  shares: number;
  clicks: number;
  conversions: number;
}

/** One of the window's most active advocates. */
export interface TopAdvocate {
  employeeId: string;
  displayName: string;
  /** Team id, or null. */
  team: string | null;
  /** Shares in the window (the ranking). */
  shares: number;
  /** Unique human clicks in the window on this employee's links. */
  clicks: number;
}

/** One of the window's best performing posts. */
export interface TopPost {
  postId: string;
  title: string;
  kind: ContentKind;
  shares: number;
  /** Unique human clicks in the window (the ranking, then shares). */
  clicks: number;
  conversions: number;
}

export interface AnalyticsSummary {
  from: string;
  to: string;
  /** Employees who shared at least once in the window. */
  activeAdvocates: number;
  /** Employees who could share. */
  employees: number;
  /** activeAdvocates / employees, 0–1. */
  participationRate: number;
  shares: number;
  /** Sum of an estimated audience per share (a proxy, documented by each backend). */
  estimatedReach: number;
  uniqueClicks: number;
  conversions: number;
  conversionValue: number;
  byTopic: Breakdown[];
  byNetwork: Breakdown[];
  byTeam: Breakdown[];
  byKind: Breakdown[];
  byDay: Array<Breakdown & { key: string }>;
  /**
   * Up to 10 employees by shares in the window (ties: employee id), with the
   * unique clicks their links earned in it.
   */
  topAdvocates: TopAdvocate[];
  /** Up to 10 posts by unique clicks in the window (ties: more shares, then post id). */
  topPosts: TopPost[];
}

/** A link's preview from its Open Graph tags (`POST /admin/link-preview`), for the post editor. */
export interface LinkPreview {
  /** The link asked for. */
  url: string;
  /** Where the last redirect led. */
  finalUrl: string;
  title: string | null;
  description: string | null;
  imageUrl: string | null;
  siteName: string | null;
}

/* ---------------------------------------------------------------- engagement */

/** Badges an employee can earn. Their names and descriptions are localised by the UI. */
export type BadgeId = 'first_share' | 'ten_shares' | 'first_conversion' | 'streak';

/** One badge and where the signed-in employee stands on it. Each badge is awarded once. */
export interface Badge {
  id: BadgeId;
  /** When it was earned; `null` while it is not. */
  awardedAt: string | null;
  /** Progress toward it (shares, conversions or consecutive weeks with a share) of `target`. */
  progress: number;
  target: number;
}

export interface BadgeList {
  items: Badge[];
}

export type ContestStatus = 'scheduled' | 'active' | 'ended';

/** A points contest over a date range, for the whole company or one team. */
export interface Contest {
  id: string;
  title: string;
  description: string;
  /** What the winner gets, as the program admin wrote it. */
  prize: string;
  scope: Scope;
  /** The team competing when `scope` is `team`. */
  team: string | null;
  startsAt: string;
  endsAt: string;
  status: ContestStatus;
  /** True once the contest ended and its leaderboard was stored: it no longer changes. */
  final: boolean;
  /** Top entries by points earned between `startsAt` and `endsAt`. */
  entries: LeaderboardEntry[];
  /** The signed-in employee's standing; `null` without points in the contest. */
  me: LeaderboardEntry | null;
}

export interface ContestList {
  items: Contest[];
}

export interface ContestInput {
  title: string;
  description?: string;
  prize: string;
  scope: Scope;
  /** Required when `scope` is `team`. */
  team?: string;
  startsAt: string;
  endsAt: string;
}

/** What the employee agreed to receive. */
export interface Preferences {
  /** The weekly digest (Monday morning, local time). */
  digest: boolean;
  /** A reminder after some days without a share. */
  nudges: boolean;
}

export interface PreferencesInput {
  digest?: boolean;
  nudges?: boolean;
}

/* ---------------------------------------------------------------- errors */

/** RFC 9457 problem details as the HTTP contract returns them. */
export interface ProblemDetails {
  /** A stable URI, e.g. `https://advocacy-kit.dev/problems/validation`. */
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Per-field errors for validation problems. */
  errors?: FieldError[];
}

export interface FieldError {
  /** JSON pointer or dotted path of the field, e.g. `commentary` or `topics.0`. */
  field: string;
  message: string;
  /** Machine-readable reason, e.g. `required`, `too_long`, `invalid_url`. */
  code?: string;
}
