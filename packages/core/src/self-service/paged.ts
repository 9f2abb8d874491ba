import { atom } from 'nanostores';
import type { Page, PageQuery } from '../backend/contract.js';
import type { AdvocacyError } from '../backend/errors.js';
import type { AdvocacyStore, LoadStatus } from '../client/types.js';
import { facade, lazy, toAdvocacyError } from '../internal/store.js';

/** A newest-first list read page by page. */
export interface PagedState<T> {
  /** `empty`: the first page had nothing; `error`: the first page failed (retry with `refresh()`). */
  status: LoadStatus;
  items: T[];
  error: AdvocacyError | null;
  hasMore: boolean;
  /** A `loadMore()` is in flight (the first page uses `status: 'loading'`). */
  loadingMore: boolean;
  /** The last failed `loadMore()`; the items already shown stay. */
  loadMoreError: AdvocacyError | null;
}

export interface PagedController<T> {
  readonly store: AdvocacyStore<PagedState<T>>;
  /** Loads the first page again; also the retry of the error state. */
  refresh(): Promise<void>;
  /** Appends the next page; the retry of a failed `loadMore()`. */
  loadMore(): Promise<void>;
}

/**
 * A lazy paged list: the first page loads on the first subscriber, `loadMore()` appends the next
 * (skipping ids already listed), `refresh()` starts over and drops answers it superseded.
 */
export function pagedList<T extends { id: string }>(load: (query: PageQuery) => Promise<Page<T>>, limit: number): PagedController<T> {
  const $state = atom<PagedState<T>>({ status: 'idle', items: [], error: null, hasMore: false, loadingMore: false, loadMoreError: null });
  const set = (patch: Partial<PagedState<T>>) => $state.set({ ...$state.value!, ...patch });
  let cursor: string | null = null;
  let seq = 0;

  const refresh = async () => {
    const mine = ++seq;
    set({ status: 'loading', error: null, loadingMore: false, loadMoreError: null });
    try {
      const page = await load({ limit });
      if (mine !== seq) return;
      cursor = page.nextCursor;
      set({ status: page.items.length === 0 ? 'empty' : 'ready', items: page.items, hasMore: page.nextCursor !== null });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  lazy($state, () => void refresh());

  return {
    store: facade($state),
    refresh,
    async loadMore() {
      const state = $state.value!;
      if (!state.hasMore || state.loadingMore || state.status !== 'ready' || cursor === null) return;
      const mine = seq;
      set({ loadingMore: true, loadMoreError: null });
      try {
        const page = await load({ limit, cursor });
        if (mine !== seq) return;
        cursor = page.nextCursor;
        const known = new Set($state.value!.items.map((item) => item.id));
        set({
          items: [...$state.value!.items, ...page.items.filter((item) => !known.has(item.id))],
          hasMore: page.nextCursor !== null,
          loadingMore: false,
        });
      } catch (error) {
        if (mine === seq) set({ loadingMore: false, loadMoreError: toAdvocacyError(error) });
      }
    },
  };
}
