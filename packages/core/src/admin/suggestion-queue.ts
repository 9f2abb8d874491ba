import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { Suggestion, SuggestionReview } from '../backend/contract.js';
import type { SuggestionQueueController, SuggestionQueueState } from './types.js';
import { AdvocacyError } from '../backend/errors.js';
import { facade, lazy, toAdvocacyError } from '../internal/store.js';

export interface SuggestionQueueOptions {
  backend: AdvocacyBackend;
  /** How many pending suggestions to show; default 100. */
  limit?: number;
  /** Called after each decision the backend accepted (to refresh other stores). */
  onReviewed?: (suggestion: Suggestion) => void;
}

const without = <V>(record: Readonly<Record<string, V>>, id: string): Record<string, V> => {
  const { [id]: _dropped, ...rest } = record;
  return rest;
};

/**
 * The pending suggestions as a lazy store, with approve and reject. Each suggestion has its own
 * busy and error state; a decided suggestion leaves the list at once, and the list reloads.
 */
export function createSuggestionQueue(options: SuggestionQueueOptions): SuggestionQueueController {
  const { backend, limit = 100 } = options;
  const $state = atom<SuggestionQueueState>({ status: 'idle', items: [], error: null, busy: {}, errors: {} });
  const state = () => $state.value!;
  const set = (patch: Partial<SuggestionQueueState>) => $state.set({ ...state(), ...patch });
  let seq = 0;

  const refresh = async () => {
    const mine = ++seq;
    set({ status: 'loading', error: null });
    try {
      const page = await backend.admin.listSuggestions({ status: 'pending', limit });
      if (mine === seq) set({ status: page.items.length === 0 ? 'empty' : 'ready', items: page.items });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };

  const mounted = lazy($state, () => void refresh());

  const decide = async (id: string, review: SuggestionReview): Promise<Suggestion> => {
    if (state().busy[id]) throw new AdvocacyError('conflict', `A decision on "${id}" is already in flight`);
    set({ busy: { ...state().busy, [id]: review.decision }, errors: without(state().errors, id) });
    try {
      const suggestion = await backend.admin.reviewSuggestion(id, review);
      const items = state().items.filter((item) => item.id !== id);
      set({ busy: without(state().busy, id), items, status: items.length === 0 && state().status === 'ready' ? 'empty' : state().status });
      options.onReviewed?.(suggestion);
      if (mounted()) void refresh();
      return suggestion;
    } catch (error) {
      const failure = toAdvocacyError(error);
      set({ busy: without(state().busy, id), errors: { ...state().errors, [id]: failure } });
      throw failure;
    }
  };

  return {
    store: facade($state),
    refresh,
    approve: (id, post) => decide(id, post ? { decision: 'approve', post } : { decision: 'approve' }),
    reject: (id, reason) => decide(id, { decision: 'reject', reason }),
  };
}
