import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { AdvocacyEvent } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { createEventQueue } from './event-queue.js';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

/** A backend that records every event id it receives; `failing` makes it reject with that error. */
function recordingBackend() {
  const received = new Map<string, number>();
  const state = { failing: null as AdvocacyError | null, batches: 0 };
  const backend = {
    async sendEvents(events: AdvocacyEvent[]) {
      await Promise.resolve();
      if (state.failing) throw state.failing;
      state.batches++;
      let accepted = 0;
      for (const e of events) {
        received.set(e.id, (received.get(e.id) ?? 0) + 1);
        if (received.get(e.id) === 1) accepted++;
      }
      return { accepted, duplicates: events.length - accepted };
    },
  } as unknown as AdvocacyBackend;
  return { backend, received, state };
}

describe('event queue', () => {
  it('keeps 1,000 events through an outage and a reload, and delivers each exactly once', async () => {
    const storage = memoryStorage();
    const { backend, received, state } = recordingBackend();
    const first = createEventQueue({ backend, storage, storageKey: 'kit', retryBaseMs: 60_000 });
    for (let i = 0; i < 300; i++) first.track('feed_view');
    await first.flush();
    assert.equal(received.size, 300);

    state.failing = new AdvocacyError('network', 'offline');
    for (let i = 0; i < 700; i++) first.track('post_open', { postId: `p${i}` });
    await first.flush();
    assert.equal(first.store.get().pending, 700);
    assert.equal(first.store.get().lastError?.code, 'network');
    // The page unloads while still offline, then reloads.
    await first.destroy();
    assert.equal(first.store.get().pending, 700);

    state.failing = null;
    const second = createEventQueue({ backend, storage, storageKey: 'kit' });
    assert.equal(second.store.get().pending, 700);
    await second.flush();
    assert.equal(second.store.get().pending, 0);
    assert.equal(received.size, 1000);
    assert.ok([...received.values()].every((n) => n === 1), 'an event was delivered twice');
    assert.equal(storage.getItem('kit:events'), null);
    await second.destroy();
  });

  it('flushes by itself when a batch is full', async () => {
    const { backend, received } = recordingBackend();
    const queue = createEventQueue({ backend, storage: null, batchSize: 5 });
    for (let i = 0; i < 4; i++) queue.track('feed_view');
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(received.size, 0);
    queue.track('feed_view');
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(received.size, 5);
    await queue.destroy();
  });

  it('retries after a retryable failure with backoff', async () => {
    const { backend, received, state } = recordingBackend();
    state.failing = new AdvocacyError('server', 'down');
    const queue = createEventQueue({ backend, storage: null, retryBaseMs: 20 });
    queue.track('share_intent', { postId: 'p', network: 'x' });
    await queue.flush();
    assert.equal(received.size, 0);
    state.failing = null;
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(received.size, 1);
    assert.deepEqual(queue.store.get(), { pending: 0, delivered: 1, lastError: null });
    await queue.destroy();
  });

  it('drops a batch the backend rejects as invalid and reports it', async () => {
    const { backend, state } = recordingBackend();
    state.failing = new AdvocacyError('validation', 'bad event', { status: 422 });
    const queue = createEventQueue({ backend, storage: null });
    queue.track('feed_view');
    await queue.flush();
    assert.equal(queue.store.get().pending, 0);
    assert.equal(queue.store.get().lastError?.code, 'validation');
    await queue.destroy();
  });
});
