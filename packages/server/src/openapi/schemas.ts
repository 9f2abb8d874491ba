/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses them) for every resource of the contract. They
 * mirror packages/core/src/backend/contract.ts property for property; test/openapi-drift.test.ts
 * fails when the two disagree. Request schemas reject unknown fields.
 */
import { CONTENT_KINDS, CONVERSION_TYPES, EVENT_TYPES, NETWORK_IDS, PERIODS, POST_STATUSES, SCOPES } from '@advocacy-kit/core';

import { engagementSchemas } from './engagement.js';
import { linkPreviewSchemas } from './link-preview.js';
import { webhookSchemas } from './webhooks.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
const nullable = (schema: Schema): Schema =>
  '$ref' in schema ? { oneOf: [schema, { type: 'null' }] } : { ...schema, type: [schema.type as string, 'null'] };
const int = (extra: Schema = {}): Schema => ({ type: 'integer', ...extra });
const num = (extra: Schema = {}): Schema => ({ type: 'number', ...extra });
const arr = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra });
const dateTime = str({ format: 'date-time' });
const id = str({ minLength: 1, maxLength: 200 });
const httpUrl = str({ format: 'uri', pattern: '^https?://', maxLength: 2048 });

/** An object with every listed property required (responses always carry every field). */
function record(properties: Record<string, Schema>, description?: string): Schema {
  return {
    type: 'object',
    ...(description === undefined ? {} : { description }),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

/** A request object: `required` lists the mandatory fields, everything else is optional. */
function input(properties: Record<string, Schema>, required: string[]): Schema {
  return { type: 'object', properties, required, additionalProperties: false };
}

const localizedText: Schema = {
  type: 'object',
  description: 'Text keyed by BCP 47 locale.',
  additionalProperties: str({ maxLength: 2000 }),
  propertyNames: { pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$' },
};

const suggestedCommentary: Schema = {
  type: 'object',
  description: 'Per locale, then per network (`default` for every network without its own text).',
  propertyNames: { pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$' },
  additionalProperties: {
    type: 'object',
    propertyNames: { enum: [...NETWORK_IDS, 'default'] },
    additionalProperties: str({ maxLength: 3000 }),
  },
};

const postProperties: Record<string, Schema> = {
  id: str(),
  kind: str({ enum: CONTENT_KINDS }),
  status: str({ enum: POST_STATUSES }),
  title: str(),
  summary: str(),
  url: str({ description: 'The registered destination.' }),
  imageUrl: nullable(str()),
  source: str(),
  locale: str(),
  suggestedCommentary: ref('SuggestedCommentary'),
  hashtags: arr(str()),
  topics: arr(str()),
  audience: ref('Audience'),
  networks: arr(ref('NetworkId')),
  publishAt: dateTime,
  expireAt: nullable(dateTime),
  createdAt: dateTime,
  updatedAt: dateTime,
};

const suggestionProperties: Record<string, Schema> = {
  id: str(),
  employeeId: str(),
  url: str(),
  note: str(),
  topics: arr(str()),
  status: str({ enum: ['pending', 'approved', 'rejected'] }),
  reviewReason: nullable(str()),
  postId: nullable(str()),
  createdAt: dateTime,
  reviewedAt: nullable(dateTime),
};

const page = (item: string): Schema => record({ items: arr(ref(item)), nextCursor: nullable(str()) });
const list = (item: string): Schema => record({ items: arr(ref(item)) });

const postInputProperties: Record<string, Schema> = {
  kind: str({ enum: CONTENT_KINDS }),
  title: str({ minLength: 1, maxLength: 300 }),
  summary: str({ maxLength: 2000 }),
  url: httpUrl,
  imageUrl: nullable(httpUrl),
  source: str({ maxLength: 200 }),
  locale: str({ minLength: 2, maxLength: 35 }),
  suggestedCommentary: ref('SuggestedCommentary'),
  hashtags: arr(str({ minLength: 1, maxLength: 100 }), { maxItems: 30 }),
  topics: arr(id, { maxItems: 30 }),
  audience: ref('Audience'),
  networks: arr(str({ enum: NETWORK_IDS }), { uniqueItems: true }),
  publishAt: nullable(dateTime),
  expireAt: nullable(dateTime),
  status: str({ enum: ['draft', 'published'] }),
};

export const schemas: Record<string, Schema> = {
  NetworkId: str({ enum: NETWORK_IDS }),
  LocalizedText: localizedText,
  SuggestedCommentary: suggestedCommentary,
  Team: record({ id: str(), name: str() }),
  Employee: record({
    id: str(),
    displayName: str(),
    team: str({ description: 'Team id.' }),
    teamName: str(),
    role: str({ enum: ['employee', 'admin'] }),
    locale: str(),
    timeZone: str({ description: 'IANA time zone.' }),
    avatarUrl: nullable(str()),
    policyAcceptedAt: nullable(dateTime),
  }),
  Topic: record({ id: str(), names: ref('LocalizedText') }),
  Audience: {
    ...record({ teams: arr(id, { maxItems: 200 }), roles: arr(str({ enum: ['employee', 'admin'] })) }),
    description: 'Who may see a post; empty lists mean everyone.',
  },
  Post: record(postProperties),
  PostMetrics: record({ shares: int(), clicks: int(), conversions: int(), conversionValue: num() }),
  AdminPost: record({ ...postProperties, metrics: ref('PostMetrics') }, 'A post with its results since it was created.'),
  AdminPostPage: page('AdminPost'),
  PostPage: page('Post'),
  ShareCreate: input(
    { postId: id, network: ref('NetworkId'), commentary: str({ maxLength: 3000 }) },
    ['postId', 'network', 'commentary'],
  ),
  Share: record({
    id: str(),
    postId: str(),
    employeeId: str(),
    network: ref('NetworkId'),
    commentary: str(),
    trackingCode: str(),
    trackingUrl: str({ format: 'uri' }),
    pointsAwarded: int({ minimum: 0 }),
    createdAt: dateTime,
  }),
  SharePage: page('Share'),
  TrackingLink: record({
    code: str(),
    postId: str(),
    employeeId: str(),
    network: ref('NetworkId'),
    destination: str({ format: 'uri', description: 'The post URL with UTM parameters and the referral code.' }),
    createdAt: dateTime,
  }),
  StatsPoint: record({ date: str({ format: 'date' }), points: int(), shares: int(), clicks: int() }),
  MyStats: record({
    period: str({ enum: PERIODS }),
    points: int(),
    shares: int(),
    clicks: int(),
    conversions: int(),
    conversionValue: num(),
    rank: nullable(int({ minimum: 1 })),
    series: arr(ref('StatsPoint')),
  }),
  LeaderboardEntry: record({
    rank: int({ minimum: 1 }),
    employeeId: str(),
    displayName: str(),
    avatarUrl: nullable(str()),
    team: str(),
    teamName: str(),
    points: int(),
  }),
  Leaderboard: record({
    period: str({ enum: PERIODS }),
    scope: str({ enum: SCOPES }),
    entries: arr(ref('LeaderboardEntry')),
    me: nullable(ref('LeaderboardEntry')),
    participants: int({ minimum: 0 }),
  }),
  PointsEntry: record({
    id: str(),
    employeeId: str(),
    delta: int(),
    reason: str({ enum: ['share', 'click', 'conversion', 'suggestion', 'adjustment'] }),
    reference: str(),
    createdAt: dateTime,
  }),
  PointsPage: page('PointsEntry'),
  SuggestionInput: input(
    { url: httpUrl, note: str({ maxLength: 1000 }), topics: arr(id, { maxItems: 20 }) },
    ['url', 'note', 'topics'],
  ),
  Suggestion: record(suggestionProperties),
  SuggestionPage: page('Suggestion'),
  AdminSuggestion: record({ ...suggestionProperties, employeeName: str() }, 'A suggestion with the suggesting employee’s name.'),
  AdminSuggestionPage: page('AdminSuggestion'),
  AdvocacyEvent: input(
    { id: str({ minLength: 1, maxLength: 100 }), type: str({ enum: EVENT_TYPES }), at: dateTime, postId: id, network: ref('NetworkId') },
    ['id', 'type', 'at'],
  ),
  EventBatch: input(
    { events: arr(ref('AdvocacyEvent'), { maxItems: 500 }), accessToken: str({ maxLength: 8192 }) },
    ['events'],
  ),
  EventBatchResult: record({ accepted: int({ minimum: 0 }), duplicates: int({ minimum: 0 }) }),
  ConversionInput: input(
    {
      code: str({ minLength: 1, maxLength: 64 }),
      type: str({ enum: CONVERSION_TYPES }),
      value: num({ minimum: 0, maximum: 1e12 }),
      currency: str({ pattern: '^[A-Z]{3}$' }),
      externalId: str({ minLength: 1, maxLength: 200 }),
    },
    ['code', 'type', 'externalId'],
  ),
  Conversion: record({
    id: str(),
    code: str(),
    postId: str(),
    employeeId: str(),
    type: str({ enum: CONVERSION_TYPES }),
    value: num(),
    currency: nullable(str()),
    externalId: str(),
    createdAt: dateTime,
  }),
  PostInput: input(postInputProperties, ['kind', 'title', 'summary', 'url', 'locale']),
  PostPatch: { ...input(postInputProperties, []), minProperties: 1 },
  SuggestionReview: {
    oneOf: [
      input({ decision: str({ const: 'approve' }), post: ref('PostPatch') }, ['decision']),
      input({ decision: str({ const: 'reject' }), reason: str({ minLength: 1, maxLength: 1000 }) }, ['decision', 'reason']),
    ],
  },
  Breakdown: record({ key: str(), shares: int(), clicks: int(), conversions: int() }),
  AnalyticsSummary: record({
    from: str(),
    to: str(),
    activeAdvocates: int({ minimum: 0 }),
    employees: int({ minimum: 0 }),
    participationRate: num({ minimum: 0, maximum: 1 }),
    shares: int(),
    estimatedReach: int({
      description: 'Sum over shares of the network’s assumed audience per share (see the server README).',
    }),
    uniqueClicks: int(),
    conversions: int(),
    conversionValue: num(),
    byTopic: arr(ref('Breakdown')),
    byNetwork: arr(ref('Breakdown')),
    byTeam: arr(ref('Breakdown')),
    byKind: arr(ref('Breakdown')),
    byDay: arr(ref('Breakdown')),
    topAdvocates: arr(ref('TopAdvocate')),
    topPosts: arr(ref('TopPost')),
  }),
  TopAdvocate: record({ employeeId: str(), displayName: str(), team: nullable(str()), shares: int(), clicks: int() }),
  TopPost: record({ postId: str(), title: str(), kind: str({ enum: CONTENT_KINDS }), shares: int(), clicks: int(), conversions: int() }),
  TopicList: list('Topic'),
  TeamList: list('Team'),
  EmployeeList: list('Employee'),
  DemoTokenRequest: input({ employeeId: id }, ['employeeId']),
  DemoToken: record({ token: str(), employee: ref('Employee') }),
  FieldError: {
    type: 'object',
    properties: { field: str(), message: str(), code: str() },
    required: ['field', 'message'],
    additionalProperties: false,
  },
  ProblemDetails: {
    type: 'object',
    properties: {
      type: str({ format: 'uri' }),
      title: str(),
      status: int(),
      detail: str(),
      instance: str(),
      errors: arr(ref('FieldError')),
    },
    required: ['type', 'title', 'status'],
    additionalProperties: false,
  },
  ...linkPreviewSchemas,
  ...webhookSchemas,
  ...engagementSchemas,
};
