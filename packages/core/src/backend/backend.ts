import type {
  AdminEmployee,
  AdminTeam,
  AdminTopic,
  EmployeeDirectoryQuery,
  EmployeePatch,
  TaxonomyInput,
  TaxonomyPatch,
  AdminPost,
  AdminRewardRequest,
  AdminPostQuery,
  AdminSuggestion,
  AdvocacyEvent,
  AnalyticsQuery,
  AnalyticsSummary,
  AuditEntry,
  AuditQuery,
  ErasureResult,
  PersonalDataExport,
  PrivacySettings,
  PrivacySettingsUpdate,
  Badge,
  BlockedTerm,
  BlockedTermInput,
  Compliance,
  PolicyVersion,
  Contest,
  Conversion,
  ConversionInput,
  Employee,
  EventBatchResult,
  FeedQuery,
  LinkPreview,
  Leaderboard,
  LeaderboardQuery,
  MyStats,
  MyPointsEntry,
  MyShare,
  Page,
  PageQuery,
  Period,
  PointsAdjustment,
  LeaderboardSettings,
  LeaderboardSettingsInput,
  ContestInput,
  ContestPatch,
  PointsBalance,
  PointsEntry,
  Post,
  PostInput,
  Preferences,
  PreferencesInput,
  ScimSettings,
  ScimTokenCreated,
  Reward,
  RewardDecision,
  RewardInput,
  RewardPatch,
  RewardRequest,
  RewardRequestQuery,
  Share,
  ShareInput,
  Suggestion,
  SuggestionInput,
  SuggestionQuery,
  SuggestionReview,
  Team,
  Topic,
  Enrollment,
  EnrollmentMode,
  Goal,
  GoalInput,
  GoalPatch,
  InvitationDecision,
  InvitationInput,
  InvitationResult,
  Member,
  MemberQuery,
  Membership,
  DeliveryMessage,
  DeliverySettings,
  DeliverySettingsInput,
  DeliveryTestInput,
  CuratedSource,
  CuratedSourceInput,
  CuratedSourcePatch,
  CurationItem,
  CurationPublish,
  CurationQuery,
  EffectivePointValues,
  PointRulesVersion,
  PointRulesVersionInput,
  PointRulesVersionList,
  PointRulesVersionPatch,
} from './contract.js';

/**
 * What the SDK needs from a backend. `httpBackend()` implements it over the open HTTP contract;
 * `memoryBackend()` implements it in memory; an integrator can implement it over their own API.
 *
 * The HTTP routes behind each method are listed in `docs/http-api.md` (and, normatively, in the
 * reference server's OpenAPI document).
 *
 * Every method rejects with an `AdvocacyError` (see `errors.ts`), never with a raw transport
 * error, so the UI can tell the employee what happened.
 */
