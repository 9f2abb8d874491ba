import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { BlockedTerm, BlockedTermInput, Compliance, PolicyVersion } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { facade, lazy, toAdvocacyError, type FacadeStore } from '../internal/store.js';

/** The policy versions and the compliance rules as the admin screens show them. */
export interface PolicyAdminState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Every version, the draft (if any) first, then newest first. */
  versions: PolicyVersion[];
  /** The current policy, blocked terms and disclosures. */
  compliance: Compliance | null;
  /** Loading failed. */
  error: AdvocacyError | null;
  /** A write is in flight. */
  busy: boolean;
}

export interface PolicyAdminController {
  readonly store: FacadeStore<PolicyAdminState>;
  refresh(): Promise<void>;
  /** Writes the draft of the next version (created on first save). */
  saveDraft(texts: Record<string, string>): Promise<PolicyVersion>;
  /** Publishes the draft: every employee must accept it before sharing again. */
  publish(): Promise<PolicyVersion>;
  addTerm(input: BlockedTermInput): Promise<BlockedTerm>;
  removeTerm(id: string): Promise<void>;
  setDisclosures(disclosures: Record<string, string>): Promise<Compliance>;
}

/**
 * The social-media policy and compliance rules for the admin screens, as a lazy store (loads on
 * first subscriber). Each write reloads the store; a write that fails rejects with its
 * `AdvocacyError` (field errors included) and leaves the store as it was.
 */
export function createPolicyAdmin(options: { backend: AdvocacyBackend }): PolicyAdminController {
  const { backend } = options;
  const admin = backend.admin;
  const $state = atom<PolicyAdminState>({ status: 'idle', versions: [], compliance: null, error: null, busy: false });
  const set = (patch: Partial<PolicyAdminState>) => $state.set({ ...$state.value!, ...patch });
  const need = <T>(method: T | undefined): T => {
    if (!method) throw new AdvocacyError('not_found', 'This backend has no policy and compliance operations');
    return method;
  };
  let seq = 0;

  const refresh = async () => {
    const mine = ++seq;
    set({ status: 'loading', error: null });
    try {
      const [versions, compliance] = await Promise.all([need(admin.listPolicyVersions)(), need(backend.getCompliance)()]);
      if (mine === seq) set({ status: 'ready', versions, compliance });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  lazy($state, () => void refresh());

  const write = async <T>(run: () => Promise<T>): Promise<T> => {
    set({ busy: true });
    try {
      const result = await run();
      await refresh();
      return result;
    } catch (error) {
      throw toAdvocacyError(error);
    } finally {
      set({ busy: false });
    }
  };

  return {
    store: facade($state),
    refresh,
    saveDraft: (texts) => write(() => need(admin.savePolicyDraft)(texts)),
    publish: () => write(() => need(admin.publishPolicy)()),
    addTerm: (input) => write(() => need(admin.createBlockedTerm)(input)),
    removeTerm: (id) => write(() => need(admin.deleteBlockedTerm)(id)),
    setDisclosures: (disclosures) => write(() => need(admin.updateDisclosures)(disclosures)),
  };
}
