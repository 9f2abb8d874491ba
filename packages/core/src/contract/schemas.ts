/**
 * Every resource of the HTTP contract as a JSON Schema (2020-12, as OpenAPI 3.1 uses it), built
 * with TypeBox. Core's TypeScript types are `Static<>` of these (../backend/contract.ts), the
 * server validates requests with them, and the OpenAPI document names them as components
 * (./openapi.ts). Responses carry every field; request objects reject unknown fields.
 */
import { Type, type Static, type TOptional, type TSchema } from '@sinclair/typebox';
import {
  BADGE_IDS,
  CONTENT_KINDS,
  CONTEST_STATUSES,
  CONVERSION_TYPES,
  DELIVERY_CHANNELS,
  DELIVERY_KINDS,
  DELIVERY_STATUSES,
  EMPLOYEE_STATUSES,
  ENROLLMENT_MODES,
  GOAL_METRICS,
  GOAL_STATUSES,
  INVITATION_DECISIONS,
  MEMBER_STATES,
  EVENT_TYPES,
  NETWORK_IDS,
  PERIODS,
  POINTS_REASONS,
  POST_STATUSES,
  PROBLEM_SLUGS,
  REWARD_REQUEST_STATUSES,
  ROLES,
  SCOPES,
  SMTP_SECURITY,
  SUGGESTION_STATUSES,
  SUPPORTED_LOCALES,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
} from './enums.js';
import { CONVERSION_VALUE_CEILING, DEFAULT_CONVERSIONS } from '../rules/conversions.js';
import { DEFAULT_POINTS } from '../rules/points.js';

/* ------------------------------------------------------------ building blocks */

type Options = Record<string, unknown>;

/** A string from a closed set: `{ type: 'string', enum: [...] }`. */
export const StringEnum = <const T extends readonly string[]>(values: T, options: Options = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

/** A primitive that may also be `null`, as one `type: [..., 'null']` (one error per bad value). */
const OrNull = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type as string, 'null'] });
/** An object schema (a component) or `null`. */
const RefOrNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Str = (options: Options = {}) => Type.String(options);
const Int = (options: Options = {}) => Type.Integer(options);
const Num = (options: Options = {}) => Type.Number(options);
const DateTime = (options: Options = {}) => Type.String({ format: 'date-time', ...options });
const Id = Str({ minLength: 1, maxLength: 200 });
const HttpUrl = Str({ format: 'uri', pattern: '^https?://', maxLength: 2048 });
const LocalePattern = '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$';

