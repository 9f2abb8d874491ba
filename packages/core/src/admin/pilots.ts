import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type {
  EnrollmentMode,
  Goal,
  GoalInput,
  GoalPatch,
  InvitationInput,
  InvitationResult,
  Member,
  MemberFilter,
} from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import type { AdvocacyStore } from '../client/types.js';
import { facade, lazy, toAdvocacyError } from '../internal/store.js';

type Status = 'idle' | 'loading' | 'ready' | 'empty' | 'error' | 'unsupported';

/* ------------------------------------------------------------ members */

export interface MemberListState {
  status: Status;
  items: Member[];
  nextCursor: string | null;
  /** The state filter in force (`null` for everyone). */
  filter: MemberFilter | null;
  enrollment: EnrollmentMode | null;
  error: AdvocacyError | null;
  /** A write in flight: an invitation or an enrollment change. */
  busy: 'invite' | 'enrollment' | null;
  /** Why the last write failed (field errors included). */
  writeError: AdvocacyError | null;
}

export interface MemberListController {
  readonly store: AdvocacyStore<MemberListState>;
  refresh(): Promise<void>;
  setFilter(filter: MemberFilter | null): Promise<void>;
  loadMore(): Promise<void>;
  invite(input: InvitationInput): Promise<InvitationResult>;
  setEnrollment(mode: EnrollmentMode): Promise<void>;
}

const unsupported = () => new AdvocacyError('not_found', 'The backend has no program membership', { status: 404 });

/** The program's members with their state, the enrollment mode, and invitations, as a lazy store. */
export function createMemberList(options: { backend: AdvocacyBackend; limit?: number }): MemberListController {
  const { backend, limit = 50 } = options;
  const admin = backend.admin;
  const $state = atom<MemberListState>({
    status: 'idle',
    items: [],
    nextCursor: null,
    filter: null,
    enrollment: null,
    error: null,
    busy: null,
    writeError: null,
  });
  const state = () => $state.value!;
  const set = (patch: Partial<MemberListState>) => $state.set({ ...state(), ...patch });
  let seq = 0;

  const load = async (cursor: string | null) => {
    if (!admin.listMembers || !admin.getEnrollment) return set({ status: 'unsupported' });
    const mine = ++seq;
    set({ status: cursor === null ? 'loading' : state().status, error: null });
    try {
      const [page, enrollment] = await Promise.all([
        admin.listMembers({ state: state().filter, cursor, limit }),
        cursor === null ? admin.getEnrollment() : Promise.resolve({ enrollment: state().enrollment! }),
      ]);
      if (mine !== seq) return;
      const items = cursor === null ? page.items : [...state().items, ...page.items];
      set({ status: items.length === 0 ? 'empty' : 'ready', items, nextCursor: page.nextCursor, enrollment: enrollment.enrollment });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  const refresh = () => load(null);
  const mounted = lazy($state, () => void refresh());

  const write = async <T>(busy: 'invite' | 'enrollment', run: () => Promise<T>): Promise<T> => {
    set({ busy, writeError: null });
    try {
      const result = await run();
      set({ busy: null });
      if (mounted()) void refresh();
      return result;
    } catch (error) {
      const failure = toAdvocacyError(error);
      set({ busy: null, writeError: failure });
      throw failure;
    }
  };

  return {
    store: facade($state),
    refresh,
    setFilter(filter) {
      set({ filter, items: [], nextCursor: null });
      return refresh();
    },
    loadMore: () => (state().nextCursor === null ? Promise.resolve() : load(state().nextCursor)),
    invite: (input) =>
      write('invite', () => {
        if (!admin.invite) throw unsupported();
        return admin.invite(input);
      }),
    setEnrollment: (mode) =>
      write('enrollment', async () => {
        if (!admin.setEnrollment) throw unsupported();
        await admin.setEnrollment(mode);
      }),
  };
}

/* ------------------------------------------------------------ goals */

export interface GoalsState {
  status: Status;
  items: Goal[];
  /** Whether archived goals are listed too. */
  archived: boolean;
  error: AdvocacyError | null;
  /** The goal being written (`new` while creating one). */
  busy: string | null;
  writeError: AdvocacyError | null;
}

export interface GoalsController {
  readonly store: AdvocacyStore<GoalsState>;
  refresh(): Promise<void>;
  showArchived(archived: boolean): Promise<void>;
  create(input: GoalInput): Promise<Goal>;
  update(id: string, patch: GoalPatch): Promise<Goal>;
  archive(id: string): Promise<Goal>;
  remove(id: string): Promise<void>;
}

/** The program's goals with their progress today, as a lazy store, with create, edit, archive and delete. */
export function createGoals(options: { backend: AdvocacyBackend }): GoalsController {
  const admin = options.backend.admin;
  const $state = atom<GoalsState>({ status: 'idle', items: [], archived: false, error: null, busy: null, writeError: null });
  const state = () => $state.value!;
  const set = (patch: Partial<GoalsState>) => $state.set({ ...state(), ...patch });
  let seq = 0;
  const refresh = async () => {
    if (!admin.listGoals) return set({ status: 'unsupported' });
    const mine = ++seq;
    set({ status: 'loading', error: null });
    try {
      const items = await admin.listGoals({ archived: state().archived });
      if (mine === seq) set({ status: items.length === 0 ? 'empty' : 'ready', items });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  const mounted = lazy($state, () => void refresh());
  const write = async <T>(busy: string, run: () => Promise<T>): Promise<T> => {
    set({ busy, writeError: null });
    try {
      const result = await run();
      set({ busy: null });
      if (mounted()) await refresh();
      return result;
    } catch (error) {
      const failure = toAdvocacyError(error);
      set({ busy: null, writeError: failure });
      throw failure;
    }
  };
  const need = <F>(method: F | undefined): F => {
    if (method === undefined) throw new AdvocacyError('not_found', 'The backend has no goals', { status: 404 });
    return method;
  };
  return {
    store: facade($state),
    refresh,
    showArchived(archived) {
      set({ archived });
      return refresh();
    },
    create: (input) => write('new', () => need(admin.createGoal).call(admin, input)),
    update: (id, patch) => write(id, () => need(admin.updateGoal).call(admin, id, patch)),
    archive: (id) => write(id, () => need(admin.updateGoal).call(admin, id, { archived: true })),
    remove: (id) => write(id, () => need(admin.deleteGoal).call(admin, id)),
  };
}