export interface AdvocacyBackend {
  /** The signed-in employee. */
  getMe(): Promise<Employee>;
  /**
   * Records that the employee accepted the social-media policy: `version` (the one they read),
   * else the current one. Idempotent. A version that is not the current one rejects with `conflict`.
   */
  acceptPolicy(version?: number): Promise<Employee>;
  listTopics(): Promise<Topic[]>;
  listTeams(): Promise<Team[]>;
  /** Published, unexpired posts the employee's audience may see, newest first. */
  listFeed(query?: FeedQuery): Promise<Page<Post>>;
  getPost(id: string): Promise<Post>;
  /**
   * Records a share and returns its tracking link. Same idempotency key → same share; the same post
   * and network again (any key) → the employee's existing share and link, with no new points.
   */
  createShare(input: ShareInput): Promise<Share>;
  /**
   * The employee's own shares, newest first, each with its post's title, unique human clicks,
   * conversions and the points it earned (those results are optional: a backend that can't
   * count them leaves them out).
   */
  listMyShares(query?: PageQuery): Promise<Page<MyShare>>;
  getMyStats(period: Period): Promise<MyStats>;
  /**
   * The employee's own rows of the points ledger, newest first, each with the post (and network)
   * or the reward it is about where a backend knows it, so that a row can be told in words.
   */
  listMyPoints(query?: PageQuery): Promise<Page<MyPointsEntry>>;
  getLeaderboard(query: LeaderboardQuery): Promise<Leaderboard>;
  createSuggestion(input: SuggestionInput, idempotencyKey?: string): Promise<Suggestion>;
  listMySuggestions(query?: PageQuery): Promise<Page<Suggestion>>;
  /** Sends a batch of events; events whose id was already seen are counted as duplicates. */
  sendEvents(events: AdvocacyEvent[]): Promise<EventBatchResult>;
  /**
   * Optional: hands a batch to the browser to deliver while the page unloads (`sendBeacon`).
   * Returns `false` when the browser refused it. `true` only means the browser queued it, never
   * that it arrived, so the event queue keeps the events until `sendEvents` acknowledges them.
   */
  sendEventsBeacon?(events: AdvocacyEvent[]): boolean;
  /**
   * Records a conversion for a referral code. Same `externalId` from the same source → same
   * conversion. Only the company's systems may call it: over HTTP with their API key in
   * `X-Api-Key` (`httpBackend`'s `headers`), on their server; an employee's token gets 403.
   */
  recordConversion(input: ConversionInput): Promise<Conversion>;
  /** Optional: every badge with the signed-in employee's progress and award time. */
  listMyBadges?(): Promise<Badge[]>;
  /** Optional: active contests and those ended in the last 30 days, with their leaderboards. */
  listContests?(): Promise<Contest[]>;
  /** Optional: the signed-in employee's digest and reminder preferences, language and time zone. */
  getPreferences?(): Promise<Preferences>;
  /**
   * Changes some preferences. A language that is not supported or a time zone that is not an IANA
   * zone rejects with `validation` and a field error on `locale` or `timeZone`.
   */
  updatePreferences?(input: PreferencesInput): Promise<Preferences>;
  /* program: policy and compliance */
  /**
   * Optional: the current social-media policy (null when none was ever published), the blocked
   * terms and the disclosure per locale. `createShare` rejects with `forbidden` and the problem
   * `policy_required` until the current version is accepted, and with `validation` and the problem
   * `blocked_terms` when the commentary contains a blocked term.
   */
  getCompliance?(): Promise<Compliance>;
  /* pilots: membership */
  /** Optional: the signed-in employee's place in the program (invited, joined, declined, not invited). */
  getMyMembership?(): Promise<Membership>;
  /**
   * Optional: accepts or declines the signed-in employee's invitation; in open enrollment anyone
   * may join or opt out. Rejects with `not_found` in invitation enrollment without an invitation.
   */
  respondToInvitation?(decision: InvitationDecision): Promise<Membership>;
  /* privacy */
  /** Optional: everything the program stores about the signed-in employee. */
  getMyExport?(): Promise<PersonalDataExport>;

  /* rewards (optional: a backend without rewards leaves them out) */
  /** Rewards the employee may request now: active, in their dates, for their team or everyone. */
  listRewards?(): Promise<Reward[]>;
  /** The employee's points to spend: `balance = earned − spent − held`, never below zero. */
  getMyPointsBalance?(): Promise<PointsBalance>;
  /**
   * Requests a reward for the signed-in employee: holds its cost (a `reward_hold` ledger row) and
   * one of its stock until an admin decides. Rejects with `validation` (field `rewardId`, code
   * `insufficient_points`) when the balance is short, `conflict` when out of stock, `not_found`
   * for a reward the employee may not request. A retry under the same `idempotencyKey` answers
   * with the first request and holds nothing more; the same key for another reward is `conflict`.
   */
  requestReward?(rewardId: string, idempotencyKey?: string): Promise<RewardRequest>;
  listMyRewardRequests?(query?: PageQuery): Promise<Page<RewardRequest>>;
  /** Cancels the employee's own pending request: its points and stock come back. */
  cancelRewardRequest?(requestId: string): Promise<RewardRequest>;
  /* point rules */
  /** Optional: the point values in effect now, per contribution and per network for a first share. */
  getPointValues?(): Promise<EffectivePointValues>;
  /**
   * Program-admin operations; reject with `forbidden` for employees. `httpBackend` takes them from
   * `@advocacy-kit/core/admin` (its `admin` option, or `installHttpAdmin()`).
   */
  admin: AdvocacyAdminBackend;
}

export interface AdvocacyAdminBackend {
  /** Posts with their results so far (`metrics`). */
  listPosts(query?: AdminPostQuery): Promise<Page<AdminPost>>;
  createPost(input: PostInput): Promise<Post>;
  updatePost(id: string, patch: Partial<PostInput>): Promise<Post>;
  archivePost(id: string): Promise<Post>;
  /** Suggestions with the suggesting employee's name. */
  listSuggestions(query?: SuggestionQuery): Promise<Page<AdminSuggestion>>;
  reviewSuggestion(id: string, review: SuggestionReview): Promise<Suggestion>;
  getAnalytics(query: AnalyticsQuery): Promise<AnalyticsSummary>;
  /**
   * Optional: the title, description and image of a link, fetched by the backend (never by the
   * browser: no CORS, and the backend guards its own network). Rejects with `validation` and a
   * field error on `url` when the link cannot be previewed.
   */
  getLinkPreview?(url: string): Promise<LinkPreview>;

