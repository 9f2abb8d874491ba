import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it, mock } from 'node:test';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { createLogger } from '../src/log.js';
import { WebhookDispatcher } from '../src/webhooks/dispatcher.js';
import { httpSender } from '../src/webhooks/send.js';
import { verifyWebhookSignature } from '../src/webhooks/signature.js';
import { toStandardWebhookSecret, verifyStandardWebhook } from '../src/webhooks/standard.js';
import { webhookDb } from '../src/webhooks/tables.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

interface Received {
  body: string;
  headers: Record<string, string>;
  /** What `standardwebhooks` said when the receiver verified the request: the event, or the error. */
  verified: { ok: true; event: { id: string; type: string } } | { ok: false; error: string };
}

/** Node's headers as the plain record `Webhook.verify` takes. */
const plain = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]));

/**
 * A receiver built as an integrator would build one: it verifies every request with the
 * `standardwebhooks` library and the secret it was given, answers 400 to what does not verify,
 * and 500 to the first `failures` valid ones.
 */
async function receiver(failures: number) {
  const received: Received[] = [];
  const state = { secret: '' };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const headers = plain(request.headers);
      let verified: Received['verified'];
      try {
        verified = { ok: true, event: new Webhook(state.secret).verify(body, headers) as { id: string; type: string } };
      } catch (error) {
        verified = { ok: false, error: (error as Error).message };
      }
      received.push({ body, headers, verified });
      const valid = received.filter((entry) => entry.verified.ok).length;
      const status = !verified.ok ? 400 : valid <= failures ? 500 : 200;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, state, server };
}

