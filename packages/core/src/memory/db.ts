import type {
  Conversion,
  ConversionInput,
  Employee,
  NetworkId,
  PointsEntry,
  PointsReason,
  Post,
  Preferences,
  LeaderboardSettings,
  Share,
  Suggestion,
  Team,
  Topic,
} from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { trackedDestination } from '../links/utm.js';
import {
  clickEarnsPoints,
  clickReference,
  conversionReference,
  DEFAULT_CONVERSION_SOURCE,
  mergeRules,
  sharePoints,
  shareReference,
  suggestionReference,
  versionAt,
  type Rules,
} from '../rules/index.js';
import type { PointRulesRow } from './point-rules.js';
import type { ContestRow } from './contests.js';
import { complianceFromSeed, type ComplianceState } from './policy.js';
import { PilotsData } from './pilots.js';
import { loadRewards } from './rewards.js';
import type { DemoSeed } from './seed-types.js';
import { looksLikeBot, trackingCode } from './tracking-code.js';
import { validationError } from './validate.js';

export interface TrackingLinkRow {
  code: string;
  share: Share;
  destination: string;
}

export interface ClickRow {
  shareId: string;
  employeeId: string;
  postId: string;
  network: NetworkId;
  at: string;
}

export interface ClickOptions {
  userAgent?: string;
  /** Identifies the visitor (a salted hash in the real server); each call is a new visitor without it. */
  visitorId?: string;
  /**
   * The visitor's network, which points count instead of the visitor (the server takes the address:
   * IPv4 /32, IPv6 /64, whatever the user agent); `visitorId` when not given.
   */
  network?: string;
  at?: Date | string;
}

export interface ClickResult {
  /** Whether it counted as a unique human click. */
  counted: boolean;
  /** Points the click earned the employee (0 for bots, repeats, a network that earned today and past the daily cap). */
  pointsAwarded: number;
  /** Where the tracking link redirects. */
  destination: string;
}

const day = (iso: string) => iso.slice(0, 10);

/** The data one memory backend holds; every employee view reads and writes the same instance. */
export class MemoryDb {
  teams: Team[] = [];
  topics: Topic[] = [];
  employees = new Map<string, Employee>();
  posts = new Map<string, Post>();
  shares: Share[] = [];
  links = new Map<string, TrackingLinkRow>();
  clicks: ClickRow[] = [];
  /** `${source}\n${externalId}` → the conversion: an external id is unique per reporting system. */
  conversions = new Map<string, Conversion>();
  /** The source `convert` records under (the memory backend's `conversionSource`). */
  conversionSource = DEFAULT_CONVERSION_SOURCE;
  ledger: PointsEntry[] = [];
  suggestions = new Map<string, Suggestion>();
  events = new Set<string>();
  /**
   * `${employeeId}\n${key}` → the share answered for that idempotency key (created by it, or the
   * earlier share of the same post and network) and the request it answered.
   */
  shareKeys = new Map<string, { share: Share; request: string }>();
  /** `${employeeId}\n${key}` → the suggestion created with that idempotency key (apart from shares', as on the server). */
  suggestionKeys = new Map<string, Suggestion>();
  contests: ContestRow[] = [];
  /** Employees who changed their digest/reminder preferences (both on otherwise). */
  preferences = new Map<string, Preferences>();
  /** Anonymous leaderboard: only who opted in (`showOnLeaderboard`) is named, at most `top`. */
  leaderboardSettings: LeaderboardSettings = { anonymous: false, top: 10, updatedAt: null };
  /** Leavers: they earn no points and leave leaderboards; their links keep redirecting (see people.ts). */
  deactivated = new Set<string>();
  /** Enrollment, invitations and goals (pilots.ts). */
  pilots = new PilotsData();
  /** Versions of the point rules, earliest effective first (point-rules.ts). */
  pointRuleVersions: PointRulesRow[] = [];
  private awarded = new Set<string>();
  private visits = new Set<string>();
  /** `${employeeId}\n${postId}\n${day}` → how many clicks of the employee's shares of the post earned points that day. */
  private clickAwards = new Map<string, number>();
  /** `${employeeId}\n${postId}\n${day}\n${network}`: the networks that earned the employee points for the post that day. */
  private pointVisitors = new Set<string>();
  private seq = 0;

