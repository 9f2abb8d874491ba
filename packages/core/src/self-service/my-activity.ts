import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { MyPointsEntry, MyShare, PointsBalance, Preferences, PreferencesInput, Suggestion } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import type { AdvocacyStore, AsyncState, ResourceController } from '../client/types.js';
import { facade, lazy, resource, toAdvocacyError } from '../internal/store.js';
import { pagedList, type PagedController } from './paged.js';

/** The employee's preferences, and the save in flight or failed. */
export interface PreferencesState extends AsyncState<Preferences> {
  saving: boolean;
  /** The last failed save: a `validation` error names the field (`locale`, `timeZone`). */
  saveError: AdvocacyError | null;
}

export interface PreferencesController {
  readonly store: AdvocacyStore<PreferencesState>;
  refresh(): Promise<void>;
  /** Saves some preferences; rejects (and sets `saveError`) with the backend's error. */
  update(input: PreferencesInput): Promise<Preferences>;
}

/** Everything the employee's own activity screen reads: each list loads when first subscribed. */
export interface MyActivityController {
  /** My shares, newest first, each with its post title, unique clicks, conversions and points. */
  readonly shares: PagedController<MyShare>;
  /** My points ledger, newest first, each row with the post, network or reward it is about. */
  readonly points: PagedController<MyPointsEntry>;
  /** My points to spend (`null` when the backend has no rewards). */
  readonly balance: ResourceController<PointsBalance | null>;
  /** My suggestions with their status and the reviewer's reason. */
  readonly suggestions: PagedController<Suggestion>;
  /** My digest and reminder switches, language and time zone. */
  readonly preferences: PreferencesController;
}

export interface MyActivityOptions {
  backend: AdvocacyBackend;
  /** Items per page; default 20. */
  limit?: number;
}

const noPreferences = () => new AdvocacyError('not_found', 'This backend has no preferences', { status: 404 });

/** The employee's own history and preferences as lazy stores, over any backend. */
export function createMyActivity(options: MyActivityOptions): MyActivityController {
  const { backend, limit = 20 } = options;
  const $preferences = atom<PreferencesState>({ status: 'idle', data: undefined, error: null, saving: false, saveError: null });
  const set = (patch: Partial<PreferencesState>) => $preferences.set({ ...$preferences.value!, ...patch });
  let seq = 0;
  const refreshPreferences = async () => {
    const mine = ++seq;
    set({ status: 'loading', error: null });
    try {
      if (!backend.getPreferences) throw noPreferences();
      const data = await backend.getPreferences();
      if (mine === seq) set({ status: 'ready', data });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  lazy($preferences, () => void refreshPreferences());

  return {
    shares: pagedList((query) => backend.listMyShares(query), limit),
    points: pagedList((query) => backend.listMyPoints(query), limit),
    balance: resource(async () => (await backend.getMyPointsBalance?.()) ?? null),
    suggestions: pagedList((query) => backend.listMySuggestions(query), limit),
    preferences: {
      store: facade($preferences),
      refresh: refreshPreferences,
      async update(input) {
        set({ saving: true, saveError: null });
        try {
          if (!backend.updatePreferences) throw noPreferences();
          const data = await backend.updatePreferences(input);
          seq++;
          set({ status: 'ready', data, error: null, saving: false });
          return data;
        } catch (error) {
          const failure = toAdvocacyError(error);
          set({ saving: false, saveError: failure });
          throw failure;
        }
      },
    },
  };
}
