import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { CuratedSource, CuratedSourceInput, CuratedSourcePatch, CurationItem, CurationPublish, Post } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import type { AdvocacyStore, LoadStatus } from '../client/types.js';
import { facade, lazy, toAdvocacyError } from '../internal/store.js';

export interface CurationAdminState {
  status: LoadStatus;
  /** Every curated source, with its last fetch and last error. */
  sources: CuratedSource[];
  /** Pending items of the curation queue, newest found first. */
  items: CurationItem[];
  error: AdvocacyError | null;
  /** Sources and items with an action in flight, by id. */
  busy: Readonly<Record<string, 'add' | 'update' | 'remove' | 'fetch' | 'publish' | 'dismiss'>>;
  /** The error of the last failed action, by source or item id (`new` for adding a source). */
  errors: Readonly<Record<string, AdvocacyError>>;
}

export interface CurationAdminController {
  readonly store: AdvocacyStore<CurationAdminState>;
  refresh(): Promise<void>;
  addSource(input: CuratedSourceInput): Promise<CuratedSource>;
  updateSource(id: string, patch: CuratedSourcePatch): Promise<CuratedSource>;
  removeSource(id: string): Promise<void>;
  /** Fetches a source now; its new items join the queue. */
  fetchSource(id: string): Promise<CuratedSource>;
  /** Publishes a pending item as a `curated` post; it leaves the queue. */
  publish(id: string, overrides?: CurationPublish): Promise<Post>;
  /** Takes a pending item off the queue. */
  dismiss(id: string): Promise<CurationItem>;
}

export interface CurationAdminOptions {
  backend: AdvocacyBackend;
  /** Pending items shown at most; default 100. */
  limit?: number;
}

const without = <V>(record: Readonly<Record<string, V>>, id: string): Record<string, V> => {
  const { [id]: _dropped, ...rest } = record;
  return rest;
};

/**
 * Curated sources and the curation queue as one lazy store. Each source and item has its own busy
 * and error state; a published or dismissed item leaves the queue at once, and the store reloads
 * after every change. A backend without curated sources rejects with `not_found`.
 */
export function createCurationAdmin(options: CurationAdminOptions): CurationAdminController {
  const { backend, limit = 100 } = options;
  const $state = atom<CurationAdminState>({ status: 'idle', sources: [], items: [], error: null, busy: {}, errors: {} });
  const state = () => $state.value!;
  const set = (patch: Partial<CurationAdminState>) => $state.set({ ...state(), ...patch });
  const admin = () => {
    const methods = backend.admin;
    if (!methods.listSources || !methods.listCuration)
      throw new AdvocacyError('not_found', 'This backend has no curated sources', { status: 404 });
    return methods as Required<typeof methods>;
  };
  let seq = 0;

  const refresh = async () => {
    const mine = ++seq;
    set({ status: 'loading', error: null });
    try {
      const [sources, page] = await Promise.all([admin().listSources(), admin().listCuration({ status: 'pending', limit })]);
      if (mine === seq) set({ status: sources.length === 0 && page.items.length === 0 ? 'empty' : 'ready', sources, items: page.items });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  const mounted = lazy($state, () => void refresh());

  const act = async <T>(id: string, action: CurationAdminState['busy'][string], run: () => Promise<T>, after?: () => void): Promise<T> => {
    if (state().busy[id]) throw new AdvocacyError('conflict', `An action on "${id}" is already in flight`);
    set({ busy: { ...state().busy, [id]: action }, errors: without(state().errors, id) });
    try {
      const result = await run();
      set({ busy: without(state().busy, id) });
      after?.();
      if (mounted()) void refresh();
      return result;
    } catch (error) {
      const failure = toAdvocacyError(error);
      set({ busy: without(state().busy, id), errors: { ...state().errors, [id]: failure } });
      throw failure;
    }
  };
  const leave = (id: string) => () => set({ items: state().items.filter((item) => item.id !== id) });

  return {
    store: facade($state),
    refresh,
    addSource: (input) => act('new', 'add', () => admin().createSource(input)),
    updateSource: (id, patch) => act(id, 'update', () => admin().updateSource(id, patch)),
    removeSource: (id) => act(id, 'remove', () => admin().deleteSource(id)),
    fetchSource: (id) => act(id, 'fetch', () => admin().fetchSource(id)),
    publish: (id, overrides) => act(id, 'publish', () => admin().publishCurationItem(id, overrides), leave(id)),
    dismiss: (id) => act(id, 'dismiss', () => admin().dismissCurationItem(id), leave(id)),
  };
}