  constructor(
    readonly now: () => Date,
    readonly trackingBaseUrl: string,
    readonly rules: Rules,
  ) {}

  /** The rules in effect at `at` (ISO): `rules` with the version of the point rules in effect then. */
  rulesAt(at: string): Rules {
    return mergeRules(this.rules, versionAt(this.pointRuleVersions, new Date(at).toISOString())?.rules);
  }

  nextId(prefix: string): string {
    return `${prefix}-${(++this.seq).toString(36).padStart(6, '0')}`;
  }

  /** Appends a ledger row unless (reason, reference) was already awarded; returns the points given. */
  award(employeeId: string, delta: number, reason: PointsReason, reference: string, at: string): number {
    const key = `${reason}\n${reference}`;
    if (this.awarded.has(key) || this.deactivated.has(employeeId)) return 0;
    this.awarded.add(key);
    this.ledger.push({ id: this.nextId('pts'), employeeId, delta, reason, reference, createdAt: at });
    return delta;
  }

  /** The employee's share of the post to the network, if there is one (the first, for shares seeded before the rule). */
  shareTo(employeeId: string, postId: string, network: NetworkId): Share | undefined {
    return this.shares.find((share) => share.employeeId === employeeId && share.postId === postId && share.network === network);
  }

  addShare(employeeId: string, post: Post, network: NetworkId, commentary: string, at: string, id = this.nextId('shr')): Share {
    let code = trackingCode();
    while (this.links.has(code)) code = trackingCode();
    const points = sharePoints(this.rulesAt(at), network);
    const pointsAwarded = this.award(employeeId, points, 'share', shareReference(employeeId, post.id, network), at);
    const share: Share = {
      id,
      postId: post.id,
      employeeId,
      network,
      commentary,
      trackingCode: code,
      trackingUrl: `${this.trackingBaseUrl.replace(/\/+$/, '')}/r/${code}`,
      pointsAwarded,
      createdAt: at,
    };
    const destination = trackedDestination({ url: post.url, network, postId: post.id, shareId: id, referralCode: code });
    this.shares.push(share);
    this.links.set(code, { code, share, destination });
    return share;
  }

  /** A visit to a tracking link: bots and same-day repeat visitors are not counted. */
  click(code: string, options: ClickOptions = {}): ClickResult {
    const link = this.links.get(code);
    if (!link) throw new AdvocacyError('not_found', `No tracking link "${code}"`, { status: 404 });
    const at = options.at === undefined ? this.now().toISOString() : new Date(options.at).toISOString();
    const visitor = options.visitorId ?? this.nextId('visitor');
    const visitKey = `${code}\n${visitor}\n${day(at)}`;
    if (looksLikeBot(options.userAgent) || this.visits.has(visitKey)) {
      return { counted: false, pointsAwarded: 0, destination: link.destination };
    }
    this.visits.add(visitKey);
    const { share } = link;
    this.clicks.push({ shareId: share.id, employeeId: share.employeeId, postId: share.postId, network: share.network, at });
    // Points: once per network, per employee, post and day, within the cap across the employee's shares of the post.
    const capKey = `${share.employeeId}\n${share.postId}\n${day(at)}`;
    const visitorKey = `${capKey}\n${options.network ?? visitor}`;
    const awarded = this.clickAwards.get(capKey) ?? 0;
    const points = this.rulesAt(at).points;
    let pointsAwarded = 0;
    if (!this.deactivated.has(share.employeeId) && !this.pointVisitors.has(visitorKey) && clickEarnsPoints(points, awarded)) {
      this.pointVisitors.add(visitorKey);
      const reference = clickReference(share.employeeId, share.postId, day(at), awarded + 1);
      pointsAwarded = this.award(share.employeeId, points.click, 'click', reference, at);
      this.clickAwards.set(capKey, awarded + 1);
    }
    return { counted: true, pointsAwarded, destination: link.destination };
  }

