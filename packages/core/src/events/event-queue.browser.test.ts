import { expect, waitUntil } from '@open-wc/testing';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { AdvocacyEvent } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { httpBackend } from '../backend/http.js';
import { createEventQueue } from './event-queue.js';

describe('event queue in the browser', () => {
  afterEach(() => localStorage.clear());

  it('keeps queued events in localStorage across a reload and delivers each once', async () => {
    const received = new Map<string, number>();
    let down = true;
    const backend = {
      getMe: async () => ({ id: 'emp-1' }),
      async sendEvents(events: AdvocacyEvent[]) {
        if (down) throw new AdvocacyError('network', 'offline');
        events.forEach((e) => received.set(e.id, (received.get(e.id) ?? 0) + 1));
        return { accepted: events.length, duplicates: 0 };
      },
    } as unknown as AdvocacyBackend;

    const before = createEventQueue({ backend, storage: localStorage, storageKey: 'reload-test', retryBaseMs: 60_000 });
    for (let i = 0; i < 50; i++) before.track('post_open', { postId: `p${i}` });
    await before.destroy();
    const stored = JSON.parse(localStorage.getItem('reload-test:events:emp-1')!) as AdvocacyEvent[];
    expect(stored).to.have.length(50);

    down = false;
    const after = createEventQueue({ backend, storage: localStorage, storageKey: 'reload-test' });
    await after.flush();
    expect(received.size).to.equal(50);
    expect([...received.values()].every((n) => n === 1)).to.be.true;
    expect(stored.map((e) => e.id).every((id) => received.has(id))).to.be.true;
    expect(localStorage.getItem('reload-test:events:emp-1')).to.equal(null);
    await after.destroy();
  });

  it('sends at once when the browser comes back online, without waiting out the backoff', async () => {
    let down = true;
    const received: string[] = [];
    const backend = {
      getMe: async () => ({ id: 'emp-1' }),
      async sendEvents(events: AdvocacyEvent[]) {
        if (down) throw new AdvocacyError('network', 'offline');
        received.push(...events.map((e) => e.id));
        return { accepted: events.length, duplicates: 0 };
      },
    } as unknown as AdvocacyBackend;
    const queue = createEventQueue({ backend, storage: localStorage, storageKey: 'online-test', retryBaseMs: 60_000 });
    queue.track('feed_view');
    await queue.flush();
    expect(queue.store.get().lastError?.code).to.equal('network');
    down = false;
    window.dispatchEvent(new Event('online'));
    // The backoff is a minute: only the online event can deliver within waitUntil's second.
    await waitUntil(() => queue.store.get().pending === 0, 'coming back online did not send the queued event');
    expect(received).to.have.length(1);
    expect(queue.store.get()).to.deep.equal({ pending: 0, delivered: 1, lastError: null });
    await queue.destroy();
  });

  it('hands queued events to sendBeacon when the page is hidden, and keeps them until sendEvents is acknowledged', async () => {
    const beacons: Array<{ url: string; body: string }> = [];
    const original = navigator.sendBeacon;
    navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
      beacons.push({ url: String(url), body: String(data) });
      return true;
    };
    const posted: AdvocacyEvent[][] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (request.url.endsWith('/me')) return Response.json({ id: 'emp-1' });
      const { events } = (await request.json()) as { events: AdvocacyEvent[] };
      posted.push(events);
      return Response.json({ accepted: 0, duplicates: events.length });
    };
    try {
      const backend = httpBackend({ baseUrl: 'https://intranet.example.com/api/v1/', getToken: () => 'jwt-123', fetch });
      const queue = createEventQueue({ backend, storage: localStorage, storageKey: 'beacon-test' });
      await queue.flush(); // learns who is signed in
      queue.track('feed_view');
      queue.track('share_intent', { postId: 'post-01', network: 'linkedin' });
      const queued = JSON.parse(localStorage.getItem('beacon-test:events:emp-1')!) as AdvocacyEvent[];
      window.dispatchEvent(new Event('pagehide'));

      expect(beacons).to.have.length(1);
      expect(beacons[0]!.url).to.equal('https://intranet.example.com/api/v1/events');
      const payload = JSON.parse(beacons[0]!.body) as { events: AdvocacyEvent[]; accessToken: string };
      expect(payload.accessToken).to.equal('jwt-123');
      expect(payload.events.map((e) => e.type)).to.deep.equal(['feed_view', 'share_intent']);
      expect(payload.events[1]).to.include({ postId: 'post-01', network: 'linkedin' });
      // The browser took the beacon; that is no proof it arrived, so the events stay stored.
      expect(queue.store.get().pending).to.equal(2);
      expect(JSON.parse(localStorage.getItem('beacon-test:events:emp-1')!)).to.deep.equal(queued);

      await queue.flush();
      expect(posted.map((events) => events.map((e) => e.id))).to.deep.equal([queued.map((e) => e.id)]);
      expect(queue.store.get()).to.deep.equal({ pending: 0, delivered: 2, lastError: null });
      expect(localStorage.getItem('beacon-test:events:emp-1')).to.equal(null);
      await queue.destroy();
    } finally {
      navigator.sendBeacon = original;
    }
  });

  it('keeps the events when the browser refuses the beacon', async () => {
    const original = navigator.sendBeacon;
    navigator.sendBeacon = () => false;
    try {
      // The backend goes unreachable once the queue knows who is signed in, so its own delivery fails as well.
      let down = false;
      const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        if (down) throw new TypeError('Failed to fetch');
        return new Request(input, init).url.endsWith('/me')
          ? Response.json({ id: 'emp-1' })
          : Response.json({ accepted: 0, duplicates: 0 });
      };
      const backend = httpBackend({ baseUrl: 'https://intranet.example.com/api/v1', getToken: () => 't', fetch });
      const queue = createEventQueue({ backend, storage: localStorage, storageKey: 'refused', retryBaseMs: 60_000 });
      await queue.flush(); // learns who is signed in
      down = true;
      queue.track('feed_view');
      window.dispatchEvent(new Event('pagehide'));
      expect(queue.store.get().pending).to.equal(1);
      expect(JSON.parse(localStorage.getItem('refused:events:emp-1')!)).to.have.length(1);
      await queue.destroy();
      expect(queue.store.get().lastError?.code).to.equal('network');
      expect(JSON.parse(localStorage.getItem('refused:events:emp-1')!)).to.have.length(1);
    } finally {
      navigator.sendBeacon = original;
    }
  });
});
