import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { ScimSettings, ScimTokenCreated } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { facade, lazy, toAdvocacyError, type FacadeStore } from '../internal/store.js';

/** The SCIM settings screen: the base URL and tokens, the token just created (shown once), what is in flight. */
export interface ScimSettingsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  settings: ScimSettings | null;
  /** Loading failed, or this backend has no SCIM provisioning (`not_found`). */
  error: AdvocacyError | null;
  /** The token just created, with its secret: shown once, until dismissed or the next action. */
  created: ScimTokenCreated | null;
  /** `create`, or the id of the token being revoked. */
  busy: string | null;
  /** Why the last create or revoke failed. */
  actionError: AdvocacyError | null;
}

export interface ScimSettingsController {
  readonly store: FacadeStore<ScimSettingsState>;
  refresh(): Promise<void>;
  /** Creates a token; the state's `created` holds it (with the secret) until `dismissCreated()`. */
  create(): Promise<ScimTokenCreated>;
  revoke(id: string): Promise<void>;
  /** Forgets the created token's secret (after the admin has copied it). */
  dismissCreated(): void;
}

const unsupported = () =>
  new AdvocacyError('not_found', 'This backend has no SCIM provisioning: SCIM is served by the Advocacy Kit server at /scim/v2.');

/**
 * SCIM provisioning settings as a lazy store (loads on its first subscriber): the base URL to paste
 * into Entra ID or Okta, the tokens (created and last-used times, never the tokens), create and
 * revoke. A backend without the optional SCIM methods shows as an error with code `not_found`.
 */
export function createScimSettings(options: { backend: AdvocacyBackend }): ScimSettingsController {
  const { admin } = options.backend;
  const $state = atom<ScimSettingsState>({ status: 'idle', settings: null, error: null, created: null, busy: null, actionError: null });
  const state = () => $state.value!;
  const set = (patch: Partial<ScimSettingsState>) => $state.set({ ...state(), ...patch });
  let seq = 0;

  const refresh = async () => {
    const mine = ++seq;
    if (admin.getScimSettings === undefined) return set({ status: 'error', error: unsupported() });
    set({ status: 'loading', error: null });
    try {
      const settings = await admin.getScimSettings();
      if (mine === seq) set({ status: 'ready', settings });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  lazy($state, () => void refresh());

  const act = async <T>(busy: string, work: () => Promise<T>): Promise<T> => {
    if (state().busy !== null) throw new AdvocacyError('conflict', 'Another SCIM token change is in flight');
    set({ busy, actionError: null, created: null });
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
    create: () =>
      act('create', async () => {
        if (admin.createScimToken === undefined) throw unsupported();
        const created = await admin.createScimToken();
        set({ created });
        return created;
      }),
    revoke: (id) =>
      act(id, async () => {
        if (admin.revokeScimToken === undefined) throw unsupported();
        await admin.revokeScimToken(id);
      }),
    dismissCreated: () => set({ created: null }),
  };
}
