import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { AdvocacyEvent, EventType, NetworkId } from '../backend/contract.js';
import type { EventQueueController, EventQueueStats } from '../client/types.js';
import { backoffDelay } from '../internal/backoff.js';
import { uuid } from '../internal/random.js';
import { readJson, writeJson } from '../internal/storage.js';
import { facade, toAdvocacyError } from '../internal/store.js';

export interface EventQueueOptions {
  backend: AdvocacyBackend;
  /** Where queued events survive reloads, offline periods and outages; none keeps them in memory only. */
  storage?: Storage | null;
  /** Storage namespace (the client's `storageKey`); the queue lives under `${storageKey}:events`. */
  storageKey?: string;
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

const isEvent = (value: unknown): value is AdvocacyEvent =>
  typeof value === 'object' && value !== null && typeof (value as AdvocacyEvent).id === 'string';

/**
 * A persistent, batched event queue. Every change is written to storage, so nothing is lost to
 * a reload, offline or an outage; batches go out on size, on an interval and (by beacon) when
 * the page is hidden; retryable failures back off exponentially with jitter. Events carry a
 * client-made UUID and the backend counts each id once; an acknowledged batch is never resent.
 * A batch is dropped only when the backend rejects it as invalid (reported in `lastError`).
 */
export function createEventQueue(options: EventQueueOptions): EventQueue {
  const { backend, storage = null, batchSize = 20, flushIntervalMs = 10_000, retryBaseMs = 1_000 } = options;
  const key = `${options.storageKey ?? 'advocacy-kit'}:events`;
  const stored = readJson<unknown>(storage, key);
  let pending: AdvocacyEvent[] = Array.isArray(stored) ? stored.filter(isEvent) : [];
  const $stats = atom<EventQueueStats>({ pending: pending.length, delivered: 0, lastError: null });
  let flushing: Promise<void> | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const update = (patch: Partial<EventQueueStats> = {}) => {
    writeJson(storage, key, pending.length > 0 ? pending : null);
    $stats.set({ ...$stats.value!, ...patch, pending: pending.length });
  };
  const remove = (sent: AdvocacyEvent[]) => {
    const ids = new Set(sent.map((e) => e.id));
    pending = pending.filter((e) => !ids.has(e.id));
  };

  const deliver = async () => {
    while (pending.length > 0) {
      const batch = pending.slice(0, MAX_REQUEST);
      try {
        const result = await backend.sendEvents(batch);
        remove(batch);
        attempt = 0;
        update({ delivered: $stats.value!.delivered + result.accepted + result.duplicates, lastError: null });
      } catch (error) {
        const failure = toAdvocacyError(error);
        if (failure.code === 'validation') {
          remove(batch);
          update({ lastError: failure });
          continue;
        }
        update({ lastError: failure });
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          void flush();
        }, backoffDelay(attempt++, failure, retryBaseMs));
        (retryTimer as { unref?: () => void }).unref?.();
        return;
      }
    }
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

  /** The page is going away: hand what is queued to the browser, which delivers it after unload. */
  const onHide = () => {
    if (!backend.sendEventsBeacon || pending.length === 0) return;
    while (pending.length > 0) {
      const chunk = pending.slice(0, MAX_REQUEST);
      if (!backend.sendEventsBeacon(chunk)) break;
      remove(chunk);
    }
    update();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHide();
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
    track(type: EventType, data: { postId?: string; network?: NetworkId } = {}) {
      const event: AdvocacyEvent = { id: uuid(), type, at: new Date().toISOString() };
      if (data.postId !== undefined) event.postId = data.postId;
      if (data.network !== undefined) event.network = data.network;
      pending.push(event);
      update();
      if (pending.length >= batchSize) auto();
    },
    flush,
    async destroy() {
      clearInterval(interval);
      clearTimeout(retryTimer);
      retryTimer = undefined;
      listeners('removeEventListener');
      await flush();
      clearTimeout(retryTimer);
    },
  };
}
