import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type {
  AdminRewardRequest,
  PointsAdjustment,
  PointsEntry,
  Reward,
  RewardDecision,
  RewardInput,
  RewardRequest,
  Team,
} from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import type { AdvocacyStore, LoadStatus } from '../client/types.js';
import { facade, lazy, toAdvocacyError } from '../internal/store.js';

/** What the rewards admin screen shows. */
export interface RewardsAdminState {
  status: LoadStatus;
  /** Every reward, active or not, newest first. */
  rewards: Reward[];
  /** Requests waiting for a decision (pending) or for fulfilment (approved), newest first. */
  requests: AdminRewardRequest[];
  /** The teams a reward can be limited to. */
  teams: Team[];
  error: AdvocacyError | null;
  /** In-flight actions by reward or request id (`'new'` for a reward being created, `'adjust'` for an adjustment). */
  busy: Readonly<Record<string, string>>;
  /** The last failure of an action, by the same ids. */
  errors: Readonly<Record<string, AdvocacyError>>;
}

export interface RewardsAdminController {
  readonly store: AdvocacyStore<RewardsAdminState>;
  refresh(): Promise<void>;
  /** Creates a reward (`id` null) or edits one. */
  saveReward(id: string | null, input: RewardInput): Promise<Reward>;
  setActive(id: string, active: boolean): Promise<Reward>;
  decide(id: string, decision: RewardDecision): Promise<RewardRequest>;
  /** Grants or deducts points with a reason. */
  adjust(input: PointsAdjustment): Promise<PointsEntry>;
}

export interface RewardsAdminOptions {
  backend: AdvocacyBackend;
  /** How many requests of each status to list; default 100. */
  limit?: number;
}

const without = <V>(record: Readonly<Record<string, V>>, id: string): Record<string, V> => {
  const { [id]: _dropped, ...rest } = record;
  return rest;
};
const missing = () => new AdvocacyError('not_found', 'This backend has no rewards administration', { status: 404 });

/** The catalogue and the request queue as a lazy store, with every admin action on them. */
export function createRewardsAdmin(options: RewardsAdminOptions): RewardsAdminController {
  const { backend, limit = 100 } = options;
  const admin = backend.admin;
  const $state = atom<RewardsAdminState>({ status: 'idle', rewards: [], requests: [], teams: [], error: null, busy: {}, errors: {} });
  const state = () => $state.value!;
  const set = (patch: Partial<RewardsAdminState>) => $state.set({ ...state(), ...patch });
  let seq = 0;

  const refresh = async () => {
    const mine = ++seq;
    set({ status: 'loading', error: null });
    try {
      if (!admin.listRewards || !admin.listRewardRequests) throw missing();
      const [rewards, pending, approved, teams] = await Promise.all([
        admin.listRewards(),
        admin.listRewardRequests({ status: 'pending', limit }),
        admin.listRewardRequests({ status: 'approved', limit }),
        backend.listTeams(),
      ]);
      const requests = [...pending.items, ...approved.items].sort((a, b) =>
        a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
      );
      if (mine === seq) set({ status: rewards.length === 0 && requests.length === 0 ? 'empty' : 'ready', rewards, requests, teams });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  const mounted = lazy($state, () => void refresh());

  const act = async <T>(id: string, kind: string, run: () => Promise<T>): Promise<T> => {
    if (state().busy[id]) throw new AdvocacyError('conflict', `"${id}" is already being saved`);
    set({ busy: { ...state().busy, [id]: kind }, errors: without(state().errors, id) });
    try {
      const result = await run();
      set({ busy: without(state().busy, id) });
      if (mounted()) void refresh();
      return result;
    } catch (error) {
      const failure = toAdvocacyError(error);
      set({ busy: without(state().busy, id), errors: { ...state().errors, [id]: failure } });
      throw failure;
    }
  };

  return {
    store: facade($state),
    refresh,
    saveReward: (id, input) =>
      act(id ?? 'new', 'save', () => {
        if (!admin.createReward || !admin.updateReward) throw missing();
        return id === null ? admin.createReward(input) : admin.updateReward(id, input);
      }),
    setActive: (id, active) =>
      act(id, active ? 'activate' : 'deactivate', () => {
        if (!admin.updateReward) throw missing();
        return admin.updateReward(id, { active });
      }),
    decide: (id, decision) =>
      act(id, decision.decision, () => {
        if (!admin.decideRewardRequest) throw missing();
        return admin.decideRewardRequest(id, decision);
      }),
    adjust: (input) =>
      act('adjust', 'adjust', () => {
        if (!admin.adjustPoints) throw missing();
        return admin.adjustPoints(input);
      }),
  };
}
