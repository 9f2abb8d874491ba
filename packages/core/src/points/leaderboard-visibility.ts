import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { AdvocacyError } from '../backend/errors.js';
import type { AdvocacyStore } from '../client/types.js';
import { facade, lazy, toAdvocacyError } from '../internal/store.js';

/** Whether the signed-in employee is named on the anonymous leaderboard (the `showOnLeaderboard` preference). */
export interface LeaderboardVisibilityState {
  /** `unsupported`: the backend has no preferences. */
  status: 'idle' | 'loading' | 'ready' | 'error' | 'unsupported';
  /** Named on the anonymous leaderboard; off until the employee opts in. */
  shown: boolean;
  /** A change is being saved. */
  busy: boolean;
  error: AdvocacyError | null;
}

export interface LeaderboardVisibilityController {
  readonly store: AdvocacyStore<LeaderboardVisibilityState>;
  refresh(): Promise<void>;
  /** Opts in (true) or out; then `onChange` runs (e.g. the leaderboard reloads). Rejects with the failure, which the state keeps too. */
  set(shown: boolean): Promise<void>;
}

export interface LeaderboardVisibilityOptions {
  backend: AdvocacyBackend;
  /** Runs after a change was saved: reload the leaderboard so the employee sees themselves listed or not. */
  onChange?: () => void;
}

/** The employee's opt-in to be named on the anonymous leaderboard, loaded on first subscriber. */
export function createLeaderboardVisibility(options: LeaderboardVisibilityOptions): LeaderboardVisibilityController {
  const { backend, onChange } = options;
  const $state = atom<LeaderboardVisibilityState>({ status: 'idle', shown: false, busy: false, error: null });
  const set = (patch: Partial<LeaderboardVisibilityState>) => $state.set({ ...$state.value!, ...patch });
  const refresh = async () => {
    if (!backend.getPreferences || !backend.updatePreferences) return set({ status: 'unsupported' });
    set({ status: 'loading', error: null });
    try {
      const preferences = await backend.getPreferences();
      set({ status: 'ready', shown: preferences.showOnLeaderboard === true });
    } catch (error) {
      set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  lazy($state, () => void refresh());
  return {
    store: facade($state),
    refresh,
    async set(shown) {
      if (!backend.updatePreferences) throw toAdvocacyError(new Error('This backend has no preferences'));
      set({ busy: true, error: null });
      try {
        const preferences = await backend.updatePreferences({ showOnLeaderboard: shown });
        set({ busy: false, status: 'ready', shown: preferences.showOnLeaderboard === true });
        onChange?.();
      } catch (error) {
        const failure = toAdvocacyError(error);
        set({ busy: false, error: failure });
        throw failure;
      }
    },
  };
}
