import { atom } from 'nanostores';
import type { AdvocacyAdminBackend, AdvocacyBackend } from '../backend/backend.js';
import type {
  AdminEmployee,
  AdminTeam,
  AdminTopic,
  EmployeeDirectoryQuery,
  EmployeePatch,
  LocalizedText,
  TaxonomyInput,
  TaxonomyPatch,
} from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import type { AdvocacyStore, LoadStatus } from '../client/types.js';
import { facade, lazy, toAdvocacyError } from '../internal/store.js';

/* ---------------------------------------------------------------- topics and teams */

/** Which list a taxonomy store manages. */
export type TaxonomyKind = 'topics' | 'teams';
export type TaxonomyItem = AdminTopic | AdminTeam;

export interface TaxonomyState<T extends TaxonomyItem = TaxonomyItem> {
  status: LoadStatus;
  /** Every item, archived ones too, by position then id. */
  items: T[];
  error: AdvocacyError | null;
  /** Items with a change in flight, by id (`''` for a creation). */
  busy: Readonly<Record<string, true>>;
  /** The error of the last failed change, by id (`''` for a creation); field errors where the backend gave them. */
  errors: Readonly<Record<string, AdvocacyError>>;
}

export interface TaxonomyController<T extends TaxonomyItem = TaxonomyItem> {
  readonly store: AdvocacyStore<TaxonomyState<T>>;
  refresh(): Promise<void>;
  create(input: TaxonomyInput): Promise<T>;
  rename(id: string, names: LocalizedText): Promise<T>;
  /** Moves an item one place up (-1) or down (+1) among the shown order, renumbering as needed. */
  move(id: string, by: -1 | 1): Promise<void>;
  archive(id: string): Promise<T>;
  restore(id: string): Promise<T>;
}

export interface TaxonomyOptions {
  backend: AdvocacyBackend;
  kind: TaxonomyKind;
  /** Called after each change the backend accepted (to refresh pickers elsewhere). */
  onChanged?: () => void;
}

const without = <V>(record: Readonly<Record<string, V>>, id: string): Record<string, V> => {
  const { [id]: _dropped, ...rest } = record;
  return rest;
};

const unsupported = (what: string) => new AdvocacyError('not_found', `This backend cannot manage ${what}.`, { status: 404 });

const sorted = <T extends TaxonomyItem>(items: T[]) => [...items].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));

/**
 * The topics or the teams of the program for their admin screen, as a lazy store: create, rename
 * (a name per locale), reorder and archive or restore. Each item has its own busy and error
 * state; the list reflects each accepted change at once.
 */
