/**
 * Every operation of the HTTP contract, defined once: method, path, who may call it, its query,
 * body and responses, and the problems it answers. The server registers and validates its routes
 * from this table, the OpenAPI document and the route table in docs/http-api.md are generated from
 * it, and `httpBackend` takes its paths and methods from it (through routes.generated.ts).
 *
 * The key of each entry is its `operationId`.
 */
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import {
  CONTENT_KINDS,
  EMPLOYEE_STATUSES,
  MEMBER_FILTERS,
  PERIODS,
  POST_STATUSES,
  REWARD_REQUEST_STATUSES,
  ROLES,
  SCOPES,
  SUGGESTION_STATUSES,
} from './enums.js';
import * as S from './schemas.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call an operation: anyone (`public`), a signed-in employee (`employee`), a program
 * admin (`admin`), or one of the company's systems with its API key in `X-Api-Key` (`apiKey`; an
 * employee's token is refused with 403).
 */
export type Auth = 'public' | 'employee' | 'admin' | 'apiKey';

/** A response body: a schema, `'csv'` for a text/csv download, or `null` for none. */
export type ResponseBody = TSchema | 'csv' | null;

export interface Operation {
  method: HttpMethod;
  /** Relative to the API base (`/api/v1`); `{name}` marks a path parameter. */
  path: string;
  auth: Auth;
  summary: string;
  tag: string;
  /**
   * Query parameters; none is required on the wire. A parameter that is not `Optional` has a
   * `default`, so a handler always sees it.
   */
  query?: TObject;
  body?: TSchema;
  /** Content types the body may come in; default `application/json`. */
  bodyTypes?: readonly string[];
  /** The signed-in employee's token may come in the body's `accessToken` (sendBeacon sets no headers). */
  tokenInBody?: true;
  /** The body may be left out (then the handler sees `undefined`). */
  bodyOptional?: true;
  /** Whether the operation takes an `Idempotency-Key` header. */
  idempotencyKey?: 'required' | 'optional';
  /** Successful answers by status. */
  responses: Partial<Record<200 | 201 | 202 | 204, ResponseBody>>;
  /** Problems the operation answers besides the common ones (400, 401, 422, 429). */
  problems?: Partial<Record<403 | 404 | 409 | 413 | 422 | 503, string>>;
}

const op = <const O extends Operation>(operation: O): O => operation;

/* ------------------------------------------------------------ query building blocks */

const Cursor = Type.Optional(Type.String({ maxLength: 500, description: 'Opaque; from `nextCursor`.' }));
const Limit = (maximum: number, fallback: number) => Type.Integer({ minimum: 1, maximum, default: fallback });
const PageQuery = { cursor: Cursor, limit: Limit(100, 20) };
const Query = <P extends Record<string, TSchema>>(properties: P) => Type.Object(properties, { additionalProperties: false });
const Short = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const DateOrTime = Type.Optional(
  Type.String({ anyOf: [{ format: 'date' }, { format: 'date-time' }], description: 'Inclusive ISO date (YYYY-MM-DD) or timestamp.' }),
);
const Window = Query({ from: DateOrTime, to: DateOrTime });

const NOT_ADMIN = { 403: 'Not an admin' } as const;

/* privacy: the audit log's filters */
const auditFilterProperties = {
  actor: Short(200),
  action: Type.Optional(
    Type.String({ maxLength: 100, description: 'An action or its prefix: `post.` matches post.create, post.update, …' }),
  ),
  targetKind: Short(100),
  targetId: Short(200),
  from: DateOrTime,
  to: DateOrTime,
};
const AuditFilters = Query(auditFilterProperties);
const AuditQuery = Query({ ...auditFilterProperties, ...PageQuery });