  /* People: topics, teams and the employee directory. Optional; every write is audited. */
  /** Every topic, archived ones too, by position then id. */
  listTopics?(): Promise<AdminTopic[]>;
  createTopic?(input: TaxonomyInput): Promise<AdminTopic>;
  /** Rename, reorder, archive (`archived: true`) or restore a topic. */
  updateTopic?(id: string, patch: TaxonomyPatch): Promise<AdminTopic>;
  /** Every team, archived ones too, by position then id. */
  listTeams?(): Promise<AdminTeam[]>;
  createTeam?(input: TaxonomyInput): Promise<AdminTeam>;
  updateTeam?(id: string, patch: TaxonomyPatch): Promise<AdminTeam>;
  /** The employee directory by name, searched (`q`: name, email or id) and filtered. */
  listEmployees?(query?: EmployeeDirectoryQuery): Promise<Page<AdminEmployee>>;
  /** Changes an employee's role or team; an admin can't change their own role (`conflict`). */
  updateEmployee?(id: string, patch: EmployeePatch): Promise<AdminEmployee>;
  /** Deactivates a leaver; an admin can't deactivate themselves (`conflict`). */
  deactivateEmployee?(id: string): Promise<AdminEmployee>;
  reactivateEmployee?(id: string): Promise<AdminEmployee>;
  /* program: policy and compliance (optional) */
  /** Every policy version, the draft (if any) first, then newest first. */
  listPolicyVersions?(): Promise<PolicyVersion[]>;
  /** Writes the draft of the next version (created on first save). */
  savePolicyDraft?(texts: Record<string, string>): Promise<PolicyVersion>;
  /** Publishes the draft; everyone must accept it before sharing again. */
  publishPolicy?(): Promise<PolicyVersion>;
  createBlockedTerm?(input: BlockedTermInput): Promise<BlockedTerm>;
  deleteBlockedTerm?(id: string): Promise<void>;
  /** Replaces the disclosure per locale. */
  updateDisclosures?(disclosures: Record<string, string>): Promise<Compliance>;
  /* scim: provisioning tokens */
  /** Optional: the SCIM base URL, the employee id mapping and the SCIM tokens (never the tokens themselves). */
  getScimSettings?(): Promise<ScimSettings>;
  /** Optional: a new SCIM token; `token` is shown here only. Rejects with `conflict` when five are active. */
  createScimToken?(): Promise<ScimTokenCreated>;
  /** Optional: revokes a SCIM token (the next SCIM request with it gets 401). */
  revokeScimToken?(id: string): Promise<void>;
  /* pilots: enrollment, members, invitations, goals */
  /** Optional: the program's enrollment mode. */
  getEnrollment?(): Promise<Enrollment>;
  setEnrollment?(enrollment: EnrollmentMode): Promise<Enrollment>;
  /** Optional: employees with their program state, by id; filter by state (`not_joined` too) and team. */
  listMembers?(query?: MemberQuery): Promise<Page<Member>>;
  /** Optional: invites employees and the current members of teams; joined members stay joined. */
  invite?(input: InvitationInput): Promise<InvitationResult>;
  /** Optional: goals with their progress today; archived ones with `{ archived: true }`. */
  listGoals?(query?: { archived?: boolean }): Promise<Goal[]>;
  createGoal?(input: GoalInput): Promise<Goal>;
  updateGoal?(id: string, patch: GoalPatch): Promise<Goal>;
  deleteGoal?(id: string): Promise<void>;
  /* privacy */
  /** Optional: the audit log, newest first, filtered by actor, action prefix, target and dates. */
  listAudit?(query?: AuditQuery): Promise<Page<AuditEntry>>;
  /** Optional: the audit log with the same filters as CSV text (formula cells guarded). */
  exportAuditCsv?(query?: Omit<AuditQuery, 'cursor' | 'limit'>): Promise<string>;
  /** Optional: everything the program stores about one person. */
  exportEmployee?(employeeId: string): Promise<PersonalDataExport>;
  /**
   * Optional: anonymises a person (name, email, avatar, commentary and notes cleared, id replaced by
   * a pseudonym, deactivated) while every count stays. Idempotent.
   */
  eraseEmployee?(employeeId: string): Promise<ErasureResult>;
  getPrivacySettings?(): Promise<PrivacySettings>;
  updatePrivacySettings?(input: PrivacySettingsUpdate): Promise<PrivacySettings>;
  /* rewards (optional) */
  /** Every reward, active or not, newest first. */
  listRewards?(): Promise<Reward[]>;
  createReward?(input: RewardInput): Promise<Reward>;
  /** Edits a reward; `active: false` deactivates it. */
  updateReward?(id: string, patch: RewardPatch): Promise<Reward>;
  listRewardRequests?(query?: RewardRequestQuery): Promise<Page<AdminRewardRequest>>;
  /** Approve (the hold is spent), reject with a reason (released), or mark an approved request fulfilled. */
  decideRewardRequest?(id: string, decision: RewardDecision): Promise<RewardRequest>;
  /**
   * Grants or deducts points with a reason the employee sees (a `manual` ledger row with `note`).
   * A deduction larger than the balance rejects with `validation` (field `delta`, code `insufficient_points`).
   */
  adjustPoints?(input: PointsAdjustment): Promise<PointsEntry>;
  /* leaderboards and contests */
  /** Optional: whether the leaderboard is anonymous (opted-in names only) and how many it lists. */
  getLeaderboardSettings?(): Promise<LeaderboardSettings>;
  /** Optional: changes the leaderboard settings (audited as `settings.update`). */
  setLeaderboardSettings?(input: LeaderboardSettingsInput): Promise<LeaderboardSettings>;
  /** Optional: creates a contest (audited as `contest.create`). */
  createContest?(input: ContestInput): Promise<Contest>;
  /** Optional: every contest, cancelled ones too, latest start first. */
  listContests?(): Promise<Contest[]>;
  /** Optional: edits a contest before it ends (`conflict` after; audited as `contest.update`). */
  updateContest?(id: string, patch: ContestPatch): Promise<Contest>;
  /** Optional: calls a contest off before it ends (`conflict` after; audited as `contest.cancel`). */
  cancelContest?(id: string): Promise<Contest>;
  /* delivery: email, Teams, Slack (optional) */
  /** Optional: SMTP, Teams and Slack settings and routes; `smtpPasswordSet` says whether a password is stored, never what it is. */
  getDeliverySettings?(): Promise<DeliverySettings>;
  /** Optional: changes delivery settings; `smtpPassword` left out keeps the stored one (audited as `settings.update`, without the password). */
  updateDeliverySettings?(input: DeliverySettingsInput): Promise<DeliverySettings>;
  /** Optional: queues a test message on one channel and attempts it at once; resolves with the logged message. */
  testDelivery?(input: DeliveryTestInput): Promise<DeliveryMessage>;
  /** Optional: the delivery log (outbox), newest first. */
  listDeliveryMessages?(query?: PageQuery): Promise<Page<DeliveryMessage>>;
  /* curated sources (RSS/Atom) and the curation queue */
  /** Optional: every curated source with its last fetch and last error. */
  listSources?(): Promise<CuratedSource[]>;
  /** Optional: adds a source (`validation` with `blocked_address` for a private address; audited as `source.create`). */
  createSource?(input: CuratedSourceInput): Promise<CuratedSource>;
  /** Optional: renames, pauses or resumes a source (audited as `source.update`). */
  updateSource?(id: string, patch: CuratedSourcePatch): Promise<CuratedSource>;
  /** Optional: removes a source and its pending items (audited as `source.delete`). */
  deleteSource?(id: string): Promise<void>;
  /** Optional: fetches a source now; the answer carries its last error. */
  fetchSource?(id: string): Promise<CuratedSource>;
  /** Optional: the curation queue (pending items by default), newest found first. */
  listCuration?(query?: CurationQuery): Promise<Page<CurationItem>>;
  /** Optional: publishes a pending item as a `curated` post (`conflict` once decided; audited). */
  publishCurationItem?(id: string, overrides?: CurationPublish): Promise<Post>;
  /** Optional: takes a pending item off the queue (`conflict` once decided; audited). */
  dismissCurationItem?(id: string): Promise<CurationItem>;
  /* point rules (versioned settings) */
  /** Optional: every version of the point rules (current, scheduled, past), the defaults and the rules in effect now. */
  listPointRules?(): Promise<PointRulesVersionList>;
  /** Optional: adds a version, effective now or later (`validation` for a bad value or a past time; audited as `points_rules.create`). */
  createPointRules?(input: PointRulesVersionInput): Promise<PointRulesVersion>;
  /** Optional: edits a scheduled version (`conflict` once it took effect; audited as `points_rules.update`). */
  updatePointRules?(id: string, patch: PointRulesVersionPatch): Promise<PointRulesVersion>;
  /** Optional: deletes a scheduled version (`conflict` once it took effect; audited as `points_rules.delete`). */
  deletePointRules?(id: string): Promise<void>;
}
