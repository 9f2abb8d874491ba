import type { AdvocacyBackend } from '../backend/backend.js';
import type {
  Compliance,
  Badge,
  Contest,
  Employee,
  Leaderboard,
  Locale,
  MyStats,
  NetworkId,
  Period,
  Post,
  Scope,
  Share,
  Suggestion,
  SuggestionInput,
  Topic,
} from '../backend/contract.js';
import type { AdvocacyError } from '../backend/errors.js';

/**
 * A read-only store. Core's stores are nanostores atoms behind this small facade: subscribe with
 * `subscribe` (called at once with the current value) or `listen` (only on change). A store
 * fetches when it gets its first subscriber and stops when the last one leaves.
 */
export interface AdvocacyStore<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
  listen(listener: (value: T) => void): () => void;
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/** State of a store that loads one resource. */
export interface AsyncState<T> {
  status: LoadStatus;
  data: T | undefined;
  error: AdvocacyError | null;
}

export interface FeedState {
  status: LoadStatus;
  items: Post[];
  error: AdvocacyError | null;
  /** The topic filter in force (`null` for all topics). */
  topic: string | null;
  hasMore: boolean;
  /** A `loadMore()` is in flight (the first page uses `status: 'loading'`). */
  loadingMore: boolean;
  /** The error of the last failed `loadMore()`; the items already shown stay. */
  loadMoreError: AdvocacyError | null;
  /** Posts published since the employee's previous visit (kept in first-party storage). */
  newSinceLastVisit: number;
  /** The search in force (`''` for none): every term must be in a post's title, summary or suggested commentary. */
  search: string;
  /** The employee's language, which the feed lists first (`null` until known, or when the backend cannot say). */
  language: string | null;
  /** Posts in every language are listed, not only the employee's. */
  allLanguages: boolean;
}

export interface FeedController {
  readonly store: AdvocacyStore<FeedState>;
  setTopic(topic: string | null): void;
  /** Searches the feed; the first page loads once typing pauses (a blank text lists every post again). */
  setSearch(text: string): void;
  /** Lists posts in every language (`true`) or in the employee's language only (`false`, the default). */
  setAllLanguages(all: boolean): void;
  loadMore(): Promise<void>;
  /** Reloads the first page; also the "retry" of the error state. */
  refresh(): Promise<void>;
  /** Records that the employee has seen the feed now (resets `newSinceLastVisit`). */
  markSeen(): void;
  /** The employee shared the post to the network: its `sharedNetworks` says so at once (the share flow calls it). */
  markShared(postId: string, network: NetworkId): void;
}

export interface ResourceController<T> {
  readonly store: AdvocacyStore<AsyncState<T>>;
  refresh(): Promise<void>;
}

export interface LeaderboardController extends ResourceController<Leaderboard> {
  readonly period: AdvocacyStore<Period>;
  readonly scope: AdvocacyStore<Scope>;
  setPeriod(period: Period): void;
  setScope(scope: Scope): void;
}

export interface MyStatsController extends ResourceController<MyStats> {
  readonly period: AdvocacyStore<Period>;
  setPeriod(period: Period): void;
}

/**
 * The part of the Web Storage API core uses: `localStorage`, `sessionStorage` or your own
 * (declared here so that core's types need no DOM library, e.g. in a Node project).
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Something that can be navigated: a `Window` opened in the click, or a test double. */
export interface ShareTarget {
  location: { href: string };
  close(): void;
  closed?: boolean;
}

export interface ShareRequest {
  post: Post;
  network: NetworkId;
  commentary: string;
  /**
   * The window the caller opened synchronously in the click handler (`openShareWindow()`),
   * so that popup blockers let it through. The flow points it at the intent once the share
   * is recorded, or closes it on failure. Not needed for `copy`, `email` and `native`.
   */
  target?: ShareTarget | null;
  /**
   * Leave it out: the share controller owns the key. It makes one for a share and keeps it while
   * the same post, network and commentary are shared again after a failure (so a share whose
   * answer was lost is not recorded twice); a changed request gets its own key, and a share
   * after a success a new one. Pass your own only if you keep attempts yourself, e.g. across
   * page loads.
   */
  idempotencyKey?: string;
}

