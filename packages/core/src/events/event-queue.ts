import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { AdvocacyEvent, EventType, NetworkId } from '../backend/contract.js';
import type { EventQueueController, EventQueueStats, StorageLike } from '../client/types.js';
import { backoffDelay } from '../internal/backoff.js';
import { uuid } from '../internal/random.js';
import { readJson, writeJson } from '../internal/storage.js';
import { facade, toAdvocacyError } from '../internal/store.js';

export interface EventQueueOptions {
  backend: AdvocacyBackend;
  /** Where queued events survive reloads, offline periods and outages; none keeps them in memory only. */
  storage?: StorageLike | null;
  /**
   * Storage namespace (the client's `storageKey`). Each employee's queue lives under
   * `${storageKey}:events:${employeeId}`, so on a shared browser one employee's events are never
   * sent under another's session, and wait there (the newest 1,000) until that employee is back.
   */
  storageKey?: string;
  /**
   * Who is signed in, when the host knows it: events are stored under their key from the first
   * one, without waiting for `getMe` (which may not answer while the backend is away).
   */
  employeeId?: string;
  /** Flush once this many events are queued; default 20. */
  batchSize?: number;
  /** Flush this often; default 10 000 ms. */
  flushIntervalMs?: number;
  /** First retry delay after a retryable failure, doubled each time (with jitter); default 1 000 ms. */
  retryBaseMs?: number;
}

export interface EventQueue extends EventQueueController {
  /** Delivers what it can, then stops timers and page listeners. Queued events stay in storage. */
  destroy(): Promise<void>;
}

/** Events per request; the HTTP contract accepts up to 500. */
const MAX_REQUEST = 100;
/** Events kept for one employee: the newest, when more are tracked while the backend is away. */
const MAX_KEPT = 1_000;

/** A stored entry that is an event (JSON primitives and null have no `id`). */
const isEvent = (value: unknown): value is AdvocacyEvent => typeof (value as AdvocacyEvent | null)?.id === 'string';

/**
 * A persistent, batched event queue. Every change is written to storage, so nothing is lost to
 * a reload, offline or an outage; batches go out on size and on an interval, and also by beacon
 * when the page is hidden; retryable failures back off exponentially with jitter. Events carry
 * a client-made UUID and the backend counts each id once. An event leaves storage only when a
 * `sendEvents` call acknowledges it, or when the backend rejects its batch as invalid (reported
 * in `lastError`); an acknowledged event is never resent.
 *
 * Events belong to the employee signed in when they were tracked: the queue asks the backend
 * who that is (`getMe`, unless the host said so with `employeeId`) when the first event is tracked or delivered, keeps that employee's
 * events under a key of their own and loads only those. Until it knows, events stay in memory
 * (and go out by beacon if the page is hidden meanwhile); while nobody is signed in nothing is
 * sent or stored. One queue serves one employee: when the person signed in
 * changes, make a new client.
 */
