import type { AdvocacyAdminBackend, AdvocacyBackend } from '../backend/backend.js';
import {
  CONVERSION_TYPES,
  EVENT_TYPES,
  NETWORK_IDS,
  PERIODS,
  SCOPES,
  type AdvocacyEvent,
  type BlockedTermInput,
  type Employee,
  type LeaderboardQuery,
  type Period,
  type Post,
  type PreferencesInput,
  type Suggestion,
  type SuggestionInput,
} from '../backend/contract.js';
import { AdvocacyError, type AdvocacyErrorCode } from '../backend/errors.js';
import { inputOf } from '../admin/post-input.js';
import { badgeStandings, DEFAULT_RULES, mergeRules, suggestionReference, type RulesOverrides } from '../rules/index.js';
import { matchesSearch, searchDocument, searchTerms } from '../rules/search.js';
import { contestsAdmin, listContests } from './contests.js';
import { curationAdmin } from './curation.js';
import { effectivePointValues, pointRulesAdmin } from './point-rules.js';
import { scimTokensOf } from './scim.js';
import { MemoryDb, type ClickOptions, type ClickResult } from './db.js';
import { demoSeed } from './demo-seed.js';
import { paginate } from './paginate.js';
import { activeTeams, activeTopics, deactivatedError, emailOf, peopleAdmin, touch } from './people.js';
import { deliveryOf } from './delivery.js';
import * as privacy from './privacy.js';
import * as selfService from './self-service.js';
import { memoryRewards } from './rewards.js';
import { COMMENTARY_MAX, isVisible, postFromInput, present, statusAt, validatePostInput } from './posts.js';
import { acceptPolicy, complianceAdmin, complianceOf, sharedCommentary } from './policy.js';
import type { DemoSeed } from './seed-types.js';
import * as pilots from './pilots.js';
import { analytics, leaderboard, myStats, postMetrics } from './stats.js';
import { FieldErrors, isHttpUrl, isTimestamp, nonEmpty, pageLimit, validationError } from './validate.js';

export interface MemoryBackendOptions {
  /** The data to start from: the demo company by default, `false` for an empty program. */
  seed?: DemoSeed | false;
  /** Who is signed in; default the seed's first non-admin employee. */
  employeeId?: string;
  /** The clock; default the real one. Publish windows, periods and timestamps follow it. */
  now?: () => Date;
  /** Base of tracking URLs (`${trackingBaseUrl}/r/${code}`); default `https://adv.example.com`. */
  trackingBaseUrl?: string;
  /** Delay every call by this many milliseconds, to show loading states. */
  latencyMs?: number;
  /** Points, click cap, badges, reach and the conversion bound that differ from `DEFAULT_RULES` (`@advocacy-kit/core/rules`). */
  rules?: RulesOverrides;
  /**
   * The source `recordConversion` reports as (on the reference server, the name of the API key's
   * system); an `externalId` is unique per source. Default `'default'`.
   */
  conversionSource?: string;
}

/** The in-memory backend: the full contract plus helpers for demos, stories and tests. */
export interface MemoryBackend extends AdvocacyBackend {
  /** A backend signed in as another employee, over the same data. */
  as(employeeId: string): MemoryBackend;
  /** Simulates a visit to a tracking link, as the reference server's `/r/:code` counts it. */
  recordClick(code: string, options?: ClickOptions): ClickResult;
  /** Makes every call reject with this error (or a new one with this code) until `fail(null)`. */
  fail(error: AdvocacyError | AdvocacyErrorCode | null): void;
  /** Changes the delay of every call. */
  setLatency(ms: number): void;
}

const MAX_EVENTS = 500;
const NOTE_MAX = 1000;

/** When `fail()` and `latencyMs` apply to every employee view of one backend. */
interface Behaviour {
  failure: AdvocacyError | null;
  latencyMs: number;
}

/**
 * An in-memory backend with the same rules as the reference server: feed visibility and
 * keyset pagination, idempotent shares, an append-only points ledger, leaderboards, stats,
 * suggestions, deduplicated events and conversions, and admin checks. It starts from the demo
 * company (`demoSeed`) unless told otherwise. Every result is a copy: callers can't change its data.
 */
