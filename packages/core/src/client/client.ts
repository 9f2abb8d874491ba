import { atom } from 'nanostores';
import type { Badge, Contest, Employee, Locale, Suggestion, Topic } from '../backend/contract.js';
import { createEventQueue } from '../events/event-queue.js';
import { createFeedController } from '../feed/feed-store.js';
import { uuid } from '../internal/random.js';
import { defaultStorage } from '../internal/storage.js';
import { facade, resource } from '../internal/store.js';
import { createLeaderboardController, createMyStatsController } from '../points/points-store.js';
import { createShareController } from '../share/share-flow.js';
import type { AdvocacyClient, AdvocacyClientOptions } from './types.js';

/** How long a burst of points changes may last before the stores that show points refetch once. */
const SETTLE_MS = 250;

/**
 * Creates one SDK instance over a backend. Its stores are lazy — each fetches when it gets its
 * first subscriber — and belong to this client alone, so two clients can live on one page.
 *
 * ```ts
 * const client = createAdvocacyClient({ backend: httpBackend({ baseUrl, getToken }) });
 * const stop = client.feed.store.subscribe((feed) => render(feed));
 * ```
 */
export function createAdvocacyClient(options: AdvocacyClientOptions): AdvocacyClient {
  const { backend } = options;
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const storageKey = options.storageKey ?? 'advocacy-kit';
  // The employee's own locale applies until one is given here or through setLocale().
  let localeChosen = options.locale !== undefined;
  const $locale = atom<Locale>(options.locale ?? 'en');

  const me = resource<Employee>(async () => {
    const employee = await backend.getMe();
    if (!localeChosen) $locale.set(employee.locale);
    return employee;
  });
  const none = (list: unknown[]) => !list.length;
  const topics = resource<Topic[]>(() => backend.listTopics(), none);
  const events = createEventQueue({ backend, storage, storageKey, employeeId: options.employeeId });
  // Optional in a backend: one without them has no badges and no contests (empty, not an error).
  const badges = resource<Badge[]>(async () => (await backend.listMyBadges?.()) ?? [], none);
  const contests = resource<Contest[]>(async () => (await backend.listContests?.()) ?? [], none);
  // GET /me/suggestions: the employee's latest suggestions with their status and review.
  const mySuggestions = resource<Suggestion[]>(async () => (await backend.listMySuggestions({ limit: 20 })).items, none);
  const myStats = createMyStatsController({ backend });
  const leaderboard = createLeaderboardController({ backend });
  const feed = createFeedController({
    backend,
    storage,
    storageKey,
    // The feed lists the employee's language first: the one the host chose, else their own.
    language: async () => (localeChosen ? $locale.value! : (me.$state.value!.data ?? (await backend.getMe())).locale),
  });

  // Points changed here or in another tab: every store that shows points forgets them at once
  // if nobody watches it, and the watched ones refetch once for a whole burst of changes.
  const scored = [myStats, leaderboard, badges, contests];
  let settle: ReturnType<typeof setTimeout> | undefined;
  const stale = () => {
    for (const store of scored) store.invalidate();
    settle ??= setTimeout(() => {
      settle = undefined;
      for (const store of scored) store.invalidate(true);
    }, SETTLE_MS);
  };
  // The other tabs of this client (same storageKey), where there is a BroadcastChannel. Node has
  // one too, where it would keep the process alive: unref() lets it exit.
  const channel: BroadcastChannel | undefined = globalThis.BroadcastChannel && new BroadcastChannel(`${storageKey}:points`);
  if (channel) {
    channel.onmessage = stale;
    (channel as { unref?: () => void }).unref?.();
  }
  const pointsChanged = () => {
    channel?.postMessage(0);
    stale();
  };

  return {
    backend,
    locale: facade($locale),
    setLocale(locale) {
      localeChosen = true;
      $locale.set(locale);
    },
    // A resource is its controller (store, refresh), plus members the types keep internal.
    me,
    topics,
    feed,
    myStats,
    leaderboard,
    badges,
    contests,
    shares: createShareController({
      backend,
      onShared(postId, network) {
        events.track('share_intent', { postId, network });
        feed.markShared(postId, network);
        pointsChanged();
      },
    }),
    events,
    async acceptPolicy(version) {
      const employee = await backend.acceptPolicy(version);
      me.$state.set({ status: 'ready', data: employee, error: null });
      return employee;
    },
    compliance: resource(async () => (await backend.getCompliance?.()) ?? null),
    mySuggestions,
    async suggest(input) {
      const suggestion = await backend.createSuggestion(input, uuid());
      void mySuggestions.refresh();
      return suggestion;
    },
    pointsChanged,
    destroy() {
      clearTimeout(settle);
      channel?.close();
      return events.destroy();
    },
  };
}