  /**
   * Records a conversion once per `externalId` of its `source`; returns the stored one on a repeat
   * with the same details. An unknown code is a field error; the same `externalId` from the same
   * source with other details a conflict.
   */
  convert(input: ConversionInput, at: string, source: string = this.conversionSource): Conversion {
    const link = this.links.get(input.code);
    if (!link) throw validationError('code', 'unknown referral code', 'unknown_code');
    const key = `${source}\n${input.externalId}`;
    const existing = this.conversions.get(key);
    if (existing) {
      const same =
        existing.code === input.code &&
        existing.type === input.type &&
        existing.value === (input.value ?? 0) &&
        existing.currency === (input.currency ?? null);
      if (!same) throw new AdvocacyError('conflict', 'This externalId was already recorded with different details', { status: 409 });
      return existing;
    }
    const conversion: Conversion = {
      id: this.nextId('cnv'),
      code: input.code,
      postId: link.share.postId,
      employeeId: link.share.employeeId,
      type: input.type,
      value: input.value ?? 0,
      currency: input.currency ?? null,
      externalId: input.externalId,
      source,
      createdAt: at,
    };
    this.conversions.set(key, conversion);
    this.award(conversion.employeeId, this.rulesAt(at).points.conversion, 'conversion', conversionReference(conversion.id), at);
    return conversion;
  }

  /** Loads a seed: its posts and suggestions as they are, its share history through the same rules as live data. */
  /** The policy versions, blocked terms and disclosures (./policy.ts). */
  compliance: ComplianceState = complianceFromSeed(undefined);

  load(seed: DemoSeed): void {
    const clone = structuredClone(seed);
    this.compliance = complianceFromSeed(clone);
    this.teams = clone.teams;
    this.topics = clone.topics;
    for (const employee of clone.employees) this.employees.set(employee.id, employee);
    for (const post of clone.posts) this.posts.set(post.id, post);
    this.contests = (clone.contests ?? []).map((contest) => ({ ...contest, final: null }));
    // Pilots: who was invited and answered, and the program's goals.
    this.pilots.enrollment = clone.enrollment ?? 'open';
    for (const member of clone.members ?? []) {
      const { employeeId, ...row } = member;
      this.pilots.members.set(employeeId, row);
    }
    for (const goal of clone.goals ?? [])
      this.pilots.goals.set(goal.id, {
        ...goal,
        team: goal.team ?? null,
        archived: false,
        createdAt: goal.createdAt,
        updatedAt: goal.createdAt,
      });
    loadRewards(this, clone.rewards ?? []);
    const nowMs = this.now().getTime();
    const clamp = (ms: number) => new Date(Math.min(ms, nowMs)).toISOString();
    for (const suggestion of clone.suggestions) {
      this.suggestions.set(suggestion.id, suggestion);
      if (suggestion.status === 'approved') {
        this.award(
          suggestion.employeeId,
          this.rulesAt(suggestion.reviewedAt ?? suggestion.createdAt).points.suggestion,
          'suggestion',
          suggestionReference(suggestion.id),
          suggestion.reviewedAt ?? suggestion.createdAt,
        );
      }
    }
    for (const seeded of [...clone.shares].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))) {
      const post = this.posts.get(seeded.postId);
      if (!post || !this.employees.has(seeded.employeeId)) continue;
      const share = this.addShare(seeded.employeeId, post, seeded.network, seeded.commentary, seeded.createdAt, seeded.id);
      const start = Date.parse(seeded.createdAt);
      for (let i = 0; i < seeded.uniqueClicks; i++) {
        // Most clicks come in the first hours, the rest over the next few days.
        const at = start + (i < seeded.uniqueClicks / 2 ? (i + 1) * 9 * 60_000 : (1 + (i % 4)) * 86_400_000 + i * 60_000);
        if (at <= nowMs) this.click(share.trackingCode, { userAgent: 'Mozilla/5.0', visitorId: `seed-${share.id}-${i}`, at: new Date(at) });
      }
      seeded.conversions.forEach((c, i) => this.convert({ code: share.trackingCode, ...c }, clamp(start + (i + 1) * 86_400_000)));
    }
  }
}
