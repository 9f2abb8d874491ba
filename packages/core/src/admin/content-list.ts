import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { ContentListController, ContentListState } from './types.js';
import { facade, lazy, toAdvocacyError } from '../internal/store.js';

export interface ContentListOptions {
  backend: AdvocacyBackend;
  /** Posts per page; default 25. */
  pageSize?: number;
}

/**
 * The program's posts as a lazy store: the first page of the filters in force loads when the
 * store gets its first subscriber, `loadMore()` appends the next page.
 *
 * Every first-page request gets a new generation; a page (first or next) that arrives after a
 * newer generation started is dropped, so rows of an old filter never join the new filter's,
 * and a slow first page never overwrites a newer one.
 */
export function createContentList(options: ContentListOptions): ContentListController {
  const { backend, pageSize = 25 } = options;
  const $state = atom<ContentListState>({
    status: 'idle',
    items: [],
    error: null,
    filters: { status: null, q: '', topic: null, kind: null },
    hasMore: false,
    loadingMore: false,
    loadMoreError: null,
    archiving: null,
    archiveError: null,
  });
  const state = () => $state.value!;
  const set = (patch: Partial<ContentListState>) => $state.set({ ...state(), ...patch });
  let cursor: string | null = null;
  let generation = 0;

  const query = () => {
    const { status, q, topic, kind } = state().filters;
    return { limit: pageSize, status, q: q.trim() || null, topic, kind };
  };

  const refresh = async () => {
    const mine = ++generation;
    set({ status: 'loading', error: null, loadingMore: false, loadMoreError: null });
    try {
      const page = await backend.admin.listPosts(query());
      if (mine !== generation) return;
      cursor = page.nextCursor;
      set({ status: page.items.length === 0 ? 'empty' : 'ready', items: page.items, hasMore: cursor !== null });
    } catch (error) {
      if (mine === generation) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };

  const mounted = lazy($state, () => void refresh());

  return {
    store: facade($state),
    setFilters(filters) {
      const current = state().filters;
      const next = { ...current, ...filters };
      if ((Object.keys(next) as (keyof typeof next)[]).every((key) => next[key] === current[key])) return;
      // The old filter's pages are of no use from now on, even before the new first page is asked for.
      generation++;
      set({ filters: next, hasMore: false, loadingMore: false, loadMoreError: null });
      if (mounted()) void refresh();
      else set({ status: 'idle', items: [] });
    },
    async loadMore() {
      const current = state();
      if (!current.hasMore || current.loadingMore || current.status !== 'ready' || cursor === null) return;
      const mine = generation;
      set({ loadingMore: true, loadMoreError: null });
      try {
        const page = await backend.admin.listPosts({ ...query(), cursor });
        if (mine !== generation) return;
        cursor = page.nextCursor;
        const known = new Set(state().items.map((post) => post.id));
        set({
          items: [...state().items, ...page.items.filter((post) => !known.has(post.id))],
          hasMore: cursor !== null,
          loadingMore: false,
        });
      } catch (error) {
        if (mine === generation) set({ loadingMore: false, loadMoreError: toAdvocacyError(error) });
      }
    },
    refresh,
    invalidate() {
      if (mounted()) void refresh();
    },
    async archive(id) {
      set({ archiving: id, archiveError: null });
      try {
        const post = await backend.admin.archivePost(id);
        set({ archiving: null });
        if (mounted()) await refresh();
        return post;
      } catch (error) {
        const failure = toAdvocacyError(error);
        set({ archiving: null, archiveError: failure });
        throw failure;
      }
    },
  };
}