export function createEventQueue(options: EventQueueOptions): EventQueue {
  const { backend, storage = null, batchSize = 20, flushIntervalMs = 10_000, retryBaseMs = 1_000 } = options;
  const prefix = `${options.storageKey ?? 'advocacy-kit'}:events`;
  // The queue of earlier versions was nobody's in particular: no session may send it.
  writeJson(storage, prefix, null);
  /** The employee's storage key, once the queue knows who is signed in. */
  let key: string | undefined;
  let asking: Promise<void> | undefined;
  let pending: AdvocacyEvent[] = [];
  const load = (id: string) => {
    key = `${prefix}:${id}`;
    pending = [...[readJson<AdvocacyEvent[]>(storage, key) ?? []].flat().filter(isEvent), ...pending];
  };
  const $stats = atom<EventQueueStats>({ pending: 0, delivered: 0, lastError: null });
  let flushing: Promise<void> | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const update = (patch: Partial<EventQueueStats> = {}) => {
    pending = pending.slice(-MAX_KEPT);
    if (key) writeJson(storage, key, pending.length > 0 ? pending : null);
    $stats.set({ ...$stats.value!, ...patch, pending: pending.length });
  };
  if (options.employeeId) {
    load(options.employeeId);
    update();
  }

  /** Asks who is signed in (one question at a time): their stored events join the ones tracked since. */
  const identify = () =>
    (asking ??= backend
      .getMe()
      .then(({ id }) => {
        load(id);
        update();
      })
      .finally(() => (asking = undefined)));

  const deliver = async () => {
    do {
      let batch: AdvocacyEvent[] = [];
      let patch: Partial<EventQueueStats>;
      try {
        if (!key) await identify();
        if (pending.length === 0) return;
        batch = pending.slice(0, MAX_REQUEST);
        const result = await backend.sendEvents(batch);
        attempt = 0;
        patch = { delivered: $stats.value!.delivered + result.accepted + result.duplicates, lastError: null };
      } catch (error) {
        const failure = toAdvocacyError(error);
        patch = { lastError: failure };
        // Nobody signed in is retried like an outage: the events wait for their employee.
        if (failure.code !== 'validation' || !key) {
          update(patch);
          clearTimeout(retryTimer);
          retryTimer = setTimeout(
            () => {
              retryTimer = undefined;
              void flush();
            },
            backoffDelay(attempt++, failure, retryBaseMs),
          );
          (retryTimer as { unref?: () => void }).unref?.();
          return;
        }
      }
      // Acknowledged, or rejected as invalid (sending it again would fail the same way). The batch
      // is still the head of the queue: only this one delivery at a time removes events.
      pending = pending.slice(batch.length);
      update(patch);
    } while (pending.length > 0);
  };

  const flush = (): Promise<void> => {
    flushing ??= deliver().finally(() => {
      flushing = null;
    });
    return flushing;
  };
  /** A flush the queue starts by itself: not while waiting out a backoff. */
  const auto = () => {
    if (retryTimer === undefined && pending.length > 0) void flush();
  };

  const interval = setInterval(auto, flushIntervalMs);
  (interval as { unref?: () => void }).unref?.();

  /** Events handed to a beacon since the page was last visible (unload fires both pagehide and visibilitychange). */
  const beaconed = new Set<string>();
  /**
   * The page may be going away: hand what is queued to the browser as beacons too. A beacon's
   * `true` only means the browser took it, not that it arrived, so the events stay stored until
   * `sendEvents` acknowledges them; one that did arrive then counts as a duplicate.
   */
  const onHide = () => {
    const rest = pending.filter((e) => !beaconed.has(e.id));
    while (rest.length > 0 && backend.sendEventsBeacon?.(rest.slice(0, MAX_REQUEST))) {
      for (const event of rest.splice(0, MAX_REQUEST)) beaconed.add(event.id);
    }
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHide();
    else beaconed.clear();
  };
  /** Back online: no need to wait out the backoff. */
  const onOnline = () => {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    attempt = 0;
    auto();
  };
  /** Adds (or removes) the page listeners, in browsers. */
  const listeners = (method: 'addEventListener' | 'removeEventListener') => {
    if (typeof window === 'undefined' || typeof document === 'undefined') return;
    window[method]('pagehide', onHide);
    window[method]('online', onOnline);
    document[method]('visibilitychange', onVisibility);
  };
  listeners('addEventListener');
  auto();

  return {
    store: facade($stats),
    track(type: EventType, data?: { postId?: string; network?: NetworkId }) {
      // A property given as undefined is dropped when the event is stored or sent as JSON.
      pending.push({ id: uuid(), type, at: new Date().toISOString(), ...data });
      update();
      // Learn who is signed in now, so the event can be stored as theirs.
      if (!key) identify().catch(() => {});
      if (pending.length >= batchSize) auto();
    },
    flush,
    async destroy() {
      clearInterval(interval);
      clearTimeout(retryTimer);
      retryTimer = undefined;
      listeners('removeEventListener');
      if (pending.length > 0) await flush();
      clearTimeout(retryTimer);
    },
  };
}