export function createTaxonomyAdmin<K extends TaxonomyKind>(
  options: TaxonomyOptions & { kind: K },
): TaxonomyController<K extends 'topics' ? AdminTopic : AdminTeam> {
  type T = K extends 'topics' ? AdminTopic : AdminTeam;
  const { backend, kind } = options;
  const admin = backend.admin;
  const api = {
    list: (kind === 'topics' ? admin.listTopics : admin.listTeams) as (() => Promise<T[]>) | undefined,
    create: (kind === 'topics' ? admin.createTopic : admin.createTeam) as ((input: TaxonomyInput) => Promise<T>) | undefined,
    update: (kind === 'topics' ? admin.updateTopic : admin.updateTeam) as ((id: string, patch: TaxonomyPatch) => Promise<T>) | undefined,
  };
  const $state = atom<TaxonomyState<T>>({ status: 'idle', items: [], error: null, busy: {}, errors: {} });
  const state = () => $state.value!;
  const set = (patch: Partial<TaxonomyState<T>>) => $state.set({ ...state(), ...patch });
  let seq = 0;

  const refresh = async () => {
    const mine = ++seq;
    set({ status: 'loading', error: null });
    try {
      if (api.list === undefined) throw unsupported(kind);
      const items = sorted(await api.list.call(admin));
      if (mine === seq) set({ status: items.length === 0 ? 'empty' : 'ready', items });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  lazy($state, () => void refresh());

  /** Runs one change with `key` busy; puts the result in the list. */
  const change = async (key: string, run: () => Promise<T>): Promise<T> => {
    if (state().busy[key]) throw new AdvocacyError('conflict', `A change to "${key}" is already in flight`);
    set({ busy: { ...state().busy, [key]: true }, errors: without(state().errors, key) });
    try {
      const item = await run();
      const items = sorted([...state().items.filter((other) => other.id !== item.id), item]);
      set({ busy: without(state().busy, key), items, status: 'ready' });
      options.onChanged?.();
      return item;
    } catch (error) {
      const failure = toAdvocacyError(error);
      set({ busy: without(state().busy, key), errors: { ...state().errors, [key]: failure } });
      throw failure;
    }
  };
  const update = (id: string, patch: TaxonomyPatch) =>
    change(id, () => {
      if (api.update === undefined) throw unsupported(kind);
      return api.update.call(admin, id, patch);
    });

  return {
    store: facade($state),
    refresh,
    create: (input) =>
      change('', () => {
        if (api.create === undefined) throw unsupported(kind);
        return api.create.call(admin, input);
      }),
    rename: (id, names) => update(id, { names }),
    archive: (id) => update(id, { archived: true }),
    restore: (id) => update(id, { archived: false }),
    async move(id, by) {
      const items = state().items;
      const index = items.findIndex((item) => item.id === id);
      const neighbour = items[index + by];
      if (index < 0 || neighbour === undefined) return;
      // Positions as shown, then swap: equal positions (a fresh install's 0s) become distinct.
      const order = items.map((item) => item.id);
      [order[index], order[index + by]] = [order[index + by]!, order[index]!];
      for (const [position, itemId] of order.entries()) {
        if (items.find((item) => item.id === itemId)!.position !== position) await update(itemId, { position });
      }
    },
  };
}

/* ---------------------------------------------------------------- employee directory */

export type DirectoryFilters = Omit<EmployeeDirectoryQuery, 'cursor' | 'limit'>;

export interface DirectoryState {
  status: LoadStatus;
  items: AdminEmployee[];
  filters: DirectoryFilters;
  /** Whether there are more rows after the loaded ones (`loadMore`). */
  hasMore: boolean;
  loadingMore: boolean;
  error: AdvocacyError | null;
  /** Employees with a change in flight, by id. */
  busy: Readonly<Record<string, true>>;
  /** The error of the last failed change, by employee id. */
  errors: Readonly<Record<string, AdvocacyError>>;
}

export interface DirectoryController {
  readonly store: AdvocacyStore<DirectoryState>;
  refresh(): Promise<void>;
  /** Replaces the filters (search `q`, team, role, status, language) and reloads from the first page. */
  setFilters(filters: DirectoryFilters): void;
  loadMore(): Promise<void>;
  update(id: string, patch: EmployeePatch): Promise<AdminEmployee>;
  deactivate(id: string): Promise<AdminEmployee>;
  reactivate(id: string): Promise<AdminEmployee>;
}

export interface DirectoryOptions {
  backend: AdvocacyBackend;
  /** Rows per page; default 50. */
  limit?: number;
}

/**
 * The employee directory for its admin screen, as a lazy store: search and filters, cursor pages
 * (`loadMore`), and role, team and status changes with per-row busy and error state.
 */
export function createDirectory(options: DirectoryOptions): DirectoryController {
  const { backend, limit = 50 } = options;
  const admin: AdvocacyAdminBackend = backend.admin;
  const $state = atom<DirectoryState>({
    status: 'idle',
    items: [],
    filters: {},
    hasMore: false,
    loadingMore: false,
    error: null,
    busy: {},
    errors: {},
  });
  const state = () => $state.value!;
  const set = (patch: Partial<DirectoryState>) => $state.set({ ...state(), ...patch });
  let seq = 0;
  let cursor: string | null = null;

  const list = (query: EmployeeDirectoryQuery) => {
    if (admin.listEmployees === undefined) throw unsupported('employees');
    return admin.listEmployees(query);
  };
  const refresh = async () => {
    const mine = ++seq;
    set({ status: 'loading', error: null, loadingMore: false });
    try {
      const page = await list({ ...state().filters, limit });
      if (mine !== seq) return;
      cursor = page.nextCursor;
      set({ status: page.items.length === 0 ? 'empty' : 'ready', items: page.items, hasMore: cursor !== null });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  const mounted = lazy($state, () => void refresh());

  const change = async (id: string, run: () => Promise<AdminEmployee>): Promise<AdminEmployee> => {
    if (state().busy[id]) throw new AdvocacyError('conflict', `A change to "${id}" is already in flight`);
    set({ busy: { ...state().busy, [id]: true }, errors: without(state().errors, id) });
    try {
      const row = await run();
      set({ busy: without(state().busy, id), items: state().items.map((item) => (item.id === id ? row : item)) });
      return row;
    } catch (error) {
      const failure = toAdvocacyError(error);
      set({ busy: without(state().busy, id), errors: { ...state().errors, [id]: failure } });
      throw failure;
    }
  };
  const required = <F>(method: F | undefined): F => {
    if (method === undefined) throw unsupported('employees');
    return method;
  };

  return {
    store: facade($state),
    refresh,
    setFilters(filters) {
      const clean = Object.fromEntries(
        Object.entries(filters).filter(([, value]) => value !== undefined && value !== null && value !== ''),
      );
      set({ filters: clean });
      if (mounted()) void refresh();
    },
    async loadMore() {
      if (cursor === null || state().loadingMore) return;
      const mine = seq;
      set({ loadingMore: true, error: null });
      try {
        const page = await list({ ...state().filters, limit, cursor });
        if (mine !== seq) return;
        cursor = page.nextCursor;
        set({ items: [...state().items, ...page.items], hasMore: cursor !== null, loadingMore: false });
      } catch (error) {
        if (mine === seq) set({ loadingMore: false, error: toAdvocacyError(error) });
      }
    },
    update: (id, patch) => change(id, () => required(admin.updateEmployee).call(admin, id, patch)),
    deactivate: (id) => change(id, () => required(admin.deactivateEmployee).call(admin, id)),
    reactivate: (id) => change(id, () => required(admin.reactivateEmployee).call(admin, id)),
  };
}
