import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { Post } from '../backend/contract.js';
import type { FeedController, FeedState, StorageLike } from '../client/types.js';
import { readJson, writeJson } from '../internal/storage.js';
import { facade, lazy, toAdvocacyError } from '../internal/store.js';

export interface FeedOptions {
  backend: AdvocacyBackend;
  /** Where the time of the previous visit is kept; none means nothing is "new". */
  storage?: StorageLike | null;
  /** Storage namespace (the client's `storageKey`). */
  storageKey?: string;
  /** Posts per page; default 20. */
  pageSize?: number;
  now?: () => Date;
  /**
   * The employee's language (a BCP 47 tag), asked once before the first page: the feed lists posts
   * written in it, and every language after `setAllLanguages(true)`. None, or null: every language.
   */
  language?: () => Promise<string | null>;
}

/** How long the feed waits after the last `setSearch()` before it asks the backend. */
export const SEARCH_DELAY_MS = 250;

const initial: FeedState = {
  status: 'idle',
  items: [],
  error: null,
  topic: null,
  hasMore: false,
  loadingMore: false,
  loadMoreError: null,
  newSinceLastVisit: 0,
  search: '',
  language: null,
  allLanguages: false,
};

/**
 * The feed as a lazy store: the first page loads when the store gets its first subscriber,
 * `loadMore()` appends the next page, a topic change or `refresh()` starts over.
 */
export function createFeedController(options: FeedOptions): FeedController {
  const { backend, storage = null, pageSize = 20, now = () => new Date() } = options;
  const seenKey = `${options.storageKey ?? 'advocacy-kit'}:feed-seen`;
  const $state = atom<FeedState>(initial);
  let cursor: string | null = null;
  let seq = 0;
  let language: Promise<string | null> | undefined;
  let typing: ReturnType<typeof setTimeout> | undefined;
  /** The filters of the state in force, as the backend takes them. */
  const filters = async () => {
    language ??= (options.language?.() ?? Promise.resolve(null)).then(
      (tag) => tag?.split('-')[0] ?? null,
      () => null,
    );
    const known = await language;
    if (known !== $state.value!.language) set({ language: known });
    const { topic, search, allLanguages } = $state.value!;
    return { topic, q: search.trim() || undefined, locale: allLanguages || known === null ? undefined : known };
  };
  const set = (patch: Partial<FeedState>) => $state.set({ ...$state.value!, ...patch });
  const countNew = (items: Post[]) => {
    const seen = readJson<string>(storage, seenKey);
    if (seen === null) {
      // First visit: nothing is "new" yet; from now on, posts after this moment are.
      writeJson(storage, seenKey, now().toISOString());
      return 0;
    }
    const since = Date.parse(seen);
    return items.filter((p) => Date.parse(p.publishAt) > since).length;
  };

  const refresh = async () => {
    const mine = ++seq;
    set({ status: 'loading', error: null, loadMoreError: null, loadingMore: false });
    try {
      const page = await backend.listFeed({ ...(await filters()), limit: pageSize });
      if (mine !== seq) return;
      cursor = page.nextCursor;
      set({
        status: page.items.length === 0 ? 'empty' : 'ready',
        items: page.items,
        hasMore: page.nextCursor !== null,
        newSinceLastVisit: countNew(page.items),
      });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };

  const mounted = lazy($state, () => void refresh());
  /** Applies a filter change: the list starts over (at once, or once typing pauses). */
  const refilter = (patch: Partial<FeedState>, delayMs = 0) => {
    clearTimeout(typing);
    set({ ...patch, items: [], hasMore: false });
    if (!mounted()) return set({ status: 'idle' });
    if (delayMs === 0) return void refresh();
    // Stale answers are dropped from now on; the loading state shows while the employee types.
    seq++;
    set({ status: 'loading', error: null, loadMoreError: null, loadingMore: false });
    typing = setTimeout(() => void refresh(), delayMs);
  };

  return {
    store: facade($state),
    setTopic(topic) {
      if (topic !== $state.value!.topic) refilter({ topic });
    },
    setSearch(text) {
      // Spaces around the terms change nothing the backend is asked.
      if (text.trim() === $state.value!.search.trim()) set({ search: text });
      else refilter({ search: text }, SEARCH_DELAY_MS);
    },
    setAllLanguages(all) {
      if (all !== $state.value!.allLanguages) refilter({ allLanguages: all });
    },
    async loadMore() {
      const state = $state.value!;
      if (!state.hasMore || state.loadingMore || state.status !== 'ready') return;
      const mine = seq;
      set({ loadingMore: true, loadMoreError: null });
      try {
        const page = await backend.listFeed({ ...(await filters()), limit: pageSize, cursor });
        if (mine !== seq) return;
        cursor = page.nextCursor;
        const known = new Set($state.value!.items.map((p) => p.id));
        set({
          items: [...$state.value!.items, ...page.items.filter((p) => !known.has(p.id))],
          hasMore: page.nextCursor !== null,
          loadingMore: false,
        });
      } catch (error) {
        if (mine === seq) set({ loadingMore: false, loadMoreError: toAdvocacyError(error) });
      }
    },
    refresh,
    markShared(postId, network) {
      // A repeat of a network shows once more in the list: the marker only asks whether there is one.
      set({
        items: $state.value!.items.map((p) => (p.id === postId ? { ...p, sharedNetworks: [...(p.sharedNetworks ?? []), network] } : p)),
      });
    },
    markSeen() {
      writeJson(storage, seenKey, now().toISOString());
      set({ newSinceLastVisit: 0 });
    },
  };
}
