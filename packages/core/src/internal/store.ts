import { atom, onMount, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { AdvocacyStore, AsyncState } from '../client/types.js';
import { AdvocacyError, isAdvocacyError } from '../backend/errors.js';

/**
 * Core's store facade over a nanostores atom. `get()` reads the current value without
 * mounting the store (so reading never starts a fetch); `$atom` is the atom itself for
 * `@nanostores/lit`, `@nanostores/react` and friends.
 */
export interface FacadeStore<T> extends AdvocacyStore<T> {
  readonly $atom: ReadableAtom<T>;
}

export function facade<T>($atom: ReadableAtom<T>): FacadeStore<T> {
  return {
    $atom,
    get: () => $atom.value as T,
    subscribe: (listener) => $atom.subscribe((value) => listener(value)),
    listen: (listener) => $atom.listen((value) => listener(value)),
  };
}

/** Any failure as an AdvocacyError, so stores only ever hold typed errors. */
export const toAdvocacyError = (error: unknown): AdvocacyError =>
  isAdvocacyError(error) ? error : new AdvocacyError('network', error instanceof Error ? error.message : String(error), { cause: error });

/** Runs `start` when the atom gets its first subscriber; the function returned tells whether it has one. */
export function lazy<T>($atom: WritableAtom<T>, start: () => void): () => boolean {
  let mounted = false;
  onMount($atom, () => {
    mounted = true;
    start();
    return () => {
      mounted = false;
    };
  });
  return () => mounted;
}

export interface Resource<T> {
  $state: WritableAtom<AsyncState<T>>;
  store: FacadeStore<AsyncState<T>>;
  refresh(): Promise<void>;
  /**
   * Sets a parameter of the request; a new value refetches while the store is subscribed, and
   * otherwise drops the data of the old value (as `invalidate`).
   */
  set<P>($param: WritableAtom<P>, value: P): void;
  /**
   * The data is out of date. Unsubscribed, the store forgets it at once (and drops any answer
   * still on its way), so its next subscriber never sees it; subscribed, it refetches when
   * `refetch` is true and keeps showing the data meanwhile.
   */
  invalidate(refetch?: boolean): void;
}

/**
 * One remote resource as a lazy store: loads on first subscriber (and on `refresh()`), keeps
 * the last data while reloading, and drops responses that a newer request has superseded.
 */
export function resource<T>(load: () => Promise<T>, isEmpty: (data: T) => boolean = () => false): Resource<T> {
  const idle: AsyncState<T> = { status: 'idle', data: undefined, error: null };
  const $state = atom(idle);
  let seq = 0;
  const refresh = async () => {
    const mine = ++seq;
    $state.set({ ...$state.value!, status: 'loading', error: null });
    try {
      const data = await load();
      if (mine === seq) $state.set({ status: isEmpty(data) ? 'empty' : 'ready', data, error: null });
    } catch (error) {
      if (mine === seq) $state.set({ ...$state.value!, status: 'error', error: toAdvocacyError(error) });
    }
  };
  const mounted = lazy($state, () => void refresh());
  const invalidate = (refetch?: boolean) => {
    if (!mounted()) {
      seq++;
      $state.set(idle);
    } else if (refetch) void refresh();
  };
  return {
    $state,
    store: facade($state),
    refresh,
    set($param, value) {
      if ($param.value === value) return;
      $param.set(value);
      invalidate(true);
    },
    invalidate,
  };
}
