import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { AdvocacyEvent } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { createEventQueue } from './event-queue.js';
import { memoryStorage } from '../../test/helpers.js';

/**
 * One browser shared by several employees, and the server they talk to: `session(id)` is the
 * backend as that employee's sign-in sees it (its `getMe` answers with that employee, and every
 * event it delivers is recorded under that session); `offline` makes its deliveries fail.
 * `null` is a session with nobody signed in (`getMe` answers 401).
 */
function sharedBrowser() {
  const storage = memoryStorage();
  /** The events each session delivered, as the postIds they carry. */
  const delivered = new Map<string | null, string[]>();
  const session = (employeeId: string | null, { offline = false } = {}) => {
    const getMe = async () => {
      if (employeeId === null) throw new AdvocacyError('unauthorized', 'Not signed in', { status: 401 });
      return { id: employeeId };
    };
    const backend = {
      getMe,
      async sendEvents(events: AdvocacyEvent[]) {
        if (offline) throw new AdvocacyError('network', 'Offline');
        if (employeeId === null) throw new AdvocacyError('unauthorized', 'Not signed in', { status: 401 });
        delivered.set(employeeId, [...(delivered.get(employeeId) ?? []), ...events.map((e) => e.postId ?? '')]);
        return { accepted: events.length, duplicates: 0 };
      },
    } as unknown as AdvocacyBackend;
    return createEventQueue({ backend, storage, storageKey: 'portal', flushIntervalMs: 3_600_000, retryBaseMs: 3_600_000 });
  };
  return { storage, delivered, session };
}

describe('security: the event queue keeps each employee’s events to that employee', () => {
  it('never sends events queued by one employee under another employee’s session, and sends them when that employee is back', async () => {
    const browser = sharedBrowser();
    // A reads two posts while offline and closes the page: the events stay queued.
    const a = browser.session('emp-a', { offline: true });
    a.track('post_open', { postId: 'read-by-a-1' });
    a.track('post_open', { postId: 'read-by-a-2' });
    await a.destroy();

    // B signs in on the same browser and reads a post.
    const b = browser.session('emp-b');
    b.track('post_open', { postId: 'read-by-b' });
    await b.flush();
    await b.destroy();
    assert.deepEqual(browser.delivered.get('emp-b'), ['read-by-b'], 'B’s session carried only B’s events');

    // A signs in again: A's events go out under A's session, once.
    const again = browser.session('emp-a');
    await again.flush();
    await again.destroy();
    assert.deepEqual(browser.delivered.get('emp-a'), ['read-by-a-1', 'read-by-a-2']);
    assert.deepEqual(browser.delivered.get('emp-b'), ['read-by-b']);
  });

  it('sends nothing, and leaves nothing for the next person, while nobody is signed in', async () => {
    const browser = sharedBrowser();
    const nobody = browser.session(null);
    nobody.track('feed_view');
    await nobody.flush();
    await nobody.destroy();

    const b = browser.session('emp-b');
    await b.flush();
    await b.destroy();
    assert.equal(browser.delivered.size, 0);
  });

  it('does not send the queue an earlier version stored for nobody in particular', async () => {
    const browser = sharedBrowser();
    const unowned: AdvocacyEvent = {
      id: '3f2c1d9e-0000-4000-8000-000000000001',
      type: 'post_open',
      at: new Date().toISOString(),
      postId: 'whose',
    };
    browser.storage.setItem('portal:events', JSON.stringify([unowned]));

    const b = browser.session('emp-b');
    b.track('post_open', { postId: 'read-by-b' });
    await b.flush();
    await b.destroy();
    assert.deepEqual(browser.delivered.get('emp-b'), ['read-by-b']);
    assert.equal(browser.storage.getItem('portal:events'), null, 'the unowned queue is gone from storage');
  });

  it('keeps a bounded queue for an employee who is away: the newest 1,000 events', async () => {
    const browser = sharedBrowser();
    const a = browser.session('emp-a', { offline: true });
    for (let i = 0; i < 1_100; i++) a.track('post_open', { postId: `post-${i}` });
    await a.destroy();

    const again = browser.session('emp-a');
    await again.flush();
    await again.destroy();
    const sent = browser.delivered.get('emp-a') ?? [];
    assert.equal(sent.length, 1_000);
    assert.equal(sent[0], 'post-100');
    assert.equal(sent.at(-1), 'post-1099');
  });
});