/** A response object: every property required, nothing else allowed. */
const Record_ = <P extends Record<string, TSchema>>(properties: P, options: Options = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

/** A cursor-paginated list of `item`. */
const PageOf = <T extends TSchema>(item: T) => Record_({ items: Type.Array(item), nextCursor: OrNull(Str()) });
/** A plain list of `item`. */
const ListOf = <T extends TSchema>(item: T) => Record_({ items: Type.Array(item) });

/* ------------------------------------------------------------ shared */

export const NetworkId = StringEnum(NETWORK_IDS);
export const ContentKind = StringEnum(CONTENT_KINDS);
export const PostStatus = StringEnum(POST_STATUSES);
export const Role = StringEnum(ROLES);
export const Period = StringEnum(PERIODS);
export const Scope = StringEnum(SCOPES);

export const LocalizedText = Type.Unsafe<Record<string, string>>({
  type: 'object',
  description: 'Text keyed by BCP 47 locale.',
  additionalProperties: { type: 'string', maxLength: 2000 },
  propertyNames: { pattern: LocalePattern },
});

export const SuggestedCommentary = Type.Unsafe<Record<string, Partial<Record<Static<typeof NetworkId> | 'default', string>>>>({
  type: 'object',
  description: 'Per locale, then per network (`default` for every network without its own text).',
  propertyNames: { pattern: LocalePattern },
  additionalProperties: {
    type: 'object',
    propertyNames: { enum: [...NETWORK_IDS, 'default'] },
    additionalProperties: { type: 'string', maxLength: 3000 },
  },
});

export const FieldError = Type.Object(
  {
    field: Str({ description: 'JSON pointer or dotted path of the field, e.g. `commentary` or `topics.0`.' }),
    message: Str(),
    code: Type.Optional(Str({ description: 'Machine-readable reason, e.g. `required`, `too_long`, `invalid_url`.' })),
  },
  { additionalProperties: false },
);

export const ProblemDetails = Type.Object(
  {
    type: Str({
      format: 'uri',
      description: `A stable URI, \`https://advocacy-kit.dev/problems/<slug>\`; slugs: ${PROBLEM_SLUGS.map((slug) => `\`${slug}\``).join(', ')}.`,
    }),
    title: Str(),
    status: Int(),
    detail: Type.Optional(Str()),
    instance: Type.Optional(Str()),
    errors: Type.Optional(Type.Array(FieldError, { description: 'Per-field errors for validation problems.' })),
    blockedTerms: Type.Optional(
      Type.Array(Type.Object({ term: Str(), reason: Str() }, { additionalProperties: false }), {
        description: 'The blocked terms found, with their reasons (`blocked_terms` problems).',
      }),
    ),
  },
  { additionalProperties: false, description: 'RFC 9457 problem details.' },
);

/* ------------------------------------------------------------ people and content */

export const Team = Record_({ id: Str(), name: Str() });

export const Employee = Record_({
  id: Str(),
  displayName: Str(),
  team: Str({ description: 'Team id.' }),
  teamName: Str(),
  role: Role,
  locale: Str({ description: 'BCP 47 language tag.' }),
  timeZone: Str({ description: 'IANA time zone, e.g. `Asia/Tokyo`.' }),
  avatarUrl: OrNull(Str()),
  policyAcceptedAt: OrNull(
    DateTime({ description: 'When the employee accepted the social-media policy (the version in `policyVersionAccepted`).' }),
  ),
  policyVersionAccepted: OrNull(
    Int({ minimum: 1, description: 'The policy version the employee accepted last; sharing needs the current one (`GET /compliance`).' }),
  ),
});

export const Topic = Record_({ id: Str(), names: LocalizedText });

export const Audience = Record_(
  { teams: Type.Array(Id, { maxItems: 200 }), roles: Type.Array(Role) },
  { description: 'Who may see a post; empty lists mean everyone.' },
);

const postProperties = {
  id: Str(),
  kind: ContentKind,
  status: PostStatus,
  title: Str(),
  summary: Str(),
  url: Str({ description: 'The registered destination: the only URL a tracking link for this post redirects to.' }),
  imageUrl: OrNull(Str()),
  source: Str({ description: 'Display name of the source site.' }),
  locale: Str({ description: 'The language the content is written in.' }),
  suggestedCommentary: SuggestedCommentary,
  hashtags: Type.Array(Str()),
  topics: Type.Array(Str(), { description: 'Topic ids.' }),
  audience: Audience,
  networks: Type.Array(NetworkId, { description: 'Networks the post may be shared to; empty means every network.' }),
  publishAt: DateTime(),
  expireAt: OrNull(DateTime()),
  createdAt: DateTime(),
  updatedAt: DateTime(),
  sharedNetworks: Type.Optional(
    Type.Array(NetworkId, {
      description:
        'The networks the signed-in employee already shared this post to (feed and post reads of an employee; absent elsewhere).',
    }),
  ),
};

export const Post = Record_(postProperties);

export const PostMetrics = Record_({
  shares: Int(),
  clicks: Int({ description: "Unique human clicks on the post's tracking links." }),
  conversions: Int(),
  conversionValue: Num(),
});

export const AdminPost = Record_(
  { ...postProperties, metrics: PostMetrics },
  { description: 'A post with its results since it was created.' },
);

const postInputProperties = {
  kind: ContentKind,
  title: Str({ minLength: 1, maxLength: 300 }),
  summary: Str({ maxLength: 2000 }),
  url: HttpUrl,
  imageUrl: Type.Optional(OrNull(HttpUrl)),
  source: Type.Optional(Str({ maxLength: 200 })),
  locale: Str({ minLength: 2, maxLength: 35 }),
  suggestedCommentary: Type.Optional(SuggestedCommentary),
  hashtags: Type.Optional(Type.Array(Str({ minLength: 1, maxLength: 100 }), { maxItems: 30 })),
  topics: Type.Optional(Type.Array(Id, { maxItems: 30 })),
  audience: Type.Optional(Audience),
  networks: Type.Optional(Type.Array(NetworkId, { uniqueItems: true })),
  publishAt: Type.Optional(OrNull(DateTime({ description: 'Omit to publish now; a future time schedules the post.' }))),
  expireAt: Type.Optional(OrNull(DateTime())),
  status: Type.Optional(
    StringEnum(['draft', 'published'] as const, {
      description: '`draft` keeps it hidden; `published` (default) publishes at `publishAt`.',
    }),
  ),
};

export const PostInput = Type.Object(postInputProperties, { additionalProperties: false });
export const PostPatch = Type.Partial(PostInput, { additionalProperties: false, minProperties: 1 });

/* ------------------------------------------------------------ sharing and tracking */

export const ShareCreate = Type.Object(
  { postId: Id, network: NetworkId, commentary: Str({ maxLength: 3000, description: "The employee's own words; may be empty." }) },
  { additionalProperties: false },
);

export const Share = Record_({
  id: Str(),
  postId: Str(),
  employeeId: Str(),
  network: NetworkId,
  commentary: Str(),
  trackingCode: Str(),
  trackingUrl: Str({ format: 'uri', description: 'The short link to put in the shared text.' }),
  pointsAwarded: Int({ minimum: 0, description: 'Points this share earned (0 on a repeated share of the same post and network).' }),
  createdAt: DateTime(),
});

export const TrackingLink = Record_({
  code: Str(),
  postId: Str(),
  employeeId: Str(),
  network: NetworkId,
  destination: Str({ format: 'uri', description: 'The post URL with UTM parameters and the referral code.' }),
  createdAt: DateTime(),
});

/* ------------------------------------------------------------ points */

export const StatsPoint = Record_({
  date: Str({ format: 'date', description: 'Day (UTC) for week and month; week start for quarter and all.' }),
  points: Int(),
  shares: Int(),
  clicks: Int(),
});

export const MyStats = Record_({
  period: Period,
  points: Int(),
  shares: Int(),
  clicks: Int({ description: "Unique human clicks on the employee's tracking links." }),
  conversions: Int(),
  conversionValue: Num(),
  rank: OrNull(Int({ minimum: 1, description: 'Company-wide rank in the period; null without points.' })),
  series: Type.Array(StatsPoint),
});

export const LeaderboardEntry = Record_({
  rank: Int({ minimum: 1 }),
  employeeId: Str(),
  displayName: Str(),
  avatarUrl: OrNull(Str()),
  team: Str(),
  teamName: Str(),
  points: Int(),
});

export const Leaderboard = Record_({
  period: Period,
  scope: Scope,
  entries: Type.Array(LeaderboardEntry),
  me: RefOrNull(LeaderboardEntry),
  participants: Int({ minimum: 0, description: 'How many employees have points in this period and scope.' }),
  anonymous: Type.Optional(
    Type.Boolean({
      description:
        'The anonymous mode is on: only employees who opted in (`showOnLeaderboard`) are listed, so the UI can offer the opt-in. Absent means off.',
    }),
  ),
});

export const PointsEntry = Record_(
  {
    id: Str(),
    employeeId: Str(),
    delta: Int(),
    reason: StringEnum(POINTS_REASONS),
    reference: Str(),
    createdAt: DateTime(),
    note: Type.Optional(OrNull(Str({ description: 'Why, in words: the admin’s reason for a `manual` row.' }))),
  },
  { description: 'One append-only row of the points ledger; (reason, reference) is awarded once.' },
);

/* ------------------------------------------------------------ suggestions */

export const SuggestionInput = Type.Object(
  { url: HttpUrl, note: Str({ maxLength: 1000 }), topics: Type.Array(Id, { maxItems: 20 }) },
  { additionalProperties: false },
);

const suggestionProperties = {
  id: Str(),
  employeeId: Str(),
  url: Str(),
  note: Str(),
  topics: Type.Array(Str()),
  status: StringEnum(SUGGESTION_STATUSES),
  reviewReason: OrNull(Str({ description: "The reviewer's reason, shown to the employee on rejection." })),
  postId: OrNull(Str({ description: 'The post created on approval.' })),
  createdAt: DateTime(),
  reviewedAt: OrNull(DateTime()),
};

export const Suggestion = Record_(suggestionProperties);
export const AdminSuggestion = Record_(
  { ...suggestionProperties, employeeName: Str() },
  { description: "A suggestion with the suggesting employee's name." },
);

export const SuggestionReview = Type.Union([
  Type.Object({ decision: Type.Literal('approve'), post: Type.Optional(PostPatch) }, { additionalProperties: false }),
  Type.Object({ decision: Type.Literal('reject'), reason: Str({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
]);

/* ------------------------------------------------------------ events and conversions */

export const AdvocacyEvent = Type.Object(
  {
    id: Str({ minLength: 1, maxLength: 100, description: 'Generated by the client so the backend counts it once.' }),
    type: StringEnum(EVENT_TYPES),
    at: DateTime(),
    postId: Type.Optional(Id),
    network: Type.Optional(NetworkId),
  },
  { additionalProperties: false },
);

export const EventBatch = Type.Object(
  { events: Type.Array(AdvocacyEvent, { maxItems: 500 }), accessToken: Type.Optional(Str({ maxLength: 8192 })) },
  { additionalProperties: false },
);

export const EventBatchResult = Record_({
  accepted: Int({ minimum: 0 }),
  duplicates: Int({ minimum: 0, description: 'Events whose id the backend had already recorded.' }),
});

export const ConversionInput = Type.Object(
  {
    code: Str({ minLength: 1, maxLength: 64, description: 'The referral code carried by the tracking link (`adv_ref`).' }),
    type: StringEnum(CONVERSION_TYPES),
    value: Type.Optional(
      Num({
        minimum: 0,
        maximum: CONVERSION_VALUE_CEILING,
        description:
          `What the conversion is worth, in \`currency\` units (required with a value). A backend bounds it: the reference server ` +
          `refuses more than its \`rules.conversions.maxValue\` (\`CONVERSION_MAX_VALUE\`, default ${DEFAULT_CONVERSIONS.maxValue}) ` +
          'with a field error on `value`.',
      }),
    ),
    currency: Type.Optional(
      Str({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code of `value`, e.g. EUR; required whenever `value` is given.' }),
    ),
    externalId: Str({
      minLength: 1,
      maxLength: 200,
      description:
        "The reporting system's own id for this conversion: counted once per source (the API key's source name), so another " +
        'system reusing the id cannot claim it. The same id with the same details answers 200; with other details, 409.',
    }),
  },
  {
    additionalProperties: false,
    dependentRequired: { value: ['currency'] },
    description:
      "A conversion reported by one of the company's systems (CRM, shop, website backend) with its `X-Api-Key`; never by an employee's token.",
  },
);

