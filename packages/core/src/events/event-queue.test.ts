import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { AdvocacyEvent } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { createEventQueue } from './event-queue.js';
import { memoryStorage } from '../../test/helpers.js';

/**
 * A backend that records how often `sendEvents` delivered each event id; `failing` makes it
 * reject with that error. It counts each id once, like the reference server, and reports the
 * rest as duplicates (`known` holds ids it already has, from `sendEvents` or an arrived beacon).
 * Its session is employee `emp-1`'s, whose queue is stored under `<storageKey>:events:emp-1`.
 */
function recordingBackend() {
  const received = new Map<string, number>();
  const known = new Set<string>();
  const state = { failing: null as AdvocacyError | null, duplicates: 0, calls: 0 };
  const backend = {
    getMe: async () => ({ id: 'emp-1' }),
    async sendEvents(events: AdvocacyEvent[]) {
      state.calls++;
      await Promise.resolve();
      if (state.failing) throw state.failing;
      let accepted = 0;
      for (const e of events) {
        received.set(e.id, (received.get(e.id) ?? 0) + 1);
        if (!known.has(e.id)) accepted++;
        known.add(e.id);
      }
      state.duplicates += events.length - accepted;
      return { accepted, duplicates: events.length - accepted };
    },
  } as unknown as AdvocacyBackend;
  return { backend, received, known, state };
}

/**
 * The backend above with a `sendEventsBeacon` that, like `navigator.sendBeacon`, answers `true`
 * when it takes a batch: with `arrives` false the beacon is lost on the way (the backend is down).
 */
function beaconBackend({ arrives }: { arrives: boolean }) {
  const recording = recordingBackend();
  const beacons: string[][] = [];
  const backend = {
    ...recording.backend,
    sendEventsBeacon(events: AdvocacyEvent[]) {
      beacons.push(events.map((e) => e.id));
      if (arrives) for (const e of events) recording.known.add(e.id);
      return true;
    },
  } as AdvocacyBackend;
  return { ...recording, backend, beacons };
}

/**
 * A page for the queue to listen to in Node: `window` and `document` as event targets, so a test
 * can hide it (the tab goes to the background), show it again, or unload it.
 */
