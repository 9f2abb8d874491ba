/**
 * Every resource of the HTTP contract as a JSON Schema (2020-12, as OpenAPI 3.1 uses it), built
 * with TypeBox. Core's TypeScript types are `Static<>` of these (../backend/contract.ts), the
 * server validates requests with them, and the OpenAPI document names them as components
 * (./openapi.ts). Responses carry every field; request objects reject unknown fields.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  BADGE_IDS,
  CONTENT_KINDS,
  CONTEST_STATUSES,
  CONVERSION_TYPES,
  EVENT_TYPES,
  NETWORK_IDS,
  PERIODS,
  POINTS_REASONS,
  POST_STATUSES,
  PROBLEM_SLUGS,
  REWARD_REQUEST_STATUSES,
  ROLES,
  SCOPES,
  SUGGESTION_STATUSES,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
} from './enums.js';
import { CONVERSION_VALUE_CEILING, DEFAULT_CONVERSIONS } from '../rules/conversions.js';

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
  policyAcceptedAt: OrNull(DateTime({ description: 'When the employee accepted the social-media policy.' })),
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
  conversionValue: Num(),
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

export const Contest = Record_({
  id: Str(),
  title: Str(),
  description: Str(),
  prize: Str({ description: 'What the winner gets, as the program admin wrote it.' }),
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
  },
  { additionalProperties: false },
);

export const Preferences = Record_({
  digest: Type.Boolean({ description: 'The weekly digest (Monday morning, local time).' }),
  nudges: Type.Boolean({ description: 'A reminder after some days without a share.' }),
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
  secret: Str({ description: 'Signing secret; shown only in this response.' }),
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
