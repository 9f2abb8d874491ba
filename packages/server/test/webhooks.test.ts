import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../src/log.js';
import { nextAttemptAt, DEFAULT_BACKOFF } from '../src/webhooks/backoff.js';
import { WebhookDispatcher } from '../src/webhooks/dispatcher.js';
import { httpSender } from '../src/webhooks/send.js';
import { signWebhookPayload, verifyWebhookSignature } from '../src/webhooks/signature.js';
import { webhookDb } from '../src/webhooks/tables.js';
import { targetProblem } from '../src/webhooks/target.js';
import { forEachDatabase } from './support/databases.js';
import { API, API_KEY, json, signToken, startHarness, type Harness } from './support/harness.js';
import { assertSchema } from './support/schema.js';

interface Received {
  body: string;
  signature: string;
  eventId: string;
}

/** A webhook receiver on a free port that answers 500 to the first `failures` requests. */
async function receiver(failures: number): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({
        body,
        signature: String(request.headers['advocacy-signature']),
        eventId: String(request.headers['advocacy-event-id']),
      });
      response
        .writeHead(received.length <= failures ? 500 : 200, { 'content-type': 'text/plain' })
        .end(received.length <= failures ? 'temporarily broken' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/advocacy`, received, server };
}

forEachDatabase('webhooks', (open) => {
  let h: Harness;
  let admin: string;
  let ann: string;
  let target: Awaited<ReturnType<typeof receiver>>;
  let clock: Date;
  let dispatcher: WebhookDispatcher;

  before(async () => {
    // No background dispatcher: the test drives one with its own clock.
    h = await startHarness(await open(), { webhooks: { dispatchIntervalMs: 0, allowPrivateTargets: true } });
    admin = await signToken('emp-ada', { admin: true });
    ann = await signToken('emp-ann');
    target = await receiver(3);
    clock = new Date(Date.now() + 1_000);
    dispatcher = new WebhookDispatcher({
      db: webhookDb(h.advocacy.services.db),
      send: httpSender({ allowHttp: true, allowPrivate: true }),
      logger: createLogger('silent'),
      now: () => clock,
      random: () => 0.5,
    });
  });
  after(async () => {
    target.server.close();
    await h.close();
  });

  let endpoint: { id: string; secret: string };

  it('an admin registers an endpoint and sees its secret once', async () => {
    const created = await json(
      await h.request('POST', `${API}/admin/webhooks`, {
        token: admin,
        body: { url: target.url, events: ['share.created', 'conversion.recorded'], description: 'CRM' },
      }),
      201,
    );
    assertSchema('WebhookEndpointCreated', created);
    assert.match(created.secret, /^whsec_/);
    endpoint = created;
    const listed = await json(await h.request('GET', `${API}/admin/webhooks`, { token: admin }), 200);
    assertSchema('WebhookEndpointList', listed);
    assert.deepEqual(
      listed.items.map((item: { id: string }) => item.id),
      [created.id],
    );
    assert.equal('secret' in listed.items[0], false);
  });

  it('refuses non-admins and unusable URLs', async () => {
    assert.equal((await h.request('GET', `${API}/admin/webhooks`, { token: ann })).status, 403);
    const bad = await json(
      await h.request('POST', `${API}/admin/webhooks`, { token: admin, body: { url: 'ftp://example.com/x', events: ['share.created'] } }),
      422,
    );
    assert.equal(bad.errors[0].field, 'url');
    await json(
      await h.request('POST', `${API}/admin/webhooks`, { token: admin, body: { url: 'https://example.com/x', events: ['no.such.event'] } }),
      422,
    );
  });

  it('an endpoint failing three times then succeeding receives the event once, validly signed', async () => {
    const share = await json(
      await h.request('POST', `${API}/shares`, {
        token: ann,
        headers: { 'idempotency-key': 'wh-share-1' },
        body: { postId: 'p-1', network: 'linkedin', commentary: 'Look' },
      }),
      201,
    );
    // The API answered before any delivery was attempted.
    assert.equal(target.received.length, 0);
    for (let attempt = 1; attempt <= 4; attempt++) {
      assert.equal(await dispatcher.runDue(), 1, `attempt ${attempt} is due`);
      assert.equal(target.received.length, attempt);
      // Not due again until the backoff has passed.
      assert.equal(await dispatcher.runDue(), 0);
      clock = new Date(clock.getTime() + 3_600_000);
    }
    assert.equal(await dispatcher.runDue(), 0, 'nothing left once delivered');
    assert.equal(target.received.length, 4);
    const delivered = target.received[3]!;
    const event = JSON.parse(delivered.body);
    assert.equal(event.type, 'share.created');
    assert.equal(event.data.id, share.id);
    assert.equal(event.data.trackingUrl, share.trackingUrl);
    assert.ok(
      target.received.every((request) => request.eventId === event.id),
      'every attempt carries the same event id',
    );
    const verified = verifyWebhookSignature({
      payload: delivered.body,
      header: delivered.signature,
      secret: endpoint.secret,
      now: new Date(clock.getTime() - 3_600_000),
    });
    assert.equal(verified.ok, true);

    const log = await json(await h.request('GET', `${API}/admin/webhooks/${endpoint.id}/deliveries`, { token: admin }), 200);
    assertSchema('WebhookDeliveryPage', log);
    assert.equal(log.items.length, 1);
    assert.equal(log.items[0].status, 'delivered');
    assert.equal(log.items[0].attempts, 4);
    assert.equal(log.items[0].responseStatus, 200);
    assert.equal(log.items[0].responseBody, 'ok');
    assert.equal(log.items[0].nextAttemptAt, null);
  });

  it('a replay from the log is a new delivery of the same event; a captured request replayed later is rejected', async () => {
    const log = await json(await h.request('GET', `${API}/admin/webhooks/${endpoint.id}/deliveries`, { token: admin }), 200);
    const replay = await json(await h.request('POST', `${API}/admin/webhooks/deliveries/${log.items[0].id}/replay`, { token: admin }), 202);
    assertSchema('WebhookDelivery', replay);
    assert.equal(replay.status, 'pending');
    assert.equal(replay.replayOf, log.items[0].id);
    assert.equal(await dispatcher.runDue(), 1);
    const resent = target.received[4]!;
    assert.equal(JSON.parse(resent.body).id, log.items[0].eventId);
    assert.equal(verifyWebhookSignature({ payload: resent.body, header: resent.signature, secret: endpoint.secret, now: clock }).ok, true);
    // The same request captured and sent again ten minutes later.
    const later = new Date(clock.getTime() + 10 * 60_000);
    assert.deepEqual(verifyWebhookSignature({ payload: resent.body, header: resent.signature, secret: endpoint.secret, now: later }), {
      ok: false,
      reason: 'timestamp_out_of_tolerance',
    });
    assert.equal(
      verifyWebhookSignature({
        payload: resent.body.replace('linkedin', 'x'),
        header: resent.signature,
        secret: endpoint.secret,
        now: clock,
      }).ok,
      false,
    );
    assert.equal(verifyWebhookSignature({ payload: resent.body, header: resent.signature, secret: 'whsec_other', now: clock }).ok, false);
  });

  it('a conversion is queued for subscribed endpoints only, and a disabled endpoint gets nothing', async () => {
    await json(
      await h.request('PATCH', `${API}/admin/webhooks/${endpoint.id}`, { token: admin, body: { events: ['conversion.recorded'] } }),
      200,
    );
    await json(
      await h.request('POST', `${API}/shares`, {
        token: ann,
        headers: { 'idempotency-key': 'wh-share-2' },
        body: { postId: 'p-2', network: 'x', commentary: 'Again' },
      }),
      201,
    );
    assert.equal(await dispatcher.runDue(), 0, 'share.created is no longer subscribed');
    const shares = await json(await h.request('GET', `${API}/me/shares`, { token: ann }), 200);
    const code = shares.items[0].trackingUrl.split('/r/')[1];
    await json(
      await h.request('POST', `${API}/conversions`, {
        headers: { 'x-api-key': API_KEY },
        body: { code, type: 'lead', value: 10, currency: 'EUR', externalId: 'wh-crm-1' },
      }),
      201,
    );
    await json(await h.request('PATCH', `${API}/admin/webhooks/${endpoint.id}`, { token: admin, body: { active: false } }), 200);
    const before = target.received.length;
    assert.equal(await dispatcher.runDue(), 1);
    assert.equal(target.received.length, before, 'nothing sent to a disabled endpoint');
    const log = await json(await h.request('GET', `${API}/admin/webhooks/${endpoint.id}/deliveries?limit=1`, { token: admin }), 200);
    assert.equal(log.items[0].eventType, 'conversion.recorded');
    assert.equal(log.items[0].status, 'failed');
    assert.ok(log.nextCursor);
    assert.equal((await h.request('DELETE', `${API}/admin/webhooks/${endpoint.id}`, { token: admin })).status, 204);
    assert.equal((await h.request('GET', `${API}/admin/webhooks/${endpoint.id}`, { token: admin })).status, 404);
  });
});

describe('webhook signatures, targets and backoff', () => {
  const secret = 'whsec_test';
  const now = new Date('2026-03-02T00:00:00Z');
  const t = Math.floor(now.getTime() / 1000);

  it('verifies a fresh signature and refuses old, future, malformed or missing ones', () => {
    const header = signWebhookPayload('{"a":1}', secret, t);
    assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.deepEqual(verifyWebhookSignature({ payload: '{"a":1}', header, secret, now }), { ok: true, timestamp: t });
    assert.equal(
      verifyWebhookSignature({ payload: '{"a":1}', header: signWebhookPayload('{"a":1}', secret, t - 301), secret, now }).ok,
      false,
    );
    assert.equal(
      verifyWebhookSignature({ payload: '{"a":1}', header: signWebhookPayload('{"a":1}', secret, t + 301), secret, now }).ok,
      false,
    );
    assert.equal(
      verifyWebhookSignature({
        payload: '{"a":1}',
        header: signWebhookPayload('{"a":1}', secret, t - 3_000),
        secret,
        now,
        toleranceSeconds: 3_600,
      }).ok,
      true,
    );
    assert.deepEqual(verifyWebhookSignature({ payload: '{"a":1}', header: 't=abc,v1=zz', secret, now }), {
      ok: false,
      reason: 'malformed_header',
    });
    assert.deepEqual(verifyWebhookSignature({ payload: '{"a":1}', header: undefined, secret, now }), {
      ok: false,
      reason: 'missing_header',
    });
  });

  it('refuses loopback, private and plain-http targets unless allowed', () => {
    const strict = { allowHttp: false, allowPrivate: false };
    assert.equal(targetProblem('https://hooks.example.com/a', strict), null);
    assert.match(targetProblem('http://hooks.example.com/a', strict)!, /https/);
    for (const url of [
      'https://127.0.0.1/a',
      'https://localhost/a',
      'https://10.1.2.3/a',
      'https://192.168.0.4/a',
      'https://169.254.169.254/latest',
      'https://[::1]/a',
      'https://[::ffff:127.0.0.1]/a',
    ]) {
      assert.match(targetProblem(url, strict)!, /private/, url);
    }
    assert.equal(targetProblem('http://127.0.0.1:9/a', { allowHttp: true, allowPrivate: true }), null);
  });

  it('backs off exponentially with jitter and gives up after a day', () => {
    const created = new Date('2026-03-02T00:00:00Z');
    const first = nextAttemptAt(DEFAULT_BACKOFF, 1, created, created, 0)!;
    const second = nextAttemptAt(DEFAULT_BACKOFF, 2, created, created, 0)!;
    assert.equal(second.getTime() - created.getTime(), 2 * (first.getTime() - created.getTime()));
    assert.ok(nextAttemptAt(DEFAULT_BACKOFF, 2, created, created, 0.99)!.getTime() > second.getTime());
    assert.equal(nextAttemptAt(DEFAULT_BACKOFF, 12, created, new Date(created.getTime() + 23 * 3_600_000), 0), null);
  });
});
