import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { PointRulesVersion, PointRulesVersionInput, PointRulesVersionList, PointRulesVersionPatch } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { facade, lazy, toAdvocacyError, type FacadeStore } from '../internal/store.js';

/** The point-rules screen: every version with the defaults and the rules in effect, and what is in flight. */
export interface PointRulesAdminState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  rules: PointRulesVersionList | null;
  /** Loading failed, or this backend has no point-rules administration (`not_found`). */
  error: AdvocacyError | null;
  /** `create`, or the id of the version being edited or deleted. */
  busy: string | null;
  /** Why the last create, edit or delete failed (field errors on `fieldErrors`). */
  actionError: AdvocacyError | null;
}

export interface PointRulesAdminController {
  readonly store: FacadeStore<PointRulesAdminState>;
  refresh(): Promise<void>;
  /** Adds a version, effective now or at `effectiveFrom`. */
  create(input: PointRulesVersionInput): Promise<PointRulesVersion>;
  /** Edits a scheduled version (`conflict` once it took effect). */
  update(id: string, patch: PointRulesVersionPatch): Promise<PointRulesVersion>;
  /** Deletes a scheduled version (`conflict` once it took effect). */
  remove(id: string): Promise<void>;
}

const unsupported = () => new AdvocacyError('not_found', 'This backend has no point-rules administration.');

/**
 * The versions of the point rules as a lazy store (loads on its first subscriber): current,
 * scheduled and past, latest effective first, with the defaults and the rules in effect now;
 * create a version, edit or delete a scheduled one. A backend without the optional methods shows
 * as an error with code `not_found`.
 */
export function createPointRulesAdmin(options: { backend: AdvocacyBackend }): PointRulesAdminController {
  const { admin } = options.backend;
  const $state = atom<PointRulesAdminState>({ status: 'idle', rules: null, error: null, busy: null, actionError: null });
  const state = () => $state.value!;
  const set = (patch: Partial<PointRulesAdminState>) => $state.set({ ...state(), ...patch });
  let seq = 0;

  const refresh = async () => {
    const mine = ++seq;
    if (admin.listPointRules === undefined) return set({ status: 'error', error: unsupported() });
    if (state().rules === null) set({ status: 'loading', error: null });
    try {
      const rules = await admin.listPointRules();
      if (mine === seq) set({ status: 'ready', rules, error: null });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  lazy($state, () => void refresh());

  const act = async <T>(busy: string, work: () => Promise<T>): Promise<T> => {
    if (state().busy !== null) throw new AdvocacyError('conflict', 'Another point-rules change is in flight');
    set({ busy, actionError: null });
    try {
      const result = await work();
      set({ busy: null });
      await refresh();
      return result;
    } catch (error) {
      const failure = toAdvocacyError(error);
      set({ busy: null, actionError: failure });
      throw failure;
    }
  };

  return {
    store: facade($state),
    refresh,
    create: (input) =>
      act('create', () => {
        if (admin.createPointRules === undefined) throw unsupported();
        return admin.createPointRules(input);
      }),
    update: (id, patch) =>
      act(id, () => {
        if (admin.updatePointRules === undefined) throw unsupported();
        return admin.updatePointRules(id, patch);
      }),
    remove: (id) =>
      act(id, () => {
        if (admin.deletePointRules === undefined) throw unsupported();
        return admin.deletePointRules(id);
      }),
  };
}
