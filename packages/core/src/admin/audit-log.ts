import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { AuditEntry, AuditQuery } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import type { AdvocacyStore, LoadStatus } from '../client/types.js';
import { facade, lazy, toAdvocacyError } from '../internal/store.js';

/** The audit log's filters; `''` means no filter. `action` matches a prefix (`post.`). Dates are inclusive ISO dates. */
export interface AuditFilters {
  actor: string;
  action: string;
  targetKind: string;
  targetId: string;
  from: string;
  to: string;
}

export interface AuditLogState {
  status: LoadStatus;
  /** Newest first: the first page, then every page `loadMore()` appended. */
  items: AuditEntry[];
  error: AdvocacyError | null;
  filters: AuditFilters;
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreError: AdvocacyError | null;
}

export interface AuditLogController {
  readonly store: AdvocacyStore<AuditLogState>;
  /** Changes some filters and starts over from the first page (a page of the old filters is dropped). */
  setFilters(filters: Partial<AuditFilters>): void;
  loadMore(): Promise<void>;
  /** Reloads the first page; also the retry of the error state. */
  refresh(): Promise<void>;
  /** The filtered log as CSV text (the backend's export: same filters, formula cells guarded). */
  exportCsv(): Promise<string>;
}

export interface AuditLogOptions {
  backend: AdvocacyBackend;
  /** Rows per page; default 50. */
  limit?: number;
}

export const NO_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', targetKind: '', targetId: '', from: '', to: '' };

/** The filters as the backend's query: empty ones left out. */
export const auditQuery = (filters: AuditFilters): Omit<AuditQuery, 'cursor' | 'limit'> =>
  Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value.trim() !== '')
      .map(([key, value]) => [key, value.trim()]),
  );

const unsupported = () => new AdvocacyError('not_found', 'This backend has no audit log');

/**
 * The audit log as a lazy store: filters, keyset "load more", and its CSV. A backend without
 * `admin.listAudit` answers with an error state.
 */
export function createAuditLog(options: AuditLogOptions): AuditLogController {
  const { backend, limit = 50 } = options;
  const $state = atom<AuditLogState>({
    status: 'idle',
    items: [],
    error: null,
    filters: NO_AUDIT_FILTERS,
    hasMore: false,
    loadingMore: false,
    loadMoreError: null,
  });
  const state = () => $state.value!;
  const set = (patch: Partial<AuditLogState>) => $state.set({ ...state(), ...patch });
  let seq = 0;
  let cursor: string | null = null;

  const list = (query: AuditQuery) => {
    if (!backend.admin.listAudit) return Promise.reject(unsupported());
    return backend.admin.listAudit(query);
  };

  const refresh = async () => {
    const mine = ++seq;
    set({ status: 'loading', error: null, loadMoreError: null, loadingMore: false });
    try {
      const page = await list({ ...auditQuery(state().filters), limit });
      if (mine !== seq) return;
      cursor = page.nextCursor;
      set({ status: page.items.length === 0 ? 'empty' : 'ready', items: page.items, hasMore: page.nextCursor !== null });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error), items: [], hasMore: false });
    }
  };

  const mounted = lazy($state, () => void refresh());

  return {
    store: facade($state),
    refresh,
    setFilters(filters) {
      set({ filters: { ...state().filters, ...filters } });
      if (mounted()) void refresh();
    },
    async loadMore() {
      if (state().loadingMore || cursor === null) return;
      const mine = seq;
      set({ loadingMore: true, loadMoreError: null });
      try {
        const page = await list({ ...auditQuery(state().filters), limit, cursor });
        if (mine !== seq) return;
        cursor = page.nextCursor;
        set({ items: [...state().items, ...page.items], hasMore: page.nextCursor !== null, loadingMore: false });
      } catch (error) {
        if (mine === seq) set({ loadingMore: false, loadMoreError: toAdvocacyError(error) });
      }
    },
    async exportCsv() {
      if (!backend.admin.exportAuditCsv) throw unsupported();
      try {
        return await backend.admin.exportAuditCsv(auditQuery(state().filters));
      } catch (error) {
        throw toAdvocacyError(error);
      }
    },
  };
}