export interface ShareResult {
  share: Share;
  /** The network's intent URL that the target window was sent to, if any. */
  intentUrl: string | null;
  /** The text put on the clipboard (networks whose intent takes only a URL, and `copy`). */
  copiedText: string | null;
}

export type ShareFlowState =
  | { status: 'idle' }
  | { status: 'sharing'; postId: string; network: NetworkId }
  | { status: 'shared'; result: ShareResult }
  | { status: 'error'; error: AdvocacyError; request: ShareRequest };

export interface ShareController {
  readonly store: AdvocacyStore<ShareFlowState>;
  /**
   * Records the share (idempotent, retried by core under one key, also when `share()` is called
   * again with the same request after a failure), then sends the target to the intent.
   */
  share(request: ShareRequest): Promise<ShareResult>;
  reset(): void;
}

export interface EventQueueStats {
  pending: number;
  delivered: number;
  lastError: AdvocacyError | null;
}

export interface EventQueueController {
  readonly store: AdvocacyStore<EventQueueStats>;
  track(type: 'feed_view' | 'post_open' | 'share_intent', data?: { postId?: string; network?: NetworkId }): void;
  flush(): Promise<void>;
}

export interface AdvocacyClientOptions {
  backend: AdvocacyBackend;
  /** Preferred locale for suggested commentary and formatting; default from the employee. */
  locale?: Locale;
  /** Storage for the event queue and "new since last visit"; `localStorage` in browsers. */
  storage?: StorageLike | null;
  /**
   * Namespace for storage keys, so two clients on one page keep separate queues; also names the
   * channel on which the tabs of one client tell each other that points changed, so give each
   * backend its own (`<advocacy-provider>` uses `advocacy-kit:<base-url>`). Default `advocacy-kit`.
   */
  storageKey?: string;
  /**
   * The signed-in employee's id, when the host already knows it from its own session. The event
   * queue then keeps events under that employee's storage key from the first one, so an event
   * tracked while the backend is away survives a reload even before `getMe` has answered.
   */
  employeeId?: string;
}

/** One configured SDK instance. Two clients can live on one page without sharing state. */
export interface AdvocacyClient {
  readonly backend: AdvocacyBackend;
  readonly locale: AdvocacyStore<Locale>;
  setLocale(locale: Locale): void;
  readonly me: ResourceController<Employee>;
  readonly topics: ResourceController<Topic[]>;
  readonly feed: FeedController;
  readonly myStats: MyStatsController;
  readonly leaderboard: LeaderboardController;
  /** Every badge with the employee's progress (empty when the backend has no badges). */
  readonly badges: ResourceController<Badge[]>;
  /** Running and recently ended contests (empty when the backend has none). */
  readonly contests: ResourceController<Contest[]>;
  readonly shares: ShareController;
  readonly events: EventQueueController;
  /** Accepts the policy version the employee read (default: the current one) and updates `me`. */
  acceptPolicy(version?: number): Promise<Employee>;
  /**
   * The current policy, blocked terms and disclosures (`getCompliance`), loaded once for the share
   * dialog; `null` when the backend has no compliance. Refresh it after a `policy_required` refusal.
   */
  readonly compliance: ResourceController<Compliance | null>;
  /** The employee's latest suggestions (up to 20, newest first) with their status and the reviewer's reason; refreshed after `suggest()`. */
  readonly mySuggestions: ResourceController<Suggestion[]>;
  suggest(input: SuggestionInput): Promise<Suggestion>;
  /**
   * Says that the employee's points may have changed — a share, an approved suggestion, an
   * award the host learnt of — so that what shows points stays true without a reload: `myStats`,
   * `leaderboard`, `badges` and `contests` refetch while subscribed (once for a burst of calls,
   * within a quarter of a second), and an unsubscribed one drops its data so that its next
   * subscriber loads it afresh. The other tabs of this client (same `storageKey`) do the same,
   * through `BroadcastChannel` where there is one. The share flow calls it after every recorded
   * share; call it yourself after awards made elsewhere.
   */
  pointsChanged(): void;
  /** Flushes events and stops timers and listeners (and closes the channel to other tabs). */
  destroy(): Promise<void>;
}