export function memoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const now = options.now ?? (() => new Date());
  const db = new MemoryDb(now, options.trackingBaseUrl ?? 'https://adv.example.com', mergeRules(DEFAULT_RULES, options.rules));
  if (options.conversionSource !== undefined) db.conversionSource = options.conversionSource;
  if (options.seed === false) {
    const id = options.employeeId ?? 'admin';
    db.teams = [{ id: 'team', name: 'Team' }];
    // An empty program still has someone signed in: its admin, who can add the first posts.
    db.employees.set(id, {
      id,
      displayName: 'Admin',
      team: 'team',
      teamName: 'Team',
      role: 'admin',
      locale: 'en',
      timeZone: 'UTC',
      avatarUrl: null,
      policyAcceptedAt: null,
      policyVersionAccepted: null,
    });
  } else {
    db.load(options.seed ?? demoSeed(now()));
  }
  const first = [...db.employees.values()];
  const employeeId = options.employeeId ?? (first.find((e) => e.role !== 'admin') ?? first[0])?.id ?? '';
  return view(db, { failure: null, latencyMs: options.latencyMs ?? 0 }, employeeId);
}

function view(db: MemoryDb, behaviour: Behaviour, employeeId: string): MemoryBackend {
  const nowIso = () => db.now().toISOString();
  const me = (): Employee => {
    const employee = db.employees.get(employeeId);
    if (!employee) throw new AdvocacyError('unauthorized', `No employee "${employeeId}"`, { status: 401 });
    return employee;
  };
  /** Every call: wait, fail if told to, run, and hand back a copy. */
  const call = async <T>(fn: () => T): Promise<T> => {
    if (behaviour.latencyMs > 0) await new Promise((r) => setTimeout(r, behaviour.latencyMs));
    else await Promise.resolve();
    if (behaviour.failure) throw behaviour.failure;
    if (db.deactivated.has(employeeId)) throw deactivatedError();
    touch(db, employeeId);
    return structuredClone(fn());
  };
  const admin = <T>(fn: () => T): Promise<T> =>
    call(() => {
      if (me().role !== 'admin') throw new AdvocacyError('forbidden', 'Only program admins can do this', { status: 403 });
      return fn();
    });
  const visiblePost = (id: string): Post => {
    const post = db.posts.get(id);
    if (!post || !(isVisible(post, me(), db.now()) || me().role === 'admin')) {
      throw new AdvocacyError('not_found', `No post "${id}"`, { status: 404 });
    }
    return post;
  };
  /** The signed-in employee's own rows. */
  const mine = <T extends { employeeId: string }>(rows: Iterable<T>): T[] => {
    const { id } = me();
    return [...rows].filter((row) => row.employeeId === id);
  };
  const byCreated = (row: { createdAt: string; id: string }) => [row.createdAt, row.id] as const;
  const byPublish = (row: Post) => [row.publishAt, row.id] as const;
  const checkPeriod = (period: Period) => {
    if (!PERIODS.includes(period)) throw validationError('period', 'must be week, month, quarter or all', 'invalid_enum');
  };
  const checkTopics = (e: FieldErrors, topics: unknown) => {
    if (!e.check(Array.isArray(topics), 'topics', 'must be a list', 'invalid_type')) return;
    (topics as unknown[]).forEach((t, i) =>
      e.check(
        db.topics.some((topic) => topic.id === t),
        `topics.${i}`,
        `unknown topic "${String(t)}"`,
        'unknown_topic',
      ),
    );
  };

  /** Records the signed-in admin's change in the audit log (memory/privacy.ts). */
  const audited = (action: string, target: { kind: string; id: string }, before: unknown, after: unknown) =>
    privacy.recordAudit(db, { actor: { kind: 'admin', id: me().id }, action, target, before, after });
  const contests = contestsAdmin(db, audited);
  const curation = () => curationAdmin(db, audited, createPost);
  const pointRules = pointRulesAdmin(db, me, audited);

  const createPost = (input: Parameters<AdvocacyBackend['admin']['createPost']>[0]): Post => {
    validatePostInput(
      input,
      db.topics,
      db.teams.map((t) => t.id),
    );
    const post = postFromInput(db.nextId('post'), input, db.now());
    db.posts.set(post.id, post);
    return present(post, db.now());
  };

  /** Topics, teams and the employee directory (./people.ts), admins only. */
  const peopleAdminMethods = (): Partial<AdvocacyAdminBackend> => {
    const people = () => peopleAdmin(db, employeeId);
    return {
      listTopics: () => admin(() => people().listTopics()),
      createTopic: (input) => admin(() => people().createTopic(input)),
      updateTopic: (id, patch) => admin(() => people().updateTopic(id, patch)),
      listTeams: () => admin(() => people().listTeams()),
      createTeam: (input) => admin(() => people().createTeam(input)),
      updateTeam: (id, patch) => admin(() => people().updateTeam(id, patch)),
      listEmployees: (query) => admin(() => people().listEmployees(query)),
      updateEmployee: (id, patch) => admin(() => people().updateEmployee(id, patch)),
      deactivateEmployee: (id) => admin(() => people().deactivateEmployee(id)),
      reactivateEmployee: (id) => admin(() => people().reactivateEmployee(id)),
    };
  };

  /** program: policy and compliance — the admin operations over the shared data (./policy.ts). */
  const complianceAdminMethods = () => {
    const ops = complianceAdmin(db.compliance, nowIso, (prefix) => db.nextId(prefix));
    return {
      listPolicyVersions: () => admin(ops.listPolicyVersions),
      savePolicyDraft: (texts: Record<string, string>) => admin(() => ops.savePolicyDraft(texts)),
      publishPolicy: () => admin(ops.publishPolicy),
      createBlockedTerm: (input: BlockedTermInput) => admin(() => ops.createBlockedTerm(input)),
      deleteBlockedTerm: (id: string) => admin(() => ops.deleteBlockedTerm(id)),
      updateDisclosures: (disclosures: Record<string, string>) => admin(() => ops.updateDisclosures(disclosures)),
    };
  };
  const rewards = memoryRewards(db, me, call, admin);

  const backend: MemoryBackend = {
    getMe: () => call(me),
    acceptPolicy: (version) => call(() => acceptPolicy(db.compliance, me(), version, nowIso())),
    listTopics: () => call(() => activeTopics(db)),
    listTeams: () => call(() => activeTeams(db, me().locale)),
    listFeed: (query = {}) =>
      call(() => {
        const limit = pageLimit(query.limit);
        const terms = searchTerms(query.q);
        const visible = [...db.posts.values()].filter(
          (p) =>
            isVisible(p, me(), db.now()) &&
            (!query.topic || p.topics.includes(query.topic)) &&
            (!query.locale || p.locale === query.locale) &&
            (!query.kind || p.kind === query.kind) &&
            matchesSearch(searchDocument(p), terms),
        );
        const page = paginate(visible, byPublish, query.cursor, limit);
        return { ...page, items: page.items.map((p) => selfService.withShared(db, me().id, present(p, db.now()))) };
      }),
    getPost: (id) => call(() => selfService.withShared(db, me().id, present(visiblePost(id), db.now()))),
    createShare: (input) =>
      call(() => {
        const employee = me();
        const e = new FieldErrors();
        e.check(nonEmpty(input.idempotencyKey), 'idempotencyKey', 'is required', 'required');
        e.check(NETWORK_IDS.includes(input.network), 'network', `unknown network "${input.network}"`, 'unknown_network');
        if (e.check(typeof input.commentary === 'string', 'commentary', 'must be text', 'invalid_type')) {
          e.check(input.commentary.length <= COMMENTARY_MAX, 'commentary', `must be at most ${COMMENTARY_MAX} characters`, 'too_long');
        }
        e.throwIfAny();
        const replayKey = `${employee.id}\n${input.idempotencyKey}`;
        const request = JSON.stringify([input.postId, input.network, input.commentary]);
        const replay = db.shareKeys.get(replayKey);
        if (replay) {
          // A retry sends the same request; the same key with another post, network or text is a client bug.
          if (replay.request !== request) {
            throw new AdvocacyError('conflict', 'This idempotency key was already used for a different share', { status: 409 });
          }
          return replay.share;
        }
        const post = visiblePost(input.postId);
        pilots.assertMayShare(db, employee);
        if (post.networks.length > 0 && !post.networks.includes(input.network)) {
          throw validationError('network', `this post can't be shared to ${input.network}`, 'network_not_allowed');
        }
        // One share per employee, post and network: sharing again gets the same link back, and no points.
        // program: policy and compliance — the policy accepted, no blocked term, the disclosure added.
        const commentary = sharedCommentary(db.compliance, employee, post, input.network, input.commentary);
        const earlier = db.shareTo(employee.id, post.id, input.network);
        const share = earlier ? { ...earlier, pointsAwarded: 0 } : db.addShare(employee.id, post, input.network, commentary, nowIso());
        db.shareKeys.set(replayKey, { share, request });
        return share;
      }),
    listMyShares: (query = {}) =>
      call(() => {
        const page = paginate(mine(db.shares), byCreated, query.cursor, pageLimit(query.limit));
        return { ...page, items: page.items.map((share) => selfService.withResults(db, share)) };
      }),
    getMyStats: (period) =>
      call(() => {
        checkPeriod(period);
        return myStats(db, me(), period);
      }),
    listMyPoints: (query = {}) =>
      call(() => {
        const page = paginate(mine(db.ledger), byCreated, query.cursor, pageLimit(query.limit));
        return { ...page, items: page.items.map((row) => selfService.described(db, row)) };
      }),
    getLeaderboard: (query: LeaderboardQuery) =>
      call(() => {
        checkPeriod(query.period);
        if (!SCOPES.includes(query.scope)) throw validationError('scope', 'must be company or team', 'invalid_enum');
        return leaderboard(db, me(), query.period, query.scope, pageLimit(query.limit, 10));
      }),
    createSuggestion: (input: SuggestionInput, idempotencyKey?: string) =>
      call(() => {
        const employee = me();
        const e = new FieldErrors();
        e.check(isHttpUrl(input.url), 'url', 'must be an http(s) URL', 'invalid_url');
        if (e.check(typeof input.note === 'string', 'note', 'must be text', 'invalid_type')) {
          e.check(input.note.length <= NOTE_MAX, 'note', `must be at most ${NOTE_MAX} characters`, 'too_long');
        }
        checkTopics(e, input.topics);
        e.throwIfAny();
        const replayKey = idempotencyKey ? `${employee.id}\n${idempotencyKey}` : null;
        const replay = replayKey ? db.suggestionKeys.get(replayKey) : undefined;
        if (replay) {
          if (replay.url !== input.url || replay.note !== input.note || JSON.stringify(replay.topics) !== JSON.stringify(input.topics)) {
            throw new AdvocacyError('conflict', 'This idempotency key was already used for a different suggestion', { status: 409 });
          }
          return replay;
        }
        const suggestion: Suggestion = {
          id: db.nextId('sug'),
          employeeId: employee.id,
          url: input.url,
          note: input.note,
          topics: [...input.topics],
          status: 'pending',
          reviewReason: null,
          postId: null,
          createdAt: nowIso(),
          reviewedAt: null,
        };
        db.suggestions.set(suggestion.id, suggestion);
        if (replayKey) db.suggestionKeys.set(replayKey, suggestion);
        return suggestion;
      }),
    listMySuggestions: (query = {}) => call(() => paginate(mine(db.suggestions.values()), byCreated, query.cursor, pageLimit(query.limit))),
    sendEvents: (events: AdvocacyEvent[]) =>
      call(() => {
        me();
        const e = new FieldErrors();
        if (e.check(Array.isArray(events), 'events', 'must be a list', 'invalid_type')) {
          e.check(events.length <= MAX_EVENTS, 'events', `at most ${MAX_EVENTS} per batch`, 'too_many');
          events.forEach((event, i) => {
            e.check(nonEmpty(event.id), `events.${i}.id`, 'is required', 'required');
            e.check(EVENT_TYPES.includes(event.type), `events.${i}.type`, `unknown event type "${event.type}"`, 'invalid_enum');
            e.check(isTimestamp(event.at), `events.${i}.at`, 'must be an ISO 8601 time', 'invalid_date');
            if (event.network !== undefined) {
              e.check(NETWORK_IDS.includes(event.network), `events.${i}.network`, 'unknown network', 'unknown_network');
            }
          });
        }
        e.throwIfAny();
        let accepted = 0;
        for (const event of events) {
          if (db.events.has(event.id)) continue;
          db.events.add(event.id);
          accepted++;
        }
        return { accepted, duplicates: events.length - accepted };
      }),
    recordConversion: (input) =>
      call(() => {
        const e = new FieldErrors();
        e.check(nonEmpty(input.code), 'code', 'is required', 'required');
        e.check(nonEmpty(input.externalId), 'externalId', 'is required', 'required');
        e.check(CONVERSION_TYPES.includes(input.type), 'type', 'must be lead, signup, download or deal', 'invalid_enum');
        if (input.value !== undefined) {
          const max = db.rules.conversions.maxValue;
          e.check(Number.isFinite(input.value) && input.value >= 0, 'value', 'must be a number ≥ 0', 'out_of_range');
          e.check(!(input.value > max), 'value', `must be at most ${max}`, 'too_long');
          e.check(input.currency !== undefined, 'currency', 'is required with a value', 'required');
        }
        if (input.currency !== undefined)
          e.check(/^[A-Z]{3}$/.test(input.currency), 'currency', 'must be an ISO 4217 code such as EUR', 'invalid_pattern');
        e.throwIfAny();
        return db.convert(input, nowIso());
      }),
    listMyBadges: () =>
      call(() => {
        const shares = mine(db.shares).map((share) => share.createdAt);
        const conversions = mine(db.conversions.values()).map((conversion) => conversion.createdAt);
        return badgeStandings(shares, conversions, db.rules.badges);
      }),
    listContests: () => call(() => listContests(db, me())),
    getPointValues: () => call(() => effectivePointValues(db, db.now().toISOString())),
    getPreferences: () => call(() => selfService.preferencesOf(db, me().id)),
    updatePreferences: (input: PreferencesInput) => call(() => selfService.updatePreferences(db, me().id, input)),
    getCompliance: () => call(() => complianceOf(db.compliance)),
    // pilots: membership
    getMyMembership: () => call(() => pilots.membership(db, me())),
    respondToInvitation: (decision) => call(() => pilots.respond(db, me(), decision, nowIso())),
    getMyExport: () => call(() => privacy.personalData(db, me().id)),
    ...rewards.employee,
    admin: {
      ...complianceAdminMethods(),
      ...rewards.admin,
      listPosts: (query = {}) =>
        admin(() => {
          const q = query.q?.toLowerCase();
          const posts = [...db.posts.values()].filter(
            (p) =>
              (!query.status || statusAt(p, db.now()) === query.status) &&
              (!query.topic || p.topics.includes(query.topic)) &&
              (!query.kind || p.kind === query.kind) &&
              (!q || [p.title, p.summary, p.url].some((text) => text.toLowerCase().includes(q))),
          );
          const page = paginate(posts, byPublish, query.cursor, pageLimit(query.limit));
          return { ...page, items: page.items.map((p) => ({ ...present(p, db.now()), metrics: postMetrics(db, p.id) })) };
        }),
      createPost: (input) =>
        admin(() => {
          const post = createPost(input);
          audited('post.create', { kind: 'post', id: post.id }, undefined, post);
          return post;
        }),
      updatePost: (id, patch) =>
        admin(() => {
          const post = db.posts.get(id);
          if (!post) throw new AdvocacyError('not_found', `No post "${id}"`, { status: 404 });
          const input = { ...inputOf(post), ...patch };
          validatePostInput(
            input,
            db.topics,
            db.teams.map((t) => t.id),
          );
          const updated = { ...postFromInput(id, input, db.now(), post.createdAt) };
          if (post.status === 'archived' && patch.status === undefined) updated.status = 'archived';
          db.posts.set(id, updated);
          audited('post.update', { kind: 'post', id }, present(post, db.now()), present(updated, db.now()));
          return present(updated, db.now());
        }),
      archivePost: (id) =>
        admin(() => {
          const post = db.posts.get(id);
          if (!post) throw new AdvocacyError('not_found', `No post "${id}"`, { status: 404 });
          const before = present(post, db.now());
          post.status = 'archived';
          post.updatedAt = nowIso();
          audited('post.archive', { kind: 'post', id }, before, present(post, db.now()));
          return present(post, db.now());
        }),
      listSuggestions: (query = {}) =>
        admin(() => {
          const page = paginate(
            [...db.suggestions.values()].filter((s) => !query.status || s.status === query.status),
            byCreated,
            query.cursor,
            pageLimit(query.limit),
          );
          return {
            ...page,
            items: page.items.map((s) => ({ ...s, employeeName: db.employees.get(s.employeeId)?.displayName ?? s.employeeId })),
          };
        }),
      reviewSuggestion: (id, review) =>
        admin(() => {
          const suggestion = db.suggestions.get(id);
          if (!suggestion) throw new AdvocacyError('not_found', `No suggestion "${id}"`, { status: 404 });
          if (suggestion.status !== 'pending') {
            throw new AdvocacyError('conflict', `The suggestion was already ${suggestion.status}`, { status: 409 });
          }
          if (review.decision === 'reject') {
            if (!nonEmpty(review.reason)) throw validationError('reason', 'is required to reject', 'required');
            const before = { ...suggestion };
            Object.assign(suggestion, { status: 'rejected', reviewReason: review.reason, reviewedAt: nowIso() });
            audited('suggestion.reject', { kind: 'suggestion', id }, before, suggestion);
            return suggestion;
          }
          if (review.decision !== 'approve') throw validationError('decision', 'must be approve or reject', 'invalid_enum');
          const pending = { ...suggestion };
          const author = db.employees.get(suggestion.employeeId);
          const post = createPost({
            kind: 'curated',
            title: suggestion.note.split('\n')[0]?.trim() || new URL(suggestion.url).hostname,
            summary: suggestion.note,
            url: suggestion.url,
            locale: author?.locale ?? 'en',
            topics: suggestion.topics,
            ...review.post,
          });
          Object.assign(suggestion, { status: 'approved', postId: post.id, reviewReason: null, reviewedAt: nowIso() });
          const at = nowIso();
          db.award(suggestion.employeeId, db.rulesAt(at).points.suggestion, 'suggestion', suggestionReference(suggestion.id), at);
          audited('suggestion.approve', { kind: 'suggestion', id }, pending, suggestion);
          return suggestion;
        }),
      getAnalytics: (query) =>
        admin(() => {
          const e = new FieldErrors();
          e.check(isTimestamp(query.from), 'from', 'must be an ISO 8601 date or time', 'invalid_date');
          e.check(isTimestamp(query.to), 'to', 'must be an ISO 8601 date or time', 'invalid_date');
          e.throwIfAny();
          return analytics(db, query.from, query.to);
        }),
      // Nothing is fetched in memory: a link the program already has previews as its post; any other link has no tags.
      getLinkPreview: (url) =>
        admin(() => {
          if (!isHttpUrl(url)) throw validationError('url', 'must be an http(s) URL', 'invalid_url');
          const known = [...db.posts.values()].find((p) => p.url === url);
          return {
            url,
            finalUrl: url,
            title: known?.title ?? null,
            description: known?.summary || null,
            imageUrl: known?.imageUrl ?? null,
            siteName: known?.source || null,
          };
        }),
      ...peopleAdminMethods(),
      // scim: tokens kept in memory for admin screens; the memory backend serves no SCIM endpoint (memory/scim.ts).
      getScimSettings: () => admin(() => scimTokensOf(db).settings()),
      createScimToken: () => admin(() => scimTokensOf(db).create(me().id, nowIso())),
      revokeScimToken: (tokenId) => admin(() => scimTokensOf(db).revoke(tokenId)),
      // pilots: enrollment, members, invitations, goals
      getEnrollment: () => admin(() => ({ enrollment: db.pilots.enrollment, updatedAt: db.pilots.enrollmentUpdatedAt })),
      setEnrollment: (enrollment) =>
        admin(() => {
          if (enrollment !== 'open' && enrollment !== 'invitation')
            throw validationError('enrollment', 'must be open or invitation', 'invalid_enum');
          Object.assign(db.pilots, { enrollment, enrollmentUpdatedAt: nowIso() });
          return { enrollment, updatedAt: db.pilots.enrollmentUpdatedAt };
        }),
      // leaderboards and contests
      createContest: (input) => admin(() => contests.create(input)),
      listContests: () => admin(() => contests.list()),
      updateContest: (id, patch) => admin(() => contests.update(id, patch)),
      cancelContest: (id) => admin(() => contests.cancel(id)),
      // curated sources (no fetching in memory: memory/curation.ts)
      listSources: () => admin(() => curation().list()),
      createSource: (input) => admin(() => curation().create(input)),
      updateSource: (id, patch) => admin(() => curation().update(id, patch)),
      deleteSource: (id) => admin(() => curation().remove(id)),
      fetchSource: (id) => admin(() => curation().fetch(id)),
      listCuration: (query) => admin(() => curation().queue(query)),
      publishCurationItem: (id, overrides) => admin(() => curation().publish(id, overrides)),
      dismissCurationItem: (id) => admin(() => curation().dismiss(id)),
      // point rules
      listPointRules: () => admin(() => pointRules.list()),
      createPointRules: (input) => admin(() => pointRules.create(input)),
      updatePointRules: (id, patch) => admin(() => pointRules.update(id, patch)),
      deletePointRules: (id) => admin(() => pointRules.delete(id)),
      getLeaderboardSettings: () => admin(() => ({ ...db.leaderboardSettings })),
      setLeaderboardSettings: (input) =>
        admin(() => {
          const e = new FieldErrors();
          e.check(
            input.anonymous === undefined || typeof input.anonymous === 'boolean',
            'anonymous',
            'must be true or false',
            'wrong_type',
          );
          e.check(
            input.top === undefined || (Number.isInteger(input.top) && input.top >= 1 && input.top <= 100),
            'top',
            'must be a whole number from 1 to 100',
            'out_of_range',
          );
          e.throwIfAny();
          const before = { ...db.leaderboardSettings };
          db.leaderboardSettings = { ...before, ...input, updatedAt: nowIso() };
          audited('settings.update', { kind: 'program', id: 'leaderboard' }, before, db.leaderboardSettings);
          return { ...db.leaderboardSettings };
        }),
      listMembers: (query) => admin(() => pilots.listMembers(db, query)),
      invite: (input) => admin(() => pilots.invite(db, input, nowIso())),
      listGoals: (query = {}) => admin(() => pilots.listGoals(db, query.archived === true)),
      createGoal: (input) => admin(() => pilots.createGoal(db, input, nowIso())),
      updateGoal: (id, patch) => admin(() => pilots.updateGoal(db, id, patch, nowIso())),
      deleteGoal: (id) => admin(() => pilots.deleteGoal(db, id)),
      listAudit: (query) => admin(() => privacy.listAudit(db, query)),
      exportAuditCsv: (query) => admin(() => privacy.auditCsv(db, query)),
      exportEmployee: (id) => admin(() => privacy.personalData(db, id)),
      eraseEmployee: (id) => admin(() => privacy.erase(db, id, me().id)),
      getPrivacySettings: () => admin(() => privacy.getPrivacySettings(db)),
      updatePrivacySettings: (input) => admin(() => privacy.updatePrivacySettings(db, me().id, input)),
      // delivery: settings (password write-only) and the log; memory/delivery.ts sends nothing
      getDeliverySettings: () => admin(() => deliveryOf(db).get()),
      updateDeliverySettings: (input) => admin(() => deliveryOf(db).update(input, nowIso(), audited)),
      testDelivery: (input) => admin(() => deliveryOf(db).test(input, emailOf(db, me().id), nowIso(), audited)),
      listDeliveryMessages: (query) => admin(() => deliveryOf(db).list(query)),
    },
    as: (id) => {
      if (!db.employees.has(id)) throw new AdvocacyError('not_found', `No employee "${id}"`, { status: 404 });
      return view(db, behaviour, id);
    },
    recordClick: (code, clickOptions) => structuredClone(db.click(code, clickOptions)),
    fail: (error) => {
      behaviour.failure = error === null ? null : typeof error === 'string' ? new AdvocacyError(error, `Simulated ${error} error`) : error;
    },
    setLatency: (ms) => {
      behaviour.latencyMs = ms;
    },
  };
  return backend;
}