forEachDatabase('webhooks by the Standard Webhooks specification', (open) => {
  let h: Harness;
  let admin: string;
  let ann: string;
  let target: Awaited<ReturnType<typeof receiver>>;
  let dispatcher: WebhookDispatcher;
  let endpoint: { id: string; secret: string };

  before(async () => {
    h = await startHarness(await open(), { webhooks: { dispatchIntervalMs: 0, allowPrivateTargets: true } });
    admin = await signToken('emp-ada', { admin: true });
    ann = await signToken('emp-ann');
    target = await receiver(1);
    // The real clock (the library checks timestamps against it); a failed attempt is due again at once.
    dispatcher = new WebhookDispatcher({
      db: webhookDb(h.advocacy.services.db),
      send: httpSender({ allowHttp: true, allowPrivate: true }),
      logger: createLogger('silent'),
      backoff: { baseMs: 0, maxDelayMs: 0, maxAgeMs: 3_600_000, jitter: 0 },
    });
  });
  after(async () => {
    target.server.close();
    await h.close();
  });

  it('gives a new endpoint a secret that standard libraries take as it is', async () => {
    endpoint = await json(
      await h.request('POST', `${API}/admin/webhooks`, { token: admin, body: { url: target.url, events: ['share.created'] } }),
      201,
    );
    assert.match(endpoint.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(toStandardWebhookSecret(endpoint.secret), endpoint.secret);
    target.state.secret = endpoint.secret;
  });

  it('every attempt of a delivery verifies with standardwebhooks and keeps one webhook-id', async () => {
    const share = await json(
      await h.request('POST', `${API}/shares`, {
        token: ann,
        headers: { 'idempotency-key': 'std-share-1' },
        body: { postId: 'p-1', network: 'linkedin', commentary: 'Look' },
      }),
      201,
    );
    assert.equal(await dispatcher.runDue(), 1);
    assert.equal(await dispatcher.runDue(), 1, 'the retry after a 500');
    assert.equal(await dispatcher.runDue(), 0, 'delivered');
    assert.equal(target.received.length, 2);
    const [first, retry] = target.received as [Received, Received];
    for (const attempt of [first, retry]) {
      assert.ok(attempt.verified.ok, attempt.verified.ok ? '' : attempt.verified.error);
      assert.equal(attempt.verified.event.type, 'share.created');
      assert.match(attempt.headers['webhook-timestamp']!, /^\d+$/);
      assert.match(attempt.headers['webhook-signature']!, /^v1,[A-Za-z0-9+/]{43}=$/);
    }
    assert.ok(first.verified.ok && first.verified.event.id === JSON.parse(first.body).id);
    assert.equal(JSON.parse(first.body).data.id, share.id);
    assert.equal(retry.headers['webhook-id'], first.headers['webhook-id'], 'a retry keeps its webhook-id');
    assert.equal(first.headers['webhook-id'], JSON.parse(first.body).id, 'the webhook-id is the event id');
    assert.deepEqual(verifyStandardWebhook({ payload: retry.body, headers: retry.headers, secret: endpoint.secret }), {
      ok: true,
      id: first.headers['webhook-id'],
      timestamp: Number(retry.headers['webhook-timestamp']),
    });
    // The deprecated header still comes along, for receivers that verify it.
    assert.equal(
      verifyWebhookSignature({ payload: retry.body, header: retry.headers['advocacy-signature'], secret: endpoint.secret }).ok,
      true,
    );
  });

  it('a replay from the log verifies and keeps the webhook-id, so receivers dedupe it', async () => {
    const log = await json(await h.request('GET', `${API}/admin/webhooks/${endpoint.id}/deliveries`, { token: admin }), 200);
    await json(await h.request('POST', `${API}/admin/webhooks/deliveries/${log.items[0].id}/replay`, { token: admin }), 202);
    assert.equal(await dispatcher.runDue(), 1);
    const replay = target.received.at(-1)!;
    assert.ok(replay.verified.ok);
    assert.equal(replay.headers['webhook-id'], target.received[0]!.headers['webhook-id']);
  });

  it('standardwebhooks refuses a tampered body, a wrong secret and a stale timestamp', () => {
    const { body, headers } = target.received[1]!;
    const webhook = new Webhook(endpoint.secret);
    assert.throws(() => webhook.verify(body.replace('linkedin', 'x'), headers), WebhookVerificationError);
    assert.throws(() => new Webhook(`whsec_${randomBytes(32).toString('base64')}`).verify(body, headers), WebhookVerificationError);
    assert.throws(() => webhook.verify(body, { ...headers, 'webhook-id': 'evt_other' }), WebhookVerificationError);
    assert.throws(
      () => webhook.verify(body, { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) + 1) }),
      WebhookVerificationError,
    );
    assert.equal(verifyStandardWebhook({ payload: body.replace('linkedin', 'x'), headers, secret: endpoint.secret }).ok, false);
    // The same request captured and sent again ten minutes later.
    const later = Date.now() + 10 * 60_000;
    mock.timers.enable({ apis: ['Date'], now: later });
    try {
      assert.throws(() => webhook.verify(body, headers), /too old/);
    } finally {
      mock.timers.reset();
    }
    assert.deepEqual(verifyStandardWebhook({ payload: body, headers, secret: endpoint.secret, now: new Date(later) }), {
      ok: false,
      reason: 'timestamp_out_of_tolerance',
    });
  });

  it('an endpoint created before the standard headers verifies with its secret in standard base64, and the old header with the old secret', async () => {
    // Secrets used to be URL-safe base64; this one has both characters that differ from standard base64.
    const legacySecret = `whsec_${Buffer.from('fb'.repeat(16) + 'ff'.repeat(16), 'hex').toString('base64url')}`;
    assert.match(legacySecret, /[-_]/);
    const now = new Date().toISOString();
    const id = 'whe_legacy';
    await webhookDb(h.advocacy.services.db)
      .insertInto('webhook_endpoints')
      .values({
        id,
        url: target.url,
        description: '',
        events: '["share.created"]',
        secret: legacySecret,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await json(await h.request('PATCH', `${API}/admin/webhooks/${endpoint.id}`, { token: admin, body: { active: false } }), 200);
    target.state.secret = toStandardWebhookSecret(legacySecret);
    assert.throws(() => new Webhook(legacySecret), 'standard libraries refuse URL-safe base64');
    await json(
      await h.request('POST', `${API}/shares`, {
        token: ann,
        headers: { 'idempotency-key': 'std-share-2' },
        body: { postId: 'p-2', network: 'x', commentary: 'Again' },
      }),
      201,
    );
    const before = target.received.length;
    assert.equal(await dispatcher.runDue(), 1);
    const delivered = target.received[before]!;
    assert.ok(delivered.verified.ok, delivered.verified.ok ? '' : delivered.verified.error);
    assert.equal(verifyStandardWebhook({ payload: delivered.body, headers: delivered.headers, secret: legacySecret }).ok, true);
    assert.equal(
      verifyWebhookSignature({ payload: delivered.body, header: delivered.headers['advocacy-signature'], secret: legacySecret }).ok,
      true,
    );
  });
});