export const operations = {
  /* ---------------------------------------------------------- me */
  getMe: op({ method: 'GET', path: '/me', auth: 'employee', tag: 'me', summary: 'The signed-in employee', responses: { 200: S.Employee } }),
  acceptPolicy: op({
    method: 'POST',
    path: '/me/policy-acceptance',
    auth: 'employee',
    tag: 'me',
    summary:
      'Accept the social-media policy version read (idempotent). The body `{ version }` is optional: without it (or without a body) the current version is accepted',
    body: S.PolicyAcceptance,
    bodyOptional: true,
    responses: { 200: S.Employee },
    problems: { 409: 'The version is not the current published one' },
  }),
  listMyShares: op({
    method: 'GET',
    path: '/me/shares',
    auth: 'employee',
    tag: 'me',
    summary: 'My shares, newest first, each with its post’s title, its unique clicks, its conversions and the points it earned',
    query: Query(PageQuery),
    responses: { 200: S.MySharePage },
  }),
  getMyStats: op({
    method: 'GET',
    path: '/me/stats',
    auth: 'employee',
    tag: 'me',
    summary: 'My points, shares, clicks and conversions over a period',
    query: Query({ period: Type.Unsafe<(typeof PERIODS)[number]>({ type: 'string', enum: [...PERIODS], default: 'month' }) }),
    responses: { 200: S.MyStats },
  }),
  listMyPoints: op({
    method: 'GET',
    path: '/me/points',
    auth: 'employee',
    tag: 'me',
    summary: 'My points ledger, newest first, each row with the post, network or reward it is about',
    query: Query(PageQuery),
    responses: { 200: S.MyPointsPage },
  }),
  listMySuggestions: op({
    method: 'GET',
    path: '/me/suggestions',
    auth: 'employee',
    tag: 'me',
    summary: 'My suggestions, newest first, with their status and the reviewer’s reason',
    query: Query(PageQuery),
    responses: { 200: S.SuggestionPage },
  }),
  listMyBadges: op({
    method: 'GET',
    path: '/me/badges',
    auth: 'employee',
    tag: 'me',
    summary: 'Every badge with my progress; each is awarded once',
    responses: { 200: S.BadgeList },
  }),
  getPreferences: op({
    method: 'GET',
    path: '/me/preferences',
    auth: 'employee',
    tag: 'me',
    summary: 'My digest and reminder preferences, my language and my time zone',
    responses: { 200: S.Preferences },
  }),
  updatePreferences: op({
    method: 'PUT',
    path: '/me/preferences',
    auth: 'employee',
    tag: 'me',
    summary: 'Opt in or out of the weekly digest and the reminders; choose my language and time zone',
    body: S.PreferencesInput,
    responses: { 200: S.Preferences },
    problems: { 422: 'A language that is not supported (`locale`) or a time zone that is not an IANA zone (`timeZone`)' },
  }),

  /* ---------------------------------------------------------- content */
  listTopics: op({ method: 'GET', path: '/topics', auth: 'employee', tag: 'content', summary: 'Topics', responses: { 200: S.TopicList } }),
  listTeams: op({ method: 'GET', path: '/teams', auth: 'employee', tag: 'content', summary: 'Teams', responses: { 200: S.TeamList } }),
  listFeed: op({
    method: 'GET',
    path: '/feed',
    auth: 'employee',
    tag: 'content',
    summary:
      'Published, unexpired posts the employee may see, newest first; `q` keeps the posts whose title, summary or suggested commentary contains every whitespace-separated term (case-insensitive, NFKC-normalised substring match, so short Japanese terms match too)',
    query: Query({
      topic: Short(200),
      locale: Short(35),
      q: Short(200),
      kind: Type.Optional(S.StringEnum(CONTENT_KINDS)),
      ...PageQuery,
    }),
    responses: { 200: S.PostPage },
  }),
  getPost: op({
    method: 'GET',
    path: '/posts/{id}',
    auth: 'employee',
    tag: 'content',
    summary: 'One post visible to the employee',
    responses: { 200: S.Post },
    problems: { 404: 'Unknown or not visible' },
  }),

  /* ---------------------------------------------------------- shares */
  createShare: op({
    method: 'POST',
    path: '/shares',
    auth: 'employee',
    tag: 'shares',
    summary: 'Record a share and get its tracking link; one per post and network (sharing again answers 200 with the same share)',
    idempotencyKey: 'required',
    body: S.ShareCreate,
    responses: { 201: S.Share, 200: S.Share },
    problems: {
      403: '`policy_required`: a policy is published and the employee has not accepted its current version; `not_a_member`: not a member of the program (invitation enrollment without an accepted invitation, or declined)',
      404: 'Unknown post',
      409: 'Idempotency-Key reused with a different body',
      422: '`blocked_terms` (the commentary contains blocked terms, listed in `blockedTerms`), or the text with the disclosure and hashtags is over the network’s limit',
    },
  }),

  /* ---------------------------------------------------------- points */
  getLeaderboard: op({
    method: 'GET',
    path: '/leaderboard',
    auth: 'employee',
    tag: 'points',
    summary: 'Top employees by points; ties by employee id',
    query: Query({
      period: Type.Unsafe<(typeof PERIODS)[number]>({ type: 'string', enum: [...PERIODS], default: 'month' }),
      scope: Type.Unsafe<(typeof SCOPES)[number]>({ type: 'string', enum: [...SCOPES], default: 'company' }),
      limit: Limit(100, 10),
    }),
    responses: { 200: S.Leaderboard },
  }),
  listContests: op({
    method: 'GET',
    path: '/contests',
    auth: 'employee',
    tag: 'points',
    summary: 'Contests running now and those ended in the last 30 days, with their leaderboards (stored once ended)',
    responses: { 200: S.ContestList },
  }),

  /* ---------------------------------------------------------- suggestions */
  createSuggestion: op({
    method: 'POST',
    path: '/suggestions',
    auth: 'employee',
    tag: 'suggestions',
    summary: 'Suggest a URL for the program',
    idempotencyKey: 'optional',
    body: S.SuggestionInput,
    responses: { 201: S.Suggestion, 200: S.Suggestion },
  }),

  /* ---------------------------------------------------------- events and conversions */
  sendEvents: op({
    method: 'POST',
    path: '/events',
    auth: 'employee',
    tag: 'events',
    summary: 'Participation events (sendBeacon may post text/plain with `accessToken` in the body)',
    body: S.EventBatch,
    bodyTypes: ['application/json', 'text/plain'],
    tokenInBody: true,
    responses: { 200: S.EventBatchResult },
    problems: { 413: 'More than the events body limit' },
  }),
  recordConversion: op({
    method: 'POST',
    path: '/conversions',
    auth: 'apiKey',
    tag: 'conversions',
    summary: "Record a conversion for a referral code, from the company's systems (X-Api-Key; an employee token gets 403)",
    idempotencyKey: 'optional',
    body: S.ConversionInput,
    responses: { 201: S.Conversion, 200: S.Conversion },
    problems: {
      403: 'An employee token instead of an API key',
      409: 'externalId reused by the same source with a different body',
      422: 'Unknown code, a value above the maximum, or a value without a currency',
    },
  }),

  /* ---------------------------------------------------------- admin: content */
  adminListPosts: op({
    method: 'GET',
    path: '/admin/posts',
    auth: 'admin',
    tag: 'admin',
    summary: 'All posts with their results so far, newest first',
    query: Query({
      status: Type.Optional(S.StringEnum(POST_STATUSES)),
      q: Short(200),
      topic: Short(200),
      kind: Type.Optional(S.StringEnum(CONTENT_KINDS)),
      ...PageQuery,
    }),
    responses: { 200: S.AdminPostPage },
    problems: NOT_ADMIN,
  }),
  adminCreatePost: op({
    method: 'POST',
    path: '/admin/posts',
    auth: 'admin',
    tag: 'admin',
    summary: 'Create a post (a future publishAt schedules it)',
    body: S.PostInput,
    responses: { 201: S.Post },
    problems: NOT_ADMIN,
  }),
  adminUpdatePost: op({
    method: 'PATCH',
    path: '/admin/posts/{id}',
    auth: 'admin',
    tag: 'admin',
    summary: 'Update a post',
    body: S.PostPatch,
    responses: { 200: S.Post },
    problems: { ...NOT_ADMIN, 404: 'Unknown post' },
  }),
  adminArchivePost: op({
    method: 'POST',
    path: '/admin/posts/{id}/archive',
    auth: 'admin',
    tag: 'admin',
    summary: 'Archive a post (its tracking links keep redirecting)',
    responses: { 200: S.Post },
    problems: { ...NOT_ADMIN, 404: 'Unknown post' },
  }),
  adminLinkPreview: op({
    method: 'POST',
    path: '/admin/preview',
    auth: 'admin',
    tag: 'admin',
    summary:
      "A link's title, description, image and site name from its Open Graph tags, fetched by the server (5 s, 512 KiB, at most 3 redirects, public addresses only: every resolved address of every hop is checked)",
    body: S.LinkPreviewRequest,
    responses: { 200: S.LinkPreview },
    problems: {
      ...NOT_ADMIN,
      422: 'The link could not be previewed (field error on url: invalid_url, blocked_address, too_many_redirects, timeout, unreachable, http_status, not_html)',
    },
  }),

  /* ---------------------------------------------------------- admin: suggestions */
  adminListSuggestions: op({
    method: 'GET',
    path: '/admin/suggestions',
    auth: 'admin',
    tag: 'admin',
    summary: 'Suggestions with the sender’s name, newest first',
    query: Query({ status: Type.Optional(S.StringEnum(SUGGESTION_STATUSES)), ...PageQuery }),
    responses: { 200: S.AdminSuggestionPage },
    problems: NOT_ADMIN,
  }),
  adminReviewSuggestion: op({
    method: 'POST',
    path: '/admin/suggestions/{id}/review',
    auth: 'admin',
    tag: 'admin',
    summary: 'Approve (creates a post, awards points once) or reject (with a reason)',
    body: S.SuggestionReview,
    responses: { 200: S.Suggestion },
    problems: { ...NOT_ADMIN, 404: 'Unknown suggestion', 409: 'Already reviewed' },
  }),

  /* ---------------------------------------------------------- admin: results */
  adminAnalytics: op({
    method: 'GET',
    path: '/admin/analytics',
    auth: 'admin',
    tag: 'admin',
    summary: 'Program results over a window',
    query: Window,
    responses: { 200: S.AnalyticsSummary },
    problems: NOT_ADMIN,
  }),
  adminExportShares: op({
    method: 'GET',
    path: '/admin/exports/shares.csv',
    auth: 'admin',
    tag: 'admin',
    summary: "CSV export of shares (cells starting with = + - @ are prefixed with ')",
    query: Window,
    responses: { 200: 'csv' },
    problems: NOT_ADMIN,
  }),
  adminExportClicks: op({
    method: 'GET',
    path: '/admin/exports/clicks.csv',
    auth: 'admin',
    tag: 'admin',
    summary: "CSV export of clicks (cells starting with = + - @ are prefixed with ')",
    query: Window,
    responses: { 200: 'csv' },
    problems: NOT_ADMIN,
  }),
  adminExportConversions: op({
    method: 'GET',
    path: '/admin/exports/conversions.csv',
    auth: 'admin',
    tag: 'admin',
    summary: "CSV export of conversions (cells starting with = + - @ are prefixed with ')",
    query: Window,
    responses: { 200: 'csv' },
    problems: NOT_ADMIN,
  }),
  adminExportCrm: op({
    method: 'GET',
    path: '/admin/exports/crm.csv',
    auth: 'admin',
    tag: 'admin',
    summary: 'CSV of conversions with click-level attribution (advocate, post, network, UTM, clicks) for HubSpot or Salesforce imports',
    query: Window,
    responses: { 200: 'csv' },
    problems: NOT_ADMIN,
  }),

  /* ---------------------------------------------------------- admin: engagement */
  adminCreateContest: op({
    method: 'POST',
    path: '/admin/contests',
    auth: 'admin',
    tag: 'admin',
    summary: 'Create a contest over a date range for the company or one team',
    body: S.ContestInput,
    responses: { 201: S.Contest },
    problems: NOT_ADMIN,
  }),
  adminCaps: op({
    method: 'GET',
    path: '/admin/caps',
    auth: 'admin',
    tag: 'admin',
    summary: 'The anti-gaming caps this server enforces',
    responses: { 200: S.CapList },
    problems: NOT_ADMIN,
  }),

  /* ---------------------------------------------------------- admin: webhooks */
  adminListWebhooks: op({
    method: 'GET',
    path: '/admin/webhooks',
    auth: 'admin',
    tag: 'webhooks',
    summary: 'Webhook endpoints',
    responses: { 200: S.WebhookEndpointList },
    problems: NOT_ADMIN,
  }),
  adminCreateWebhook: op({
    method: 'POST',
    path: '/admin/webhooks',
    auth: 'admin',
    tag: 'webhooks',
    summary: 'Register an endpoint for some event types (https; no private addresses unless the server allows them)',
    body: S.WebhookEndpointCreate,
    responses: { 201: S.WebhookEndpointCreated },
    problems: NOT_ADMIN,
  }),
  adminGetWebhook: op({
    method: 'GET',
    path: '/admin/webhooks/{id}',
    auth: 'admin',
    tag: 'webhooks',
    summary: 'One endpoint',
    responses: { 200: S.WebhookEndpoint },
    problems: { ...NOT_ADMIN, 404: 'Unknown endpoint' },
  }),
  adminUpdateWebhook: op({
    method: 'PATCH',
    path: '/admin/webhooks/{id}',
    auth: 'admin',
    tag: 'webhooks',
    summary: 'Change the URL, events, description or active flag',
    body: S.WebhookEndpointUpdate,
    responses: { 200: S.WebhookEndpoint },
    problems: { ...NOT_ADMIN, 404: 'Unknown endpoint' },
  }),
  adminDeleteWebhook: op({
    method: 'DELETE',
    path: '/admin/webhooks/{id}',
    auth: 'admin',
    tag: 'webhooks',
    summary: 'Remove an endpoint (its delivery log stays)',
    responses: { 204: null },
    problems: { ...NOT_ADMIN, 404: 'Unknown endpoint' },
  }),
  adminListWebhookDeliveries: op({
    method: 'GET',
    path: '/admin/webhooks/{id}/deliveries',
    auth: 'admin',
    tag: 'webhooks',
    summary: 'Delivery log of an endpoint, newest first',
    query: Query(PageQuery),
    responses: { 200: S.WebhookDeliveryPage },
    problems: { ...NOT_ADMIN, 404: 'Unknown endpoint' },
  }),
  adminReplayWebhookDelivery: op({
    method: 'POST',
    path: '/admin/webhooks/deliveries/{id}/replay',
    auth: 'admin',
    tag: 'webhooks',
    summary: 'Send a logged delivery again (a new delivery of the same event, signed at send time)',
    responses: { 202: S.WebhookDelivery },
    problems: { ...NOT_ADMIN, 404: 'Unknown delivery or endpoint' },
  }),

  /* ---------------------------------------------------------- demo sign-in */
  demoEmployees: op({
    method: 'GET',
    path: '/auth/demo-employees',
    auth: 'public',
    tag: 'demo',
    summary: 'Seeded employees to sign in as (only when demo auth is enabled)',
    responses: { 200: S.EmployeeList },
    problems: { 404: 'Demo auth is off' },
  }),
  demoToken: op({
    method: 'POST',
    path: '/auth/demo-token',
    auth: 'public',
    tag: 'demo',
    summary: 'A token for a seeded employee (only when demo auth is enabled)',
    body: S.DemoTokenRequest,
    responses: { 200: S.DemoToken },
    problems: { 404: 'Demo auth is off or unknown employee' },
  }),

  /* ---------------------------------------------------------- people: topics, teams, employee directory */
  adminListTopics: op({
    method: 'GET',
    path: '/admin/topics',
    auth: 'admin',
    tag: 'people',
    summary: 'Every topic, archived ones too, by position',
    responses: { 200: S.AdminTopicList },
    problems: NOT_ADMIN,
  }),
  adminCreateTopic: op({
    method: 'POST',
    path: '/admin/topics',
    auth: 'admin',
    tag: 'people',
    summary: 'Create a topic',
    body: S.TaxonomyCreate,
    responses: { 201: S.AdminTopic },
    problems: { ...NOT_ADMIN, 409: 'The id is taken' },
  }),
  adminUpdateTopic: op({
    method: 'PATCH',
    path: '/admin/topics/{id}',
    auth: 'admin',
    tag: 'people',
    summary: 'Rename, reorder, archive or restore a topic (posts keep archived topics)',
    body: S.TaxonomyPatch,
    responses: { 200: S.AdminTopic },
    problems: { ...NOT_ADMIN, 404: 'Unknown topic' },
  }),
  adminListTeams: op({
    method: 'GET',
    path: '/admin/teams',
    auth: 'admin',
    tag: 'people',
    summary: 'Every team, archived ones too, by position',
    responses: { 200: S.AdminTeamList },
    problems: NOT_ADMIN,
  }),
  adminCreateTeam: op({
    method: 'POST',
    path: '/admin/teams',
    auth: 'admin',
    tag: 'people',
    summary: 'Create a team',
    body: S.TaxonomyCreate,
    responses: { 201: S.AdminTeam },
    problems: { ...NOT_ADMIN, 409: 'The id is taken' },
  }),
  adminUpdateTeam: op({
    method: 'PATCH',
    path: '/admin/teams/{id}',
    auth: 'admin',
    tag: 'people',
    summary: 'Rename, reorder, archive or restore a team (shares and results keep archived teams)',
    body: S.TaxonomyPatch,
    responses: { 200: S.AdminTeam },
    problems: { ...NOT_ADMIN, 404: 'Unknown team' },
  }),
  adminListEmployees: op({
    method: 'GET',
    path: '/admin/employees',
    auth: 'admin',
    tag: 'people',
    summary: 'The employee directory by name: search name, email or id (q); filter by team, role, status, language',
    query: Query({
      q: Short(200),
      team: Short(200),
      role: Type.Optional(S.StringEnum(ROLES)),
      status: Type.Optional(S.StringEnum(EMPLOYEE_STATUSES)),
      language: Short(35),
      ...PageQuery,
    }),
    responses: { 200: S.AdminEmployeePage },
    problems: NOT_ADMIN,
  }),
  adminUpdateEmployee: op({
    method: 'PATCH',
    path: '/admin/employees/{id}',
    auth: 'admin',
    tag: 'people',
    summary: "Change an employee's role or team (a team claim in their token wins at their next sign-in)",
    body: S.EmployeePatch,
    responses: { 200: S.AdminEmployee },
    problems: {
      ...NOT_ADMIN,
      404: 'Unknown employee',
      409: 'An admin changing their own role',
      422: 'Unknown or archived team (field error on team)',
    },
  }),
  adminDeactivateEmployee: op({
    method: 'POST',
    path: '/admin/employees/{id}/deactivate',
    auth: 'admin',
    tag: 'people',
    summary: 'Deactivate a leaver: their token is refused, they earn no points and leave leaderboards; their links keep redirecting',
    responses: { 200: S.AdminEmployee },
    problems: { ...NOT_ADMIN, 404: 'Unknown employee', 409: 'An admin deactivating themselves' },
  }),
  adminReactivateEmployee: op({
    method: 'POST',
    path: '/admin/employees/{id}/reactivate',
    auth: 'admin',
    tag: 'people',
    summary: 'Reactivate a deactivated employee',
    responses: { 200: S.AdminEmployee },
    problems: { ...NOT_ADMIN, 404: 'Unknown employee' },
  }),
  /* ---------------------------------------------------------- program: policy and compliance */
  getCompliance: op({
    method: 'GET',
    path: '/compliance',
    auth: 'employee',
    tag: 'compliance',
    summary: 'The current social-media policy, the blocked terms and the disclosures, for the share dialog to load once',
    responses: { 200: S.Compliance },
  }),
  adminListPolicyVersions: op({
    method: 'GET',
    path: '/admin/policy/versions',
    auth: 'admin',
    tag: 'compliance',
    summary: 'Every policy version, newest first (the draft, if any, first)',
    responses: { 200: S.PolicyVersionList },
    problems: NOT_ADMIN,
  }),
  adminSavePolicyDraft: op({
    method: 'PUT',
    path: '/admin/policy/draft',
    auth: 'admin',
    tag: 'compliance',
    summary: 'Write the draft of the next policy version (created on first save)',
    body: S.PolicyDraftInput,
    responses: { 200: S.PolicyVersion },
    problems: NOT_ADMIN,
  }),
  adminPublishPolicy: op({
    method: 'POST',
    path: '/admin/policy/draft/publish',
    auth: 'admin',
    tag: 'compliance',
    summary: 'Publish the draft: it becomes the current version, never changes again, and every employee must accept it before sharing',
    responses: { 200: S.PolicyVersion },
    problems: { ...NOT_ADMIN, 404: 'No draft to publish' },
  }),
  adminCreateBlockedTerm: op({
    method: 'POST',
    path: '/admin/compliance/blocked-terms',
    auth: 'admin',
    tag: 'compliance',
    summary: 'Block a word or phrase in shared commentary, with the reason the employee sees',
    body: S.BlockedTermInput,
    responses: { 201: S.BlockedTerm },
    problems: { ...NOT_ADMIN, 409: 'The term is already blocked for this locale' },
  }),
  adminDeleteBlockedTerm: op({
    method: 'DELETE',
    path: '/admin/compliance/blocked-terms/{id}',
    auth: 'admin',
    tag: 'compliance',
    summary: 'Unblock a term',
    responses: { 204: null },
    problems: { ...NOT_ADMIN, 404: 'Unknown term' },
  }),
  adminUpdateDisclosures: op({
    method: 'PUT',
    path: '/admin/compliance/disclosures',
    auth: 'admin',
    tag: 'compliance',
    summary: 'Set the disclosure per locale (replaces them all; an empty map requires none)',
    body: S.DisclosuresInput,
    responses: { 200: S.Compliance },
    problems: NOT_ADMIN,
  }),

  /* ---------------------------------------------------------- scim: provisioning tokens */
  adminGetScimSettings: op({
    method: 'GET',
    path: '/admin/scim-token',
    auth: 'admin',
    tag: 'scim',
    summary: 'The SCIM base URL, the employee id mapping and the SCIM tokens (never the tokens themselves)',
    responses: { 200: S.ScimSettings },
    problems: NOT_ADMIN,
  }),
  adminCreateScimToken: op({
    method: 'POST',
    path: '/admin/scim-token',
    auth: 'admin',
    tag: 'scim',
    summary: 'Create a SCIM token, shown once (to rotate: create a new one, update the identity provider, revoke the old one)',
    responses: { 201: S.ScimTokenCreated },
    problems: { ...NOT_ADMIN, 409: 'Five tokens are active already: revoke one first' },
  }),
  adminRevokeScimToken: op({
    method: 'DELETE',
    path: '/admin/scim-token/{id}',
    auth: 'admin',
    tag: 'scim',
    summary: 'Revoke a SCIM token: the next SCIM request with it gets 401',
    responses: { 204: null },
    problems: { ...NOT_ADMIN, 404: 'Unknown or revoked token' },
  }),

  /* ---------------------------------------------------------- pilots: membership, invitations, goals */
  getMyMembership: op({
    method: 'GET',
    path: '/me/membership',
    auth: 'employee',
    tag: 'me',
    summary: 'My place in the program: invited, joined, declined or not invited, and whether I take part now',
    responses: { 200: S.Membership },
  }),
  respondToInvitation: op({
    method: 'POST',
    path: '/me/membership',
    auth: 'employee',
    tag: 'me',
    summary: 'Accept or decline my invitation (in open enrollment anyone may join or opt out); answering again changes the answer',
    body: S.InvitationResponse,
    responses: { 200: S.Membership },
    problems: { 404: 'Invitation enrollment and no invitation to answer' },
  }),
  adminGetEnrollment: op({
    method: 'GET',
    path: '/admin/program/enrollment',
    auth: 'admin',
    tag: 'admin',
    summary: 'The enrollment mode: open (everyone who signs in) or invitation (only who accepted)',
    responses: { 200: S.Enrollment },
    problems: NOT_ADMIN,
  }),
  adminSetEnrollment: op({
    method: 'PUT',
    path: '/admin/program/enrollment',
    auth: 'admin',
    tag: 'admin',
    summary: 'Change the enrollment mode (audited)',
    body: S.EnrollmentInput,
    responses: { 200: S.Enrollment },
    problems: NOT_ADMIN,
  }),
  adminListMembers: op({
    method: 'GET',
    path: '/admin/members',
    auth: 'admin',
    tag: 'admin',
    summary: 'Every employee with their program state, by employee id; `not_joined` lists the invited, the declined and the never invited',
    query: Query({ state: Type.Optional(S.StringEnum(MEMBER_FILTERS)), team: Short(200), ...PageQuery }),
    responses: { 200: S.MemberPage },
    problems: NOT_ADMIN,
  }),
  adminInvite: op({
    method: 'POST',
    path: '/admin/invitations',
    auth: 'admin',
    tag: 'admin',
    summary:
      'Invite employees and the current members of teams (people who join a team later are not invited); joined members stay as they are',
    body: S.InvitationInput,
    responses: { 200: S.InvitationResult },
    problems: { ...NOT_ADMIN, 422: 'An unknown employee or team' },
  }),
  adminListGoals: op({
    method: 'GET',
    path: '/admin/goals',
    auth: 'admin',
    tag: 'admin',
    summary: 'Goals with their progress today, by start date; archived ones only when asked',
    query: Query({ archived: Type.Boolean({ default: false, description: 'Include archived goals.' }) }),
    responses: { 200: S.GoalList },
    problems: NOT_ADMIN,
  }),
  adminCreateGoal: op({
    method: 'POST',
    path: '/admin/goals',
    auth: 'admin',
    tag: 'admin',
    summary: 'Set a goal: a metric, a target and a date range, for the company or one team (audited)',
    body: S.GoalInput,
    responses: { 201: S.Goal },
    problems: { ...NOT_ADMIN, 422: 'An unknown team, a range that ends before it starts, or a participation target above 1' },
  }),
  adminUpdateGoal: op({
    method: 'PATCH',
    path: '/admin/goals/{id}',
    auth: 'admin',
    tag: 'admin',
    summary: 'Change or archive a goal (audited)',
    body: S.GoalPatch,
    responses: { 200: S.Goal },
    problems: { ...NOT_ADMIN, 404: 'Unknown goal', 422: 'As for creating one' },
  }),
  adminDeleteGoal: op({
    method: 'DELETE',
    path: '/admin/goals/{id}',
    auth: 'admin',
    tag: 'admin',
    summary: 'Delete a goal (audited)',
    responses: { 204: null },
    problems: { ...NOT_ADMIN, 404: 'Unknown goal' },
  }),
  /* ---------------------------------------------------------- privacy: audit log, personal data, erasure, retention */
  adminListAudit: op({
    method: 'GET',
    path: '/admin/audit',
    auth: 'admin',
    tag: 'privacy',
    summary: 'The audit log of admin, SCIM and system changes, newest first',
    query: AuditQuery,
    responses: { 200: S.AuditPage },
    problems: NOT_ADMIN,
  }),
  adminExportAudit: op({
    method: 'GET',
    path: '/admin/exports/audit.csv',
    auth: 'admin',
    tag: 'privacy',
    summary: 'The audit log as CSV (same filters, newest first; cells a spreadsheet could run are guarded)',
    query: AuditFilters,
    responses: { 200: 'csv' },
    problems: NOT_ADMIN,
  }),
  getMyExport: op({
    method: 'GET',
    path: '/me/export',
    auth: 'employee',
    tag: 'privacy',
    summary: 'Everything the program stores about the signed-in employee, as JSON',
    responses: { 200: S.PersonalDataExport },
  }),
  adminExportEmployee: op({
    method: 'GET',
    path: '/admin/employees/{id}/export',
    auth: 'admin',
    tag: 'privacy',
    summary: 'Everything the program stores about one person, as JSON',
    responses: { 200: S.PersonalDataExport },
    problems: { ...NOT_ADMIN, 404: 'Unknown employee' },
  }),
  adminEraseEmployee: op({
    method: 'POST',
    path: '/admin/employees/{id}/erasure',
    auth: 'admin',
    tag: 'privacy',
    summary: 'Anonymise a person: personal data cleared, counts kept, id replaced by a pseudonym (idempotent)',
    responses: { 200: S.ErasureResult },
    problems: { ...NOT_ADMIN, 404: 'Unknown employee', 409: 'An admin cannot erase themselves' },
  }),
  adminGetPrivacySettings: op({
    method: 'GET',
    path: '/admin/privacy/settings',
    auth: 'admin',
    tag: 'privacy',
    summary: 'How long raw click rows are kept',
    responses: { 200: S.PrivacySettings },
    problems: NOT_ADMIN,
  }),
  adminUpdatePrivacySettings: op({
    method: 'PUT',
    path: '/admin/privacy/settings',
    auth: 'admin',
    tag: 'privacy',
    summary: 'Change how long raw click rows are kept (audited)',
    body: S.PrivacySettingsUpdate,
    responses: { 200: S.PrivacySettings },
    problems: NOT_ADMIN,
  }),

  /* ---------------------------------------------------------- rewards */
  listRewards: op({
    method: 'GET',
    path: '/rewards',
    auth: 'employee',
    tag: 'rewards',
    summary: 'Rewards I may request now: active, in their dates, for my team or everyone; cheapest first',
    responses: { 200: S.RewardList },
  }),
  getMyPointsBalance: op({
    method: 'GET',
    path: '/me/points/balance',
    auth: 'employee',
    tag: 'rewards',
    summary: 'My points to spend: earned − spent − held',
    responses: { 200: S.PointsBalance },
  }),
  requestReward: op({
    method: 'POST',
    path: '/rewards/{id}/requests',
    auth: 'employee',
    tag: 'rewards',
    summary:
      'Request a reward for myself: holds its cost and one of its stock until an admin decides. A retry under the same Idempotency-Key answers 200 with the first request and holds nothing more',
    idempotencyKey: 'optional',
    responses: { 201: S.RewardRequest, 200: S.RewardRequest },
    problems: {
      404: 'Unknown reward, or not one I may request (inactive, out of its dates, another team’s)',
      409: 'Out of stock, or the Idempotency-Key was already used for another reward',
      422: 'Not enough points (field error on rewardId: insufficient_points)',
    },
  }),
  listMyRewardRequests: op({
    method: 'GET',
    path: '/me/reward-requests',
    auth: 'employee',
    tag: 'rewards',
    summary: 'My reward requests, newest first, with their status and the reason of a rejection',
    query: Query(PageQuery),
    responses: { 200: S.RewardRequestPage },
  }),
  cancelRewardRequest: op({
    method: 'POST',
    path: '/me/reward-requests/{id}/cancel',
    auth: 'employee',
    tag: 'rewards',
    summary: 'Cancel my pending request: its points and stock come back',
    responses: { 200: S.RewardRequest },
    problems: { 404: 'Unknown request (or someone else’s)', 409: 'No longer pending' },
  }),
  adminListRewards: op({
    method: 'GET',
    path: '/admin/rewards',
    auth: 'admin',
    tag: 'rewards',
    summary: 'Every reward, active or not, newest first',
    responses: { 200: S.RewardList },
    problems: NOT_ADMIN,
  }),
  adminCreateReward: op({
    method: 'POST',
    path: '/admin/rewards',
    auth: 'admin',
    tag: 'rewards',
    summary: 'Create a reward',
    body: S.RewardInput,
    responses: { 201: S.Reward },
    problems: { ...NOT_ADMIN, 422: 'Invalid reward (field errors: unknown team, ends before it starts)' },
  }),
  adminUpdateReward: op({
    method: 'PATCH',
    path: '/admin/rewards/{id}',
    auth: 'admin',
    tag: 'rewards',
    summary: 'Edit a reward (`active: false` deactivates it; pending requests stay)',
    body: S.RewardPatch,
    responses: { 200: S.Reward },
    problems: { ...NOT_ADMIN, 404: 'Unknown reward', 422: 'Invalid reward (field errors)' },
  }),
  adminListRewardRequests: op({
    method: 'GET',
    path: '/admin/reward-requests',
    auth: 'admin',
    tag: 'rewards',
    summary: 'Reward requests with the requester’s name, newest first',
    query: Query({ status: Type.Optional(S.StringEnum(REWARD_REQUEST_STATUSES)), ...PageQuery }),
    responses: { 200: S.AdminRewardRequestPage },
    problems: NOT_ADMIN,
  }),
  adminDecideRewardRequest: op({
    method: 'POST',
    path: '/admin/reward-requests/{id}/decision',
    auth: 'admin',
    tag: 'rewards',
    summary:
      'Approve a pending request (its points are spent), reject it with a reason (points and stock come back), or mark an approved one fulfilled',
    body: S.RewardDecision,
    responses: { 200: S.RewardRequest },
    problems: { ...NOT_ADMIN, 404: 'Unknown request', 409: 'Not in a state that allows this decision' },
  }),
  adminAdjustPoints: op({
    method: 'POST',
    path: '/admin/points/adjustments',
    auth: 'admin',
    tag: 'rewards',
    summary: 'Grant or deduct points with a reason the employee sees (a deduction never takes the balance below zero)',
    body: S.PointsAdjustment,
    responses: { 201: S.PointsEntry },
    problems: {
      ...NOT_ADMIN,
      422: 'Unknown employee (field error on employeeId), or a deduction larger than the balance (field error on delta: insufficient_points)',
    },
  }),
  // leaderboards and contests
  adminGetLeaderboardSettings: op({
    method: 'GET',
    path: '/admin/program/leaderboard',
    auth: 'admin',
    tag: 'admin',
    summary: 'How the leaderboard shows employees to each other: named, or anonymous with opted-in names only',
    responses: { 200: S.LeaderboardSettings },
    problems: NOT_ADMIN,
  }),
  adminSetLeaderboardSettings: op({
    method: 'PUT',
    path: '/admin/program/leaderboard',
    auth: 'admin',
    tag: 'admin',
    summary: 'Turn the anonymous leaderboard on or off, or change how many opted-in employees it lists (audited)',
    body: S.LeaderboardSettingsInput,
    responses: { 200: S.LeaderboardSettings },
    problems: NOT_ADMIN,
  }),
  adminListContests: op({
    method: 'GET',
    path: '/admin/contests',
    auth: 'admin',
    tag: 'admin',
    summary: 'Every contest, scheduled, running, ended or cancelled, latest start first, with its standings (final once ended)',
    responses: { 200: S.ContestList },
    problems: NOT_ADMIN,
  }),
  adminUpdateContest: op({
    method: 'PATCH',
    path: '/admin/contests/{id}',
    auth: 'admin',
    tag: 'admin',
    summary: 'Edit a contest before it ends (the start only before it starts; audited)',
    body: S.ContestPatch,
    responses: { 200: S.Contest },
    problems: { ...NOT_ADMIN, 404: 'Unknown contest', 409: 'The contest ended or was cancelled', 422: 'Invalid contest (field errors)' },
  }),
  adminCancelContest: op({
    method: 'POST',
    path: '/admin/contests/{id}/cancel',
    auth: 'admin',
    tag: 'admin',
    summary: 'Call a contest off before it ends: employees no longer see it (audited)',
    responses: { 200: S.Contest },
    problems: { ...NOT_ADMIN, 404: 'Unknown contest', 409: 'The contest ended or was cancelled' },
  }),
  /* ---------------------------------------------------------- admin: delivery (email, Teams, Slack) */
  adminGetDeliverySettings: op({
    method: 'GET',
    path: '/admin/delivery/settings',
    auth: 'admin',
    tag: 'delivery',
    summary: 'SMTP, Teams and Slack settings and which kinds go where (the SMTP password is never returned)',
    responses: { 200: S.DeliverySettings },
    problems: NOT_ADMIN,
  }),
  adminUpdateDeliverySettings: op({
    method: 'PATCH',
    path: '/admin/delivery/settings',
    auth: 'admin',
    tag: 'delivery',
    summary: 'Change delivery settings; a password left out is kept (audited, without the password)',
    body: S.DeliverySettingsInput,
    responses: { 200: S.DeliverySettings },
    problems: { ...NOT_ADMIN, 422: 'Invalid settings, or a Teams/Slack URL to a private address' },
  }),
  adminTestDelivery: op({
    method: 'POST',
    path: '/admin/delivery/test',
    auth: 'admin',
    tag: 'delivery',
    summary: 'Send a test message on one channel now, through the outbox; answers the message with its first attempt',
    body: S.DeliveryTestInput,
    responses: { 202: S.DeliveryMessage },
    problems: { ...NOT_ADMIN, 409: 'The channel is not configured' },
  }),
  adminListDeliveryMessages: op({
    method: 'GET',
    path: '/admin/delivery/messages',
    auth: 'admin',
    tag: 'delivery',
    summary: 'The delivery log: every email, Teams and Slack message, newest first',
    query: Query(PageQuery),
    responses: { 200: S.DeliveryMessagePage },
    problems: NOT_ADMIN,
  }),

  /* ---------------------------------------------------------- curated sources (RSS/Atom) and the curation queue */
  adminListSources: op({
    method: 'GET',
    path: '/admin/sources',
    auth: 'admin',
    tag: 'admin',
    summary: 'Every curated source (RSS, Atom or JSON feed) with its last fetch and last error',
    responses: { 200: S.CuratedSourceList },
    problems: NOT_ADMIN,
  }),
  adminCreateSource: op({
    method: 'POST',
    path: '/admin/sources',
    auth: 'admin',
    tag: 'admin',
    summary: 'Add a curated source; it is fetched on the next scheduler pass (audited)',
    body: S.CuratedSourceInput,
    responses: { 201: S.CuratedSource },
    problems: {
      ...NOT_ADMIN,
      409: 'A source with this URL exists',
      422: 'Invalid source (field errors; `blocked_address` for an address that is not on the public internet)',
    },
  }),
  adminUpdateSource: op({
    method: 'PATCH',
    path: '/admin/sources/{id}',
    auth: 'admin',
    tag: 'admin',
    summary: 'Rename, pause or resume a source, or change its interval, language or topics (audited)',
    body: S.CuratedSourcePatch,
    responses: { 200: S.CuratedSource },
    problems: { ...NOT_ADMIN, 404: 'Unknown source' },
  }),
  adminDeleteSource: op({
    method: 'DELETE',
    path: '/admin/sources/{id}',
    auth: 'admin',
    tag: 'admin',
    summary: 'Remove a source and its pending items; published posts stay (audited)',
    responses: { 204: null },
    problems: { ...NOT_ADMIN, 404: 'Unknown source' },
  }),
  adminFetchSource: op({
    method: 'POST',
    path: '/admin/sources/{id}/fetch',
    auth: 'admin',
    tag: 'admin',
    summary:
      'Fetch a source now (conditional GET with its ETag and Last-Modified; 10 s, 2 MiB, at most 3 redirects, public addresses only); answers the source with its last error',
    responses: { 200: S.CuratedSource },
    problems: { ...NOT_ADMIN, 404: 'Unknown source' },
  }),
  adminListCuration: op({
    method: 'GET',
    path: '/admin/curation',
    auth: 'admin',
    tag: 'admin',
    summary: 'The curation queue, newest found first (default: pending items)',
    query: Query({ status: Type.Optional(S.StringEnum(['pending', 'published', 'dismissed'] as const)), source: Short(200), ...PageQuery }),
    responses: { 200: S.CurationItemPage },
    problems: NOT_ADMIN,
  }),
  adminPublishCurationItem: op({
    method: 'POST',
    path: '/admin/curation/{id}/publish',
    auth: 'admin',
    tag: 'admin',
    summary: 'Publish a pending item as a `curated` post, prefilled from the item and its preview (audited)',
    body: S.CurationPublish,
    bodyOptional: true,
    responses: { 201: S.Post },
    problems: { ...NOT_ADMIN, 404: 'Unknown item', 409: 'The item was already published or dismissed', 422: 'Invalid post (field errors)' },
  }),
  adminDismissCurationItem: op({
    method: 'POST',
    path: '/admin/curation/{id}/dismiss',
    auth: 'admin',
    tag: 'admin',
    summary: 'Take a pending item off the queue (audited)',
    responses: { 200: S.CurationItem },
    problems: { ...NOT_ADMIN, 404: 'Unknown item', 409: 'The item was already published or dismissed' },
  }),

  // point rules (admin settings, versioned)
  getPointValues: op({
    method: 'GET',
    path: '/points/values',
    auth: 'employee',
    tag: 'points',
    summary: 'The point values in effect now: per contribution, per network for a first share, and the click cap',
    responses: { 200: S.EffectivePointValues },
  }),
  adminListPointRules: op({
    method: 'GET',
    path: '/admin/points/rules',
    auth: 'admin',
    tag: 'admin',
    summary:
      'Every version of the point rules (current, scheduled, past), latest effective time first, with the defaults and the rules in effect now',
    responses: { 200: S.PointRulesVersionList },
    problems: NOT_ADMIN,
  }),
  adminCreatePointRules: op({
    method: 'POST',
    path: '/admin/points/rules',
    auth: 'admin',
    tag: 'admin',
    summary: 'Add a version of the point rules, effective now or from a later time (audited)',
    body: S.PointRulesVersionInput,
    responses: { 201: S.PointRulesVersion },
    problems: { ...NOT_ADMIN, 422: 'Invalid values or an effective time in the past (field errors)' },
  }),
  adminUpdatePointRules: op({
    method: 'PATCH',
    path: '/admin/points/rules/{id}',
    auth: 'admin',
    tag: 'admin',
    summary: 'Edit a scheduled version before it takes effect (audited)',
    body: S.PointRulesVersionPatch,
    responses: { 200: S.PointRulesVersion },
    problems: {
      ...NOT_ADMIN,
      404: 'Unknown version',
      409: 'The version already took effect (history)',
      422: 'Invalid values (field errors)',
    },
  }),
  adminDeletePointRules: op({
    method: 'DELETE',
    path: '/admin/points/rules/{id}',
    auth: 'admin',
    tag: 'admin',
    summary: 'Delete a scheduled version before it takes effect (audited)',
    responses: { 204: null },
    problems: { ...NOT_ADMIN, 404: 'Unknown version', 409: 'The version already took effect (history)' },
  }),
} as const satisfies Record<string, Operation>;

