import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { PointsBalance, Reward, RewardRequest } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import type { AdvocacyStore, LoadStatus } from '../client/types.js';
import { facade, lazy, toAdvocacyError } from '../internal/store.js';
import { uuid } from '../internal/random.js';

/** What the employee's rewards screen shows. */
export interface RewardsState {
  /** `empty`: the catalogue has nothing the employee may request (their requests may still be listed). */
  status: LoadStatus;
  rewards: Reward[];
  balance: PointsBalance | null;
  /** The employee's requests, newest first (the first page). */
  requests: RewardRequest[];
  error: AdvocacyError | null;
  /** In-flight actions: a reward id → `'request'`, a request id → `'cancel'`. */
  busy: Readonly<Record<string, 'request' | 'cancel'>>;
  /** The last failure of an action, by reward or request id (e.g. `insufficient_points`, out of stock). */
  errors: Readonly<Record<string, AdvocacyError>>;
}

export interface RewardsController {
  readonly store: AdvocacyStore<RewardsState>;
  /** Loads the catalogue, the balance and the requests again; also the retry of the error state. */
  refresh(): Promise<void>;
  /**
   * Requests a reward (its cost is held); reloads the balance, the catalogue and the requests.
   * Each request carries an Idempotency-Key, kept until the backend answers: a retry after a
   * network failure or timeout sends the same key, so the points are held once.
   */
  request(rewardId: string): Promise<RewardRequest>;
  /** Cancels a pending request (its points come back). */
  cancel(requestId: string): Promise<RewardRequest>;
}

export interface RewardsOptions {
  backend: AdvocacyBackend;
  /** How many of the employee's requests to list; default 20. */
  limit?: number;
}

const without = <V>(record: Readonly<Record<string, V>>, id: string): Record<string, V> => {
  const { [id]: _dropped, ...rest } = record;
  return rest;
};

/** A backend without rewards answers as one that does not know the route. */
const missing = () => new AdvocacyError('not_found', 'This backend has no rewards', { status: 404 });

/**
 * The employee's rewards as a lazy store: the catalogue, their balance and their requests, loaded
 * together on first subscriber; request and cancel, each with its own busy and error state.
 */
export function createRewards(options: RewardsOptions): RewardsController {
  const { backend, limit = 20 } = options;
  const $state = atom<RewardsState>({ status: 'idle', rewards: [], balance: null, requests: [], error: null, busy: {}, errors: {} });
  const state = () => $state.value!;
  const set = (patch: Partial<RewardsState>) => $state.set({ ...state(), ...patch });
  let seq = 0;
  /** The Idempotency-Key of each reward's request that has not had an answer yet. */
  const keys = new Map<string, string>();

  const refresh = async () => {
    const mine = ++seq;
    set({ status: 'loading', error: null });
    try {
      if (!backend.listRewards || !backend.getMyPointsBalance || !backend.listMyRewardRequests) throw missing();
      const [rewards, balance, requests] = await Promise.all([
        backend.listRewards(),
        backend.getMyPointsBalance(),
        backend.listMyRewardRequests({ limit }),
      ]);
      if (mine === seq) set({ status: rewards.length === 0 ? 'empty' : 'ready', rewards, balance, requests: requests.items });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  const mounted = lazy($state, () => void refresh());

  const act = async (id: string, kind: 'request' | 'cancel', run: () => Promise<RewardRequest>): Promise<RewardRequest> => {
    if (state().busy[id]) throw new AdvocacyError('conflict', `"${id}" is already being sent`);
    set({ busy: { ...state().busy, [id]: kind }, errors: without(state().errors, id) });
    try {
      const request = await run();
      set({
        busy: without(state().busy, id),
        requests: [request, ...state().requests.filter((item) => item.id !== request.id)],
      });
      if (mounted()) void refresh();
      return request;
    } catch (error) {
      const failure = toAdvocacyError(error);
      set({ busy: without(state().busy, id), errors: { ...state().errors, [id]: failure } });
      // Out of stock or a balance that moved: show the catalogue as it is now.
      if (mounted() && (failure.code === 'conflict' || failure.code === 'validation' || failure.code === 'not_found')) void refresh();
      throw failure;
    }
  };

  return {
    store: facade($state),
    refresh,
    request: (rewardId) =>
      act(rewardId, 'request', async () => {
        if (!backend.requestReward) throw missing();
        const key = keys.get(rewardId) ?? uuid();
        keys.set(rewardId, key);
        try {
          const request = await backend.requestReward(rewardId, key);
          keys.delete(rewardId);
          return request;
        } catch (error) {
          // An answer (out of stock, too few points) ends the attempt; no answer keeps the key for the retry.
          if (toAdvocacyError(error).status !== undefined) keys.delete(rewardId);
          throw error;
        }
      }),
    cancel: (requestId) =>
      act(requestId, 'cancel', () => {
        if (!backend.cancelRewardRequest) throw missing();
        return backend.cancelRewardRequest(requestId);
      }),
  };
}

/** A reward's text in the locale, else English, else any it has. */
export function rewardText(text: Readonly<Record<string, string>>, lang: string): string {
  return text[lang] ?? text[lang.split('-')[0]!] ?? text['en'] ?? Object.values(text)[0] ?? '';
}