export const Conversion = Record_({
  id: Str(),
  code: Str(),
  postId: Str(),
  employeeId: Str(),
  type: StringEnum(CONVERSION_TYPES),
  value: Num(),
  currency: OrNull(Str()),
  externalId: Str(),
  source: Str({ description: 'The system that reported it: the source name of its API key; `externalId` is unique per source.' }),
  createdAt: DateTime(),
});

/* ------------------------------------------------------------ analytics */

export const Breakdown = Record_({ key: Str(), shares: Int(), clicks: Int(), conversions: Int() });

export const TopAdvocate = Record_({
  employeeId: Str(),
  displayName: Str(),
  team: OrNull(Str({ description: 'Team id.' })),
  shares: Int({ description: 'Shares in the window (the ranking).' }),
  clicks: Int({ description: "Unique human clicks in the window on this employee's links." }),
});

export const TopPost = Record_({
  postId: Str(),
  title: Str(),
  kind: ContentKind,
  shares: Int(),
  clicks: Int({ description: 'Unique human clicks in the window (the ranking, then shares).' }),
  conversions: Int(),
});

export const CurrencyValue = Record_(
  {
    currency: Str({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR.' }),
    value: Num({ minimum: 0, description: 'The conversions’ values in this currency, added up.' }),
  },
  { description: 'Conversion value in one currency.' },
);

export const AnalyticsSummary = Record_({
  from: Str(),
  to: Str(),
  activeAdvocates: Int({ minimum: 0, description: 'Employees who shared at least once in the window.' }),
  employees: Int({ minimum: 0, description: 'Employees who could share.' }),
  participationRate: Num({ minimum: 0, maximum: 1 }),
  shares: Int(),
  estimatedReach: Int({ description: 'Sum over shares of the network’s assumed audience per share (see the server README).' }),
  uniqueClicks: Int(),
  conversions: Int(),
  conversionValue: Num({
    description:
      'The values of the conversions in the window added up across currencies (kept for compatibility): show ' +
      '`conversionValueByCurrency` instead.',
  }),
  conversionValueByCurrency: Type.Optional(
    Type.Array(CurrencyValue, {
      description:
        'The value of the conversions in the window per currency, one entry per currency seen, by value descending ' +
        '(ties: currency code); conversions without a currency are not counted. The reference server and the memory ' +
        'backend always send it; a client falls back on `conversionValue` when it is absent.',
    }),
  ),
  byTopic: Type.Array(Breakdown),
  byNetwork: Type.Array(Breakdown),
  byTeam: Type.Array(Breakdown),
  byKind: Type.Array(Breakdown),
  byDay: Type.Array(Breakdown),
  topAdvocates: Type.Array(TopAdvocate, { description: 'Up to 10 employees by shares in the window (ties: employee id).' }),
  topPosts: Type.Array(TopPost, { description: 'Up to 10 posts by unique clicks in the window (ties: more shares, then post id).' }),
});

export const LinkPreviewRequest = Type.Object({ url: Str({ format: 'uri', maxLength: 2048 }) }, { additionalProperties: false });

export const LinkPreview = Record_(
  {
    url: Str({ format: 'uri', description: 'The link asked for.' }),
    finalUrl: Str({ format: 'uri', description: 'Where the last redirect led.' }),
    title: OrNull(Str()),
    description: OrNull(Str()),
    imageUrl: OrNull(Str({ format: 'uri' })),
    siteName: OrNull(Str()),
  },
  { description: "A link's preview from its Open Graph tags, for the post editor." },
);

/* ------------------------------------------------------------ engagement */

export const Badge = Record_({
  id: StringEnum(BADGE_IDS),
  awardedAt: OrNull(DateTime({ description: 'When it was earned; null while it is not.' })),
  progress: Int({ minimum: 0 }),
  target: Int({ minimum: 1 }),
});

/** A contest's title, description and prize in other languages than the default text. */
export const ContestTranslations = Type.Unsafe<Record<string, { title?: string; description?: string; prize?: string }>>({
  type: 'object',
  description:
    'The title, description and prize per BCP 47 locale; each is optional, and what a locale lacks falls back to its language (`ja` for `ja-JP`), then to the default text (`title`, `description`, `prize`).',
  maxProperties: 20,
  propertyNames: { pattern: LocalePattern },
  additionalProperties: {
    type: 'object',
    additionalProperties: false,
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
      description: { type: 'string', maxLength: 2000 },
      prize: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' },
    },
  },
});

export const Contest = Record_({
  id: Str(),
  title: Str({ description: 'The default text, shown where `translations` has nothing for the reader’s language.' }),
  description: Str(),
  prize: Str({ description: 'What the winner gets, as the program admin wrote it.' }),
  translations: Type.Optional(ContestTranslations),
  scope: Scope,
  team: OrNull(Str({ description: 'The team competing when `scope` is `team`.' })),
  startsAt: DateTime(),
  endsAt: DateTime(),
  status: StringEnum(CONTEST_STATUSES),
  final: Type.Boolean({ description: 'The contest ended and its leaderboard is stored: it no longer changes.' }),
  entries: Type.Array(LeaderboardEntry),
  me: RefOrNull(LeaderboardEntry),
});

export const ContestInput = Type.Object(
  {
    title: Str({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Str({ maxLength: 2000 })),
    prize: Str({ minLength: 1, maxLength: 500 }),
    scope: Scope,
    team: Type.Optional(Str({ minLength: 1, maxLength: 200, description: 'Required when scope is team.' })),
    startsAt: DateTime(),
    endsAt: DateTime(),
    translations: Type.Optional(ContestTranslations),
  },
  { additionalProperties: false },
);

export const Preferences = Record_({
  digest: Type.Boolean({ description: 'The weekly digest (Monday morning, local time).' }),
  nudges: Type.Boolean({ description: 'A reminder after some days without a share.' }),
  showOnLeaderboard: Type.Optional(
    Type.Boolean({
      description:
        'Whether the employee is listed by name when the leaderboard is anonymous (off until they opt in; absent means off). Their own rank is always shown to them.',
    }),
  ),

  locale: Type.Optional(
    StringEnum(SUPPORTED_LOCALES, {
      description: 'The language the employee reads the program in; kept over what sign-in says once chosen.',
    }),
  ),
  timeZone: Type.Optional(
    Str({
      minLength: 1,
      maxLength: 64,
      description: 'The employee’s IANA time zone, e.g. `Asia/Tokyo`; kept over what sign-in says once chosen.',
    }),
  ),
});

export const PreferencesInput = Type.Partial(Preferences, { additionalProperties: false, minProperties: 1 });

export const Cap = Record_({ name: Str(), limit: Int(), unit: Str(), description: Str() });

/* ------------------------------------------------------------ webhooks */

export const WebhookEventType = StringEnum(WEBHOOK_EVENT_TYPES);
const webhookEndpointProperties = {
  id: Str(),
  url: Str({ format: 'uri' }),
  description: Str(),
  events: Type.Array(WebhookEventType),
  active: Type.Boolean(),
  createdAt: DateTime(),
  updatedAt: DateTime(),
};
const webhookEvents = Type.Array(WebhookEventType, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true });

export const WebhookEndpoint = Record_(webhookEndpointProperties);
export const WebhookEndpointCreated = Record_({
  ...webhookEndpointProperties,
  secret: Str({
    description:
      'Signing secret, `whsec_` and the base64 of the HMAC key, as the Standard Webhooks libraries take it; shown only in this response.',
  }),
});
export const WebhookEndpointCreate = Type.Object(
  { url: Str({ format: 'uri', maxLength: 2048 }), events: webhookEvents, description: Type.Optional(Str({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const WebhookEndpointUpdate = Type.Object(
  {
    url: Type.Optional(Str({ format: 'uri', maxLength: 2048 })),
    events: Type.Optional(webhookEvents),
    description: Type.Optional(Str({ maxLength: 500 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const WebhookDelivery = Record_({
  id: Str(),
  endpointId: Str(),
  eventId: Str({ description: 'Same for every attempt and replay of one event: dedupe on it.' }),
  eventType: WebhookEventType,
  status: StringEnum(WEBHOOK_DELIVERY_STATUSES),
  attempts: Int({ minimum: 0 }),
  nextAttemptAt: OrNull(DateTime()),
  responseStatus: OrNull(Int()),
  responseBody: OrNull(Str({ description: 'The first 1 KB of the last answer.' })),
  error: OrNull(Str()),
  replayOf: OrNull(Str()),
  createdAt: DateTime(),
  updatedAt: DateTime(),
  deliveredAt: OrNull(DateTime()),
});

/* ------------------------------------------------------------ demo sign-in */

/* ------------------------------------------------------------ health (outside the API prefix) */

export const HealthLive = Record_({ status: StringEnum(['ok']) }, { description: 'The process answers.' });
export const HealthCheck = Record_(
  {
    ok: Type.Boolean(),
    detail: Type.Optional(Str({ description: 'Why it is not fine, in words, or what was seen.' })),
    value: Type.Optional(Num({ description: 'A measurement: milliseconds, clicks waiting, bytes free…' })),
  },
  { description: 'One readiness check.' },
);
export const HealthReady = Record_(
  {
    status: StringEnum(['ok', 'unavailable']),
    database: StringEnum(['sqlite', 'postgres']),
    checks: Type.Record(Str(), HealthCheck, {
      description:
        '`database` (a write within 2 s, room to grow), `clicks` (answered, not yet written), `engagement` and `webhooks` (scheduler lag), and any a deployment adds.',
    }),
  },
  { description: 'Whether this instance can do its work; 503 with the same body when not.' },
);

export const DemoTokenRequest = Type.Object({ employeeId: Id }, { additionalProperties: false });
export const DemoToken = Record_({ token: Str(), employee: Employee });

/* ------------------------------------------------------------ lists */

export const PostPage = PageOf(Post);
export const AdminPostPage = PageOf(AdminPost);
export const SharePage = PageOf(Share);
export const PointsPage = PageOf(PointsEntry);
export const SuggestionPage = PageOf(Suggestion);
export const AdminSuggestionPage = PageOf(AdminSuggestion);
export const WebhookDeliveryPage = PageOf(WebhookDelivery);
export const TopicList = ListOf(Topic);
export const TeamList = ListOf(Team);
export const EmployeeList = ListOf(Employee);
export const BadgeList = ListOf(Badge);
export const ContestList = ListOf(Contest);
export const CapList = ListOf(Cap);
export const WebhookEndpointList = ListOf(WebhookEndpoint);

/* ------------------------------------------------------------ people: topics, teams and the employee directory */

const Slug = Str({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$', description: 'Lower-case letters, digits, `-` and `_`; at most 63.' });
/** A name per locale: at least one, each 1–100 characters. */
const Names = Type.Unsafe<Record<string, string>>({
  type: 'object',
  description: 'The name keyed by BCP 47 locale; at least one.',
  minProperties: 1,
  maxProperties: 50,
  additionalProperties: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
  propertyNames: { pattern: LocalePattern },
});
const Position = Int({ minimum: 0, maximum: 1_000_000, description: 'Lists sort by position, then id.' });

export const AdminTopic = Record_({
  id: Str(),
  names: LocalizedText,
  position: Int(),
  archivedAt: OrNull(DateTime({ description: 'Archived topics leave the lists and pickers; posts keep them.' })),
});
export const AdminTeam = Record_({
  id: Str(),
  name: Str({ description: 'The default name (English, or the first given).' }),
  names: LocalizedText,
  position: Int(),
  archivedAt: OrNull(DateTime({ description: 'Archived teams leave the lists and pickers; shares and rollups keep them.' })),
});
export const TaxonomyCreate = Type.Object(
  { id: Type.Optional(Slug), names: Names, position: Type.Optional(Position) },
  { additionalProperties: false, description: 'A new topic or team; without an id, one is made. Without a position, it goes last.' },
);
export const TaxonomyPatch = Type.Object(
  { names: Type.Optional(Names), position: Type.Optional(Position), archived: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1, description: 'Rename (the names replace the old ones), reorder, archive or restore.' },
);

export const EmployeeStatus = StringEnum(EMPLOYEE_STATUSES);
export const AdminEmployee = Record_(
  {
    id: Str(),
    displayName: Str(),
    email: OrNull(Str()),
    team: Str({ description: 'Team id.' }),
    teamName: Str(),
    role: Role,
    locale: Str({ description: 'BCP 47 language tag.' }),
    timeZone: Str({ description: 'IANA time zone.' }),
    status: EmployeeStatus,
    lastActiveAt: OrNull(DateTime({ description: 'Last use of the API, to the hour.' })),
    deactivatedAt: OrNull(DateTime()),
    createdAt: DateTime(),
  },
  { description: 'An employee as the program directory shows them.' },
);
export const EmployeePatch = Type.Object(
  { role: Type.Optional(Role), team: Type.Optional(Id) },
  { additionalProperties: false, minProperties: 1, description: "Change an employee's role or team." },
);
export const AdminTopicList = ListOf(AdminTopic);
export const AdminTeamList = ListOf(AdminTeam);
export const AdminEmployeePage = PageOf(AdminEmployee);
/* ------------------------------------------------------------ program: policy and compliance */

const PolicyTexts = Type.Unsafe<Record<string, string>>({
  type: 'object',
  description: 'The policy text (plain text; blank lines separate paragraphs) keyed by BCP 47 locale.',
  additionalProperties: { type: 'string', maxLength: 20000 },
  propertyNames: { pattern: LocalePattern },
});
const DisclosureTexts = Type.Unsafe<Record<string, string>>({
  type: 'object',
  description: 'The disclosure every shared text carries (e.g. `#employee`), keyed by BCP 47 locale; English is the fallback.',
  additionalProperties: { type: 'string', maxLength: 100 },
  propertyNames: { pattern: LocalePattern },
});

export const PolicyVersion = Record_(
  {
    version: Int({ minimum: 1 }),
    status: StringEnum(['draft', 'published'] as const),
    texts: PolicyTexts,
    createdAt: DateTime(),
    updatedAt: DateTime(),
    publishedAt: OrNull(DateTime({ description: 'Set once published; a published version never changes.' })),
  },
  { description: 'One version of the social-media policy; at most one draft (the next version) at a time.' },
);
export const PolicyVersionList = ListOf(PolicyVersion);
export const PolicyDraftInput = Type.Object(
  { texts: Type.Unsafe<Record<string, string>>({ ...PolicyTexts, minProperties: 1 }) },
  { additionalProperties: false },
);
export const PolicyAcceptance = Type.Object(
  { version: Type.Optional(Int({ minimum: 1, description: 'The version read; omitted, the current version.' })) },
  { additionalProperties: false },
);
export const CurrentPolicy = Record_({ version: Int({ minimum: 1 }), texts: PolicyTexts, publishedAt: DateTime() });

export const BlockedTerm = Record_({
  id: Str(),
  locale: Str({ description: 'The language the term belongs to (for the admin list); every term is checked in every share.' }),
  term: Str(),
  reason: Str({ description: 'Shown to the employee when the term is found.' }),
  createdAt: DateTime(),
});
export const BlockedTermInput = Type.Object(
  {
    locale: Str({ pattern: LocalePattern, maxLength: 35 }),
    term: Str({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    reason: Str({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export const DisclosuresInput = Type.Object({ disclosures: DisclosureTexts }, { additionalProperties: false });

export const Compliance = Record_(
  {
    policy: RefOrNull(CurrentPolicy),
    blockedTerms: Type.Array(BlockedTerm),
    disclosures: DisclosureTexts,
  },
  {
    description:
      'What sharing must respect: the current policy (null when none was ever published), the blocked terms and the disclosure per locale.',
  },
);

/* ------------------------------------------------------------ scim: provisioning tokens */

export const ScimToken = Record_(
  {
    id: Str(),
    createdAt: DateTime(),
    createdBy: Str({ description: 'Employee id of the admin who created it.' }),
    lastUsedAt: OrNull(DateTime({ description: 'Last SCIM request with it (to the minute).' })),
  },
  { description: 'A bearer token of the identity provider’s SCIM client. The token itself is shown once, on creation.' },
);
export const ScimTokenCreated = Record_(
  { ...ScimToken.properties, token: Str({ description: 'Shown once: paste it into the identity provider now.' }) },
  { description: 'A new SCIM token, with the token itself (never shown again).' },
);
export const ScimSettings = Record_(
  {
    baseUrl: Str({ format: 'uri', description: 'The SCIM base URL (Tenant URL in Entra ID, SCIM connector base URL in Okta).' }),
    employeeId: StringEnum(['externalId', 'userName'], {
      description: 'The SCIM attribute that becomes the employee id; it must be what sign-in tokens carry as their subject.',
    }),
    subjectClaim: Str({ description: 'The sign-in token claim that names the employee (AUTH_SUBJECT_CLAIM).' }),
    envToken: Type.Boolean({ description: 'Whether a SCIM_TOKEN is configured on the server besides these.' }),
    tokens: Type.Array(ScimToken, { description: 'Tokens not revoked, newest first.' }),
  },
  { description: 'What an admin needs to connect the identity provider’s provisioning.' },
);

/* ------------------------------------------------------------ pilots: membership, invitations, goals */

export const EnrollmentMode = StringEnum(ENROLLMENT_MODES);
export const MemberState = StringEnum(MEMBER_STATES);

export const Enrollment = Record_(
  {
    enrollment: EnrollmentMode,
    updatedAt: OrNull(DateTime({ description: 'When an admin last changed it; null while it is the default (`open`).' })),
  },
  {
    description: 'Who takes part in the program: `open` (everyone who signs in, unless they declined) or `invitation` (only who accepted).',
  },
);
export const EnrollmentInput = Type.Object({ enrollment: EnrollmentMode }, { additionalProperties: false });

export const Membership = Record_(
  {
    state: MemberState,
    enrollment: EnrollmentMode,
    member: Type.Boolean({ description: 'Whether the employee takes part now: may share and counts in participation.' }),
    invitedAt: OrNull(DateTime()),
    respondedAt: OrNull(DateTime({ description: 'When the employee last accepted or declined.' })),
  },
  { description: "The signed-in employee's place in the program." },
);
export const InvitationResponse = Type.Object({ decision: StringEnum(INVITATION_DECISIONS) }, { additionalProperties: false });

export const Member = Record_({
  employeeId: Str(),
  displayName: Str(),
  team: Str({ description: 'Team id.' }),
  teamName: Str(),
  active: Type.Boolean({ description: 'False once the employee is deactivated: never counted, whatever the state.' }),
  state: MemberState,
  member: Type.Boolean({ description: 'Takes part now (counted in participation, may share).' }),
  invitedAt: OrNull(DateTime()),
  invitedVia: OrNull(Str({ description: 'The team whose invitation reached the employee; null for a personal one.' })),
  respondedAt: OrNull(DateTime()),
});
export const MemberPage = PageOf(Member);

export const InvitationInput = Type.Object(
  {
    employeeIds: Type.Optional(Type.Array(Id, { maxItems: 500, uniqueItems: true })),
    teams: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true, description: "Invites the team's current active members." })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const InvitationResult = Record_({
  invited: Type.Array(Str(), { description: 'Employees invited now (they had not joined: never invited, or declined before).' }),
  unchanged: Type.Array(Str(), { description: 'Employees already invited or joined, or deactivated.' }),
});

export const GoalMetric = StringEnum(GOAL_METRICS);
const DateOnly = Str({ format: 'date', description: 'A UTC calendar day, inclusive.' });

export const GoalPoint = Record_({ date: Str({ format: 'date' }), value: Num() });
export const GoalProgress = Record_(
  {
    current: Num({ description: 'The metric from `from` to today (or `to`, when it ended).' }),
    expected: Num({ description: 'Where a linear pace from 0 on `from` to `target` on `to` stands today.' }),
    elapsedDays: Int({ minimum: 0 }),
    totalDays: Int({ minimum: 1 }),
    status: StringEnum(GOAL_STATUSES),
    series: Type.Array(GoalPoint, { description: 'The metric so far at the end of each day from `from` to today.' }),
  },
  { description: 'A goal measured today.' },
);
export const Goal = Record_({
  id: Str(),
  title: Str(),
  metric: GoalMetric,
  target: Num({ description: 'For participation a share of members, 0–1; otherwise a count or a conversion value.' }),
  from: Str({ format: 'date' }),
  to: Str({ format: 'date' }),
  team: OrNull(Str({ description: 'Only this team counts; null for the company.' })),
  archived: Type.Boolean(),
  createdAt: DateTime(),
  updatedAt: DateTime(),
  progress: GoalProgress,
});
export const GoalList = ListOf(Goal);
const goalInputProperties = {
  title: Str({ minLength: 1, maxLength: 200 }),
  metric: GoalMetric,
  target: Num({ exclusiveMinimum: 0, maximum: 1_000_000_000 }),
  from: DateOnly,
  to: DateOnly,
  team: Type.Optional(OrNull(Str({ minLength: 1, maxLength: 200 }))),
};
export const GoalInput = Type.Object(goalInputProperties, { additionalProperties: false });
export const GoalPatch = Type.Object(
  { ...Type.Partial(GoalInput).properties, archived: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);

/* ------------------------------------------------------------ privacy: audit log, personal data, retention */

export const AuditEntry = Record_(
  {
    id: Str(),
    at: DateTime(),
    actor: Record_({
      kind: StringEnum(['admin', 'employee', 'scim', 'system']),
      id: Str({ description: 'The admin’s employee id; the kind itself for the SCIM client and the server.' }),
    }),
    action: Str({ description: '`<resource>.<verb>`: `post.create`, `webhook.delete`, `employee.erase`, `settings.update`, …' }),
    target: Record_({ kind: Str(), id: Str() }),
    before: Type.Unknown({ description: 'The resource before the change; null for a creation. Secrets are never recorded.' }),
    after: Type.Unknown({ description: 'The resource after the change; null for a deletion.' }),
  },
  { description: 'One admin, SCIM or system change, recorded in the transaction of the change.' },
);
export const AuditPage = PageOf(AuditEntry);

export const PersonalShare = Record_({
  id: Str(),
  postId: Str(),
  network: NetworkId,
  commentary: Str(),
  trackingCode: Str(),
  trackingUrl: Str({ format: 'uri' }),
  pointsAwarded: Int({ minimum: 0 }),
  createdAt: DateTime(),
  clicks: Int({ minimum: 0, description: 'Unique human clicks counted on this link (a count: visitors are never identified).' }),
  conversions: Int({ minimum: 0 }),
});

export const PersonalDataExport = Record_(
  {
    exportedAt: DateTime(),
    employee: Record_({
      id: Str(),
      displayName: Str(),
      email: OrNull(Str()),
      team: Str(),
      role: Role,
      locale: Str(),
      timeZone: Str(),
      avatarUrl: OrNull(Str()),
      policyAcceptedAt: OrNull(DateTime()),
      status: StringEnum(['active', 'deactivated']),
      createdAt: OrNull(DateTime()),
      lastActiveAt: OrNull(DateTime()),
    }),
    shares: Type.Array(PersonalShare),
    clicks: Record_({ total: Int({ minimum: 0 }), byDay: Type.Array(Record_({ day: Str(), clicks: Int({ minimum: 0 }) })) }),
    points: Type.Array(PointsEntry),
    suggestions: Type.Array(Suggestion),
    badges: Type.Array(Badge),
    preferences: Preferences,
    events: Type.Array(Record_({ type: Str(), count: Int({ minimum: 0 }) })),
    audit: Type.Array(AuditEntry, { description: 'Audit entries whose target is this person.' }),
  },
  { description: 'Everything the program stores about one person (`GET /me/export`).' },
);

export const ErasureResult = Record_(
  {
    employeeId: Str({ description: 'The opaque pseudonym that now stands for the person in every record.' }),
    erasedAt: DateTime(),
    alreadyErased: Type.Boolean({ description: 'The person had been erased before; nothing changed.' }),
  },
  { description: 'The name, email, avatar, share commentary and suggestion notes are gone; counts stay.' },
);

export const PrivacySettings = Record_({
  clickRetentionDays: OrNull(
    Int({ minimum: 1, maximum: 3650, description: 'Raw click rows older than this are deleted (rollups stay); null keeps them.' }),
  ),
  updatedAt: OrNull(DateTime()),
});
export const PrivacySettingsUpdate = Type.Object(
  { clickRetentionDays: OrNull(Int({ minimum: 1, maximum: 3650 })) },
  { additionalProperties: false },
);
/* ------------------------------------------------------------ rewards */

const RewardName = Type.Unsafe<Record<string, string>>({
  ...LocalizedText,
  minProperties: 1,
  additionalProperties: { type: 'string', minLength: 1, maxLength: 200 },
});
const rewardFields = {
  name: RewardName,
  description: LocalizedText,
  imageUrl: OrNull(HttpUrl),
  cost: Int({ minimum: 1, maximum: 1_000_000_000, description: 'Points taken from the balance.' }),
  stock: OrNull(Int({ minimum: 0, maximum: 1_000_000_000, description: 'How many are left to request; `null` for unlimited.' })),
  startsAt: OrNull(DateTime({ description: 'Requestable from (inclusive); `null` for always.' })),
  endsAt: OrNull(DateTime({ description: 'Requestable until (exclusive); `null` for always.' })),
  team: OrNull(Id),
  active: Type.Boolean({ description: 'A deactivated reward is hidden from employees and cannot be requested.' }),
};
export const Reward = Record_(
  { id: Str(), ...rewardFields, createdAt: DateTime(), updatedAt: DateTime() },
  { description: 'A reward employees may request with their points; `team` limits it to one team (`null`: everyone).' },
);
export const RewardInput = Type.Object(
  {
    name: rewardFields.name,
    description: Type.Optional(rewardFields.description),
    imageUrl: Type.Optional(rewardFields.imageUrl),
    cost: rewardFields.cost,
    stock: Type.Optional(rewardFields.stock),
    startsAt: Type.Optional(rewardFields.startsAt),
    endsAt: Type.Optional(rewardFields.endsAt),
    team: Type.Optional(rewardFields.team),
    active: Type.Optional(rewardFields.active),
  },
  { additionalProperties: false },
);
export const RewardPatch = Type.Partial(RewardInput, { additionalProperties: false });

export const PointsBalance = Record_(
  {
    balance: Int({ description: '`earned − spent − held`, the sum of the ledger; never below zero.' }),
    earned: Int({ description: 'Every ledger row except reward holds and releases: what leaderboards count.' }),
    spent: Int({ minimum: 0, description: 'Costs of approved and fulfilled requests.' }),
    held: Int({ minimum: 0, description: 'Costs of pending requests.' }),
  },
  { description: 'The signed-in employee’s points to spend.' },
);

const rewardRequestProperties = {
  id: Str(),
  rewardId: Str(),
  employeeId: Str(),
  rewardName: LocalizedText,
  cost: Int({ description: 'Points held, then spent; the reward’s cost when requested.' }),
  status: StringEnum(REWARD_REQUEST_STATUSES),
  reason: OrNull(Str({ description: 'The admin’s reason for a rejection.' })),
  createdAt: DateTime(),
  decidedAt: OrNull(DateTime({ description: 'When it was approved, rejected or cancelled.' })),
  fulfilledAt: OrNull(DateTime()),
};
export const RewardRequest = Record_(rewardRequestProperties, { description: 'An employee’s request for a reward.' });
export const AdminRewardRequest = Record_({ ...rewardRequestProperties, employeeName: Str() });
export const RewardDecision = Type.Union([
  Type.Object({ decision: Type.Literal('approve') }, { additionalProperties: false }),
  Type.Object({ decision: Type.Literal('reject'), reason: Str({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
  Type.Object({ decision: Type.Literal('fulfil') }, { additionalProperties: false }),
]);
export const PointsAdjustment = Type.Object(
  {
    employeeId: Id,
    delta: Int({
      minimum: -1_000_000,
      maximum: 1_000_000,
      not: { const: 0 },
      description: 'Points to grant (positive) or deduct (negative).',
    }),
    reason: Str({
      minLength: 1,
      maxLength: 500,
      pattern: '\\S',
      description: 'Why, shown to the employee: a talk at an event, a correction.',
    }),
  },
  { additionalProperties: false },
);
export const RewardList = ListOf(Reward);
export const RewardRequestPage = PageOf(RewardRequest);
export const AdminRewardRequestPage = PageOf(AdminRewardRequest);

/* ------------------------------------------------------------ leaderboards and contests */

export const LeaderboardSettings = Record_(
  {
    anonymous: Type.Boolean({
      description:
        'When on, employees see their own rank and the top entries of employees who opted in (`showOnLeaderboard`) only; nobody else is named. Admin analytics are unchanged.',
    }),
    top: Int({ minimum: 1, maximum: 100, description: 'How many opted-in employees an anonymous leaderboard lists at most.' }),
    updatedAt: OrNull(DateTime({ description: 'When an admin last changed it; null while it is the default (not anonymous, top 10).' })),
  },
  { description: 'How the leaderboard shows employees to each other.' },
);
export const LeaderboardSettingsInput = Type.Partial(
  Type.Object({ anonymous: LeaderboardSettings.properties.anonymous, top: LeaderboardSettings.properties.top }),
  {
    additionalProperties: false,
    minProperties: 1,
  },
);

export const ContestPatch = Type.Partial(
  Type.Object({
    title: ContestInput.properties.title,
    description: Str({ maxLength: 2000 }),
    prize: ContestInput.properties.prize,
    startsAt: DateTime({ description: 'Only before the contest starts.' }),
    endsAt: DateTime(),
    translations: ContestTranslations,
  }),
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'Edit a contest before it ends; scope and team stay. `translations` replaces them all.',
  },
);

/* ------------------------------------------------------------ delivery: email, Teams, Slack */

export const DeliveryChannel = StringEnum(DELIVERY_CHANNELS);
const channelList = Type.Array(DeliveryChannel, { maxItems: DELIVERY_CHANNELS.length, uniqueItems: true });
export const DeliveryRoutes = Record_(
  { digest: channelList, nudge: channelList, invitation: channelList },
  { description: 'Which channels each kind of message goes to.' },
);
const deliverySettingsProperties = {
  smtpHost: OrNull(
    Str({
      minLength: 1,
      maxLength: 253,
      pattern: '^[A-Za-z0-9.:\\[\\]-]+$',
      description: 'The SMTP server (a name or address); null turns email off.',
    }),
  ),
  smtpPort: Int({ minimum: 1, maximum: 65535 }),
  smtpSecurity: StringEnum(SMTP_SECURITY),
  smtpUser: OrNull(Str({ minLength: 1, maxLength: 320 })),
  fromAddress: OrNull(Str({ maxLength: 320, pattern: '^[^\\s@<>]+@[^\\s@<>]+$', description: 'The From address of every email.' })),
  replyTo: OrNull(Str({ maxLength: 320, pattern: '^[^\\s@<>]+@[^\\s@<>]+$' })),
  teamsUrl: OrNull(
    Str({
      format: 'uri',
      pattern: '^https?://',
      maxLength: 2048,
      description: 'A Teams workflow (or incoming-webhook) URL; https, public address.',
    }),
  ),
  slackUrl: OrNull(
    Str({
      format: 'uri',
      pattern: '^https?://',
      maxLength: 2048,
      description: 'A Slack workflow or incoming-webhook URL; https, public address.',
    }),
  ),
};
export const DeliverySettings = Record_(
  {
    ...deliverySettingsProperties,
    smtpPasswordSet: Type.Boolean({ description: 'Whether an SMTP password is stored; the password itself is never returned.' }),
    routes: DeliveryRoutes,
    updatedAt: OrNull(DateTime({ description: 'When an admin last changed them; null while the environment defaults apply.' })),
  },
  { description: 'Where digests, reminders and invitations are delivered.' },
);
export const DeliverySettingsInput = Type.Partial(
  Type.Object({
    ...deliverySettingsProperties,
    smtpPassword: OrNull(Str({ maxLength: 1000, description: 'Write-only: left out keeps the stored one, null removes it.' })),
    routes: Type.Partial(
      Type.Object({ digest: channelList, nudge: channelList, invitation: channelList }, { additionalProperties: false }),
    ),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export const DeliveryTestInput = Type.Object(
  {
    channel: DeliveryChannel,
    to: Type.Optional(
      Str({ maxLength: 320, pattern: '^[^\\s@<>]+@[^\\s@<>]+$', description: 'For email: where to; the admin’s own address by default.' }),
    ),
  },
  { additionalProperties: false },
);
export const DeliveryMessage = Record_({
  id: Str(),
  kind: StringEnum(DELIVERY_KINDS),
  channel: DeliveryChannel,
  employeeId: OrNull(Str()),
  recipient: OrNull(Str({ description: 'The email address, or null for Teams and Slack.' })),
  subject: Str(),
  status: StringEnum(DELIVERY_STATUSES),
  attempts: Int({ minimum: 0 }),
  nextAttemptAt: OrNull(DateTime()),
  error: OrNull(Str({ description: 'Why the last attempt failed, or why the message was skipped.' })),
  createdAt: DateTime(),
  updatedAt: DateTime(),
  deliveredAt: OrNull(DateTime()),
});
export const DeliveryMessagePage = PageOf(DeliveryMessage);
/* ------------------------------------------------------------ curated sources (RSS/Atom) */

export const CuratedSource = Record_(
  {
    id: Id,
    url: HttpUrl,
    title: Str({ description: "The admin's name for the source, else the feed's own title." }),
    locale: Str({ description: 'The language of the posts its items become.' }),
    topics: Type.Array(Id, { description: 'Topics the posts published from it start with.' }),
    intervalMinutes: Int({ minimum: 5, maximum: 1440, description: 'How often it is fetched.' }),
    paused: Type.Boolean(),
    lastFetchedAt: OrNull(DateTime({ description: 'The last fetch, successful or not.' })),
    lastSuccessAt: OrNull(DateTime()),
    lastError: OrNull(Str({ description: 'Why the last fetch failed; null after a success.' })),
    failures: Int({ minimum: 0, description: 'Failed fetches in a row; each doubles the wait before the next (at most a day).' }),
    nextFetchAt: DateTime(),
    createdAt: DateTime(),
  },
  { description: 'An RSS, Atom or JSON feed whose new items land in the curation queue.' },
);
export const CuratedSourceList = ListOf(CuratedSource);
export const CuratedSourceInput = Type.Object(
  {
    url: HttpUrl,
    title: Type.Optional(Str({ maxLength: 200 })),
    locale: Type.Optional(Str({ pattern: LocalePattern, maxLength: 35 })),
    topics: Type.Optional(Type.Array(Id, { maxItems: 30 })),
    intervalMinutes: Type.Optional(Int({ minimum: 5, maximum: 1440 })),
  },
  { additionalProperties: false },
);
export const CuratedSourcePatch = Type.Partial(
  Type.Object({
    title: Str({ minLength: 1, maxLength: 200 }),
    locale: Str({ pattern: LocalePattern, maxLength: 35 }),
    topics: Type.Array(Id, { maxItems: 30 }),
    intervalMinutes: Int({ minimum: 5, maximum: 1440 }),
    paused: Type.Boolean(),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export const CurationItem = Record_(
  {
    id: Id,
    sourceId: Id,
    sourceTitle: Str(),
    status: StringEnum(['pending', 'published', 'dismissed'] as const),
    url: Str({ description: 'The item’s link (http or https).' }),
    title: Str({ description: 'Plain text: markup in the feed is removed, never rendered.' }),
    summary: Str({ description: 'Plain text, at most 2000 characters.' }),
    imageUrl: OrNull(Str()),
    siteName: OrNull(Str()),
    publishedAt: OrNull(DateTime({ description: 'When the feed says the item was published.' })),
    foundAt: DateTime(),
    postId: OrNull(Id),
  },
  { description: 'A new item of a curated source, with its Open Graph preview, waiting for an admin.' },
);
export const CurationItemPage = PageOf(CurationItem);
export const CurationPublish = Type.Partial(Type.Object(postInputProperties), {
  additionalProperties: false,
  description:
    'Overrides of the post made from the item; title, summary, URL, image, source, locale and topics come from the item and its source.',
});
/* ------------------------------------------------------------ self-service: an employee's own history */

export const MyShare = Record_(
  {
    ...Share.properties,
    postTitle: Type.Optional(Str({ description: 'The shared post’s title.' })),
    clicks: Type.Optional(Int({ minimum: 0, description: 'Unique human clicks on this share’s link.' })),
    conversions: Type.Optional(Int({ minimum: 0, description: 'Conversions attributed to this share’s link.' })),
    points: Type.Optional(
      Int({
        description:
          'Points this share earned: for sharing and for its conversions. Click points are counted per post and day across the shares of a post: they are in the ledger.',
      }),
    ),
  },
  { description: 'One of my shares with what it earned (the results are absent where a backend does not report them).' },
);

export const MyPointsEntry = Record_(
  {
    ...PointsEntry.properties,
    postId: Type.Optional(OrNull(Str({ description: 'The post the row is about (share, click, conversion, approved suggestion).' }))),
    postTitle: Type.Optional(OrNull(Str())),
    network: Type.Optional(RefOrNull(NetworkId)),
    rewardName: Type.Optional(RefOrNull(LocalizedText)),
  },
  { description: 'One row of my points ledger with what its reference is about, to describe it in words.' },
);

export const MySharePage = PageOf(MyShare);
export const MyPointsPage = PageOf(MyPointsEntry);
/* ------------------------------------------------------------ point rules (admin settings) */

/** An object with one optional property per key of `keys`, each of `value`; nothing else. */
const PartialOf = <T extends TSchema>(keys: readonly string[], value: T, options: Options = {}) =>
  Type.Object(Object.fromEntries(keys.map((key) => [key, Type.Optional(value)])) as Record<string, TOptional<T>>, {
    additionalProperties: false,
    ...options,
  });

/** The point values an admin may set (the keys of `DEFAULT_POINTS` in `@advocacy-kit/core/rules`). */
export const PointValues = PartialOf(Object.keys(DEFAULT_POINTS), Int({ minimum: 0, maximum: 100_000 }), {
  description:
    '`share`: a first share to a network, times its weight; `click`: a unique human visitor; `conversion`; `suggestion`: an approved suggestion; `clickDailyCapPerPost`: most click points per employee, post and UTC day.',
});
/** A factor of the share points per network. */
export const NetworkWeights = PartialOf(NETWORK_IDS, Num({ minimum: 0, maximum: 10 }), {
  description: 'What a share to each network earns, as a factor of `points.share` (1: in full; 0.2: a fifth). Clicks are not weighted.',
});
export const PointRules = Type.Object(
  { points: Type.Optional(PointValues), networkWeights: Type.Optional(NetworkWeights) },
  {
    additionalProperties: false,
    description: 'Point values and network weights over the server’s defaults; a value left out keeps the default.',
  },
);
const FullPointRules = Record_({
  points: Record_(
    Object.fromEntries(Object.keys(DEFAULT_POINTS).map((key) => [key, Int()])) as Record<
      keyof typeof DEFAULT_POINTS,
      ReturnType<typeof Int>
    >,
  ),
  networkWeights: Record_(
    Object.fromEntries(NETWORK_IDS.map((network) => [network, Num()])) as Record<(typeof NETWORK_IDS)[number], ReturnType<typeof Num>>,
  ),
});
export const PointRulesVersionInput = Type.Object(
  {
    rules: PointRules,
    effectiveFrom: Type.Optional(DateTime({ description: 'When it applies; now if left out. Not in the past.' })),
    note: Type.Optional(Str({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const PointRulesVersionPatch = Type.Partial(
  Type.Object({ rules: PointRules, effectiveFrom: DateTime({ description: 'Not in the past.' }), note: OrNull(Str({ maxLength: 500 })) }),
  { additionalProperties: false, minProperties: 1, description: 'Edit a scheduled version (one that has not taken effect).' },
);
export const PointRulesVersion = Record_(
  {
    id: Id,
    rules: PointRules,
    effectiveFrom: DateTime(),
    note: OrNull(Str()),
    createdBy: Id,
    createdAt: DateTime(),
    status: StringEnum(['current', 'scheduled', 'past'] as const, {
      description: '`current`: the one in effect now; `scheduled`: takes effect later (editable); `past`: history.',
    }),
  },
  { description: 'A version of the point rules, effective from a time until the next one.' },
);
export const PointRulesVersionList = Record_({
  items: Type.Array(PointRulesVersion, { description: 'Latest effective time first.' }),
  /** The server's defaults (from its configuration), under every version. */
  defaults: FullPointRules,
  /** The rules in effect now: the defaults with the current version. */
  effective: FullPointRules,
});
export const EffectivePointValues = Record_(
  {
    points: FullPointRules.properties.points,
    networkWeights: FullPointRules.properties.networkWeights,
    shareByNetwork: Record_(
      Object.fromEntries(NETWORK_IDS.map((network) => [network, Int()])) as Record<(typeof NETWORK_IDS)[number], ReturnType<typeof Int>>,
    ),
    effectiveFrom: OrNull(DateTime({ description: 'When the current version took effect; null while the defaults apply.' })),
  },
  { description: 'The point values in effect now, and what a first share to each network earns (`shareByNetwork`).' },
);