function simulatedPage() {
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  Object.assign(globalThis, { window, document });
  const setVisibility = (state: DocumentVisibilityState) => {
    document.visibilityState = state;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  return {
    hide: () => setVisibility('hidden'),
    show: () => setVisibility('visible'),
    /** What a browser fires when the page goes away: pagehide, then visibilitychange. */
    unload() {
      window.dispatchEvent(new Event('pagehide'));
      setVisibility('hidden');
    },
    close() {
      Reflect.deleteProperty(globalThis, 'window');
      Reflect.deleteProperty(globalThis, 'document');
    },
  };
}

const storedIds = (storage: Storage, key: string) => (JSON.parse(storage.getItem(key) ?? '[]') as AdvocacyEvent[]).map((e) => e.id);

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
    assert.equal(storedIds(storage, 'kit:events:emp-1').length, 700);
    const second = createEventQueue({ backend, storage, storageKey: 'kit' });
    await second.flush();
    assert.equal(second.store.get().pending, 0);
    assert.equal(received.size, 1000);
    assert.ok(
      [...received.values()].every((n) => n === 1),
      'an event was delivered twice',
    );
    assert.equal(storage.getItem('kit:events:emp-1'), null);
    await second.destroy();
  });

  it('with the employee known up front, an event tracked while the backend is away is stored at once and survives a reload', async () => {
    const storage = memoryStorage();
    const { backend, received } = recordingBackend();
    // The backend is away: getMe never answers and nothing can be sent.
    const away = {
      ...backend,
      getMe: () => new Promise<never>(() => {}),
      sendEvents: () => new Promise<never>(() => {}),
    } as AdvocacyBackend;
    const first = createEventQueue({ backend: away, storage, storageKey: 'kit', employeeId: 'emp-1', retryBaseMs: 60_000 });
    first.track('post_open', { postId: 'p1' });
    const stored = storedIds(storage, 'kit:events:emp-1');
    assert.equal(stored.length, 1, 'stored before the backend said who is signed in');
    // The page reloads; the backend is back.
    const second = createEventQueue({ backend, storage, storageKey: 'kit', employeeId: 'emp-1' });
    assert.equal(second.store.get().pending, 1);
    await second.flush();
    assert.deepEqual([...received.keys()], stored);
    assert.equal(storage.getItem('kit:events:emp-1'), null);
    await second.destroy();
    void first.destroy();
  });

  it('flushes by itself when a batch is full', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    const { backend, received, state } = recordingBackend();
    const queue = createEventQueue({ backend, storage: null, batchSize: 5 });
    await queue.flush(); // learns who is signed in
    for (let i = 0; i < 4; i++) queue.track('feed_view');
    assert.equal(state.calls, 0, 'a delivery started before the batch was full');
    queue.track('feed_view');
    assert.equal(state.calls, 1, 'the full batch did not start a delivery');
    await queue.flush();
    assert.equal(received.size, 5);
    await queue.destroy();
  });

  it('retries after a retryable failure with backoff', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    const { backend, received, state } = recordingBackend();
    state.failing = new AdvocacyError('server', 'down');
    const queue = createEventQueue({ backend, storage: null, retryBaseMs: 20 });
    queue.track('share_intent', { postId: 'p', network: 'x' });
    await queue.flush();
    assert.equal(received.size, 0);
    assert.equal(state.calls, 1);
    state.failing = null;
    // The first retry waits between half the base delay and all of it.
    t.mock.timers.tick(9);
    assert.equal(state.calls, 1, 'retried before the backoff');
    t.mock.timers.tick(11);
    assert.equal(state.calls, 2, 'did not retry after the backoff');
    await queue.flush();
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

describe('event queue and beacons', () => {
  it('loses nothing when a beacon is accepted but never arrives: after a reload sendEvents delivers each event once', async (t) => {
    const page = simulatedPage();
    t.after(() => page.close());
    const storage = memoryStorage();
    const { backend, received, beacons, state } = beaconBackend({ arrives: false });
    state.failing = new AdvocacyError('network', 'The server could not be reached');

    const first = createEventQueue({ backend, storage, storageKey: 'kit', retryBaseMs: 60_000 });
    for (let i = 0; i < 250; i++) first.track('post_open', { postId: `p${i}` });
    await first.flush();
    assert.equal(first.store.get().lastError?.code, 'network');
    const queued = storedIds(storage, 'kit:events:emp-1');
    assert.equal(queued.length, 250);

    // The employee reloads during the outage: the browser takes the beacons, which go nowhere.
    page.unload();
    assert.deepEqual(beacons.flat(), queued, 'each queued event is handed to one beacon');
    assert.deepEqual(
      beacons.map((b) => b.length),
      [100, 100, 50],
    );
    assert.deepEqual(storedIds(storage, 'kit:events:emp-1'), queued, 'beaconed events stay stored');
    assert.equal(first.store.get().pending, 250);
    await first.destroy();
    assert.equal(received.size, 0);

    // The server is back; the reloaded page starts a new queue over the same storage.
    state.failing = null;
    const second = createEventQueue({ backend, storage, storageKey: 'kit' });
    await second.flush();
    assert.deepEqual([...received.keys()].sort(), [...queued].sort());
    assert.ok(
      [...received.values()].every((n) => n === 1),
      'an event was sent twice',
    );
    assert.deepEqual(second.store.get(), { pending: 0, delivered: 250, lastError: null });
    assert.equal(storage.getItem('kit:events:emp-1'), null);
    await second.destroy();
  });

  it('when a beacon did arrive, the next flush costs only duplicates and then clears storage', async (t) => {
    const page = simulatedPage();
    t.after(() => page.close());
    const storage = memoryStorage();
    const { backend, received, beacons, state } = beaconBackend({ arrives: true });
    const queue = createEventQueue({ backend, storage, storageKey: 'kit' });
    await queue.flush(); // learns who is signed in
    queue.track('feed_view');
    queue.track('share_intent', { postId: 'post-01', network: 'x' });
    page.hide();
    assert.equal(beacons.flat().length, 2);
    assert.equal(storedIds(storage, 'kit:events:emp-1').length, 2);

    // The employee comes back to the tab; the next flush confirms what the beacon carried.
    page.show();
    await queue.flush();
    assert.deepEqual([...received.values()], [1, 1]);
    assert.equal(state.duplicates, 2);
    assert.deepEqual(queue.store.get(), { pending: 0, delivered: 2, lastError: null });
    assert.equal(storage.getItem('kit:events:emp-1'), null);
    await queue.destroy();
  });

  it('beacons each event once per hidden period, and again after the page was visible', async (t) => {
    const page = simulatedPage();
    t.after(() => page.close());
    const { backend, beacons, state } = beaconBackend({ arrives: false });
    state.failing = new AdvocacyError('server', 'down', { status: 503 });
    const queue = createEventQueue({ backend, storage: null, retryBaseMs: 60_000 });
    queue.track('feed_view');
    page.hide();
    page.hide();
    queue.track('post_open', { postId: 'p1' });
    page.unload();
    assert.equal(beacons.length, 2);
    assert.equal(beacons[1]!.length, 1, 'only the event tracked since the first beacon');
    page.show();
    page.hide();
    assert.deepEqual(beacons[2], [...beacons[0]!, ...beacons[1]!], 'still queued, so beaconed again');
    assert.equal(queue.store.get().pending, 2);
    await queue.destroy();
  });
});