export type Operations = typeof operations;
export type OperationId = keyof Operations;

/* ------------------------------------------------------------ types derived from an operation */

type StaticOr<T, Fallback> = T extends TSchema ? Static<T> : Fallback;

/** The query a handler sees: parameters with a default are always there. */
export type QueryOf<Id extends OperationId> = Operations[Id] extends { query: infer Q }
  ? StaticOr<Q, Record<string, never>>
  : Record<string, never>;
/** The request body of an operation (`undefined` when it takes none). */
export type BodyOf<Id extends OperationId> = Operations[Id] extends { body: infer B }
  ? Operations[Id] extends { bodyOptional: true }
    ? StaticOr<B, undefined> | undefined
    : StaticOr<B, undefined>
  : undefined;
/** What an operation answers on success (the first listed status). */
export type ResponseOf<Id extends OperationId> = Operations[Id]['responses'] extends infer R
  ? R extends { 200: infer T }
    ? StaticOr<T, string>
    : R extends { 201: infer T }
      ? StaticOr<T, string>
      : R extends { 202: infer T }
        ? StaticOr<T, string>
        : undefined
  : never;
/** Names of the path parameters of `Path`: `'/a/{id}/b'` → `'id'`. */
export type PathParams<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParams<Rest> : never;
export type ParamsOf<Id extends OperationId> = Record<PathParams<Operations[Id]['path']>, string>;

/** Names of the path parameters of a path, in order. */
export const pathParams = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
