import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { InvitationDecision, Membership } from '../backend/contract.js';
import type { AdvocacyError } from '../backend/errors.js';
import type { AdvocacyStore } from '../client/types.js';
import { facade, lazy, toAdvocacyError } from '../internal/store.js';

export interface MembershipState {
  /** `unsupported`: the backend has no program membership (nothing to show). */
  status: 'idle' | 'loading' | 'ready' | 'error' | 'unsupported';
  membership: Membership | null;
  error: AdvocacyError | null;
  /** The answer being sent, if any. */
  busy: InvitationDecision | null;
  /** Why the last answer failed. */
  answerError: AdvocacyError | null;
}

export interface MembershipController {
  readonly store: AdvocacyStore<MembershipState>;
  refresh(): Promise<void>;
  /** Accepts or declines the signed-in employee's invitation; the store holds the new membership. */
  respond(decision: InvitationDecision): Promise<Membership>;
}

/**
 * The signed-in employee's place in the program (invited, joined, declined, not invited) as a
 * lazy store, with accept and decline. Backends without membership read as `unsupported`.
 */
export function createMembership(backend: AdvocacyBackend): MembershipController {
  const $state = atom<MembershipState>({ status: 'idle', membership: null, error: null, busy: null, answerError: null });
  const set = (patch: Partial<MembershipState>) => $state.set({ ...$state.value!, ...patch });
  let seq = 0;
  const refresh = async () => {
    if (!backend.getMyMembership) return set({ status: 'unsupported' });
    const mine = ++seq;
    set({ status: 'loading', error: null });
    try {
      const membership = await backend.getMyMembership();
      if (mine === seq) set({ status: 'ready', membership });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  lazy($state, () => void refresh());
  return {
    store: facade($state),
    refresh,
    async respond(decision) {
      if (!backend.respondToInvitation) throw toAdvocacyError(new Error('The backend has no program membership'));
      seq++;
      set({ busy: decision, answerError: null });
      try {
        const membership = await backend.respondToInvitation(decision);
        set({ status: 'ready', membership, busy: null });
        return membership;
      } catch (error) {
        const failure = toAdvocacyError(error);
        set({ busy: null, answerError: failure });
        throw failure;
      }
    },
  };
}
