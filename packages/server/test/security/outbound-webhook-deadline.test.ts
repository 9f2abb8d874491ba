import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createLogger } from '../../src/log.js';
import { webhookConfigFromEnv } from '../../src/webhooks/config.js';
import { WebhookDispatcher, type DispatcherOptions } from '../../src/webhooks/dispatcher.js';
import { enqueueWebhookEvent } from '../../src/webhooks/outbox.js';
import { httpSender, type Sender } from '../../src/webhooks/send.js';
import { webhookDb } from '../../src/webhooks/tables.js';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

// A delivery is leased to one dispatcher while it is attempted. An endpoint that answers one byte
// at a time never trips the idle timeout; without a total deadline the attempt outlives its lease,
// another dispatcher sends the same delivery again, and the endpoint gets duplicates.

describe('security: webhook attempt deadline setting', () => {
  it('is 30 s unless WEBHOOK_DEADLINE_MS says otherwise', () => {
    assert.equal(webhookConfigFromEnv({}).deadlineMs, 30_000);
    assert.equal(webhookConfigFromEnv({ WEBHOOK_DEADLINE_MS: '20000' }).deadlineMs, 20_000);
    assert.throws(() => webhookConfigFromEnv({ WEBHOOK_DEADLINE_MS: 'soon' }), /WEBHOOK_DEADLINE_MS must be a non-negative integer/);
  });
});

forEachDatabase('security: webhook attempts end before their lease', (open) => {
  let h: Harness;
  let server: Server;
  let requests = 0;
  // Settles when the server sees the last request's connection closed.
  let closed = Promise.resolve();

  before(async () => {
    h = await startHarness(await open(), { webhooks: { dispatchIntervalMs: 0, allowPrivateTargets: true }, engagement: { tickMs: 0 } });
    // Answers 200 at once, then one byte every 20 ms, forever.
    server = createServer((request, response) => {
      requests++;
      request.resume();
      response.writeHead(200, { 'content-type': 'text/plain' });
      const trickle = setInterval(() => response.write('.'), 20);
      closed = new Promise((resolve) =>
        response.on('close', () => {
          clearInterval(trickle);
          resolve();
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await json(
      await h.request('POST', `${API}/admin/webhooks`, {
        token: await signToken('emp-ada', { admin: true }),
        body: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/trickle`, events: ['suggestion.created'] },
      }),
      201,
    );
  });
  after(async () => {
    server.closeAllConnections();
    server.close();
    await h.close();
  });

  const db = () => webhookDb(h.advocacy.services.db);
  beforeEach(async () => {
    await db().deleteFrom('webhook_deliveries').execute();
  });

  it('ends an attempt at a server that trickles bytes at its total deadline, to retry later', { timeout: 10_000 }, async () => {
    await enqueueWebhookEvent(h.advocacy.services.db, 'suggestion.created', { n: 1 }, new Date().toISOString());
    const options = {
      db: db(),
      send: httpSender({ allowHttp: true, allowPrivate: true }),
      logger: createLogger('silent'),
      timeoutMs: 200,
      deadlineMs: 500,
      now: () => new Date(Date.now() + 1_000),
    };
    assert.equal(await new WebhookDispatcher(options as DispatcherOptions).runDue(), 1);
    assert.equal(requests, 1);
    await closed;
    const [row] = await db().selectFrom('webhook_deliveries').selectAll().execute();
    assert.equal(row!.status, 'pending');
    assert.equal(Number(row!.attempts), 1);
    assert.match(row!.error ?? '', /no complete answer within 500 ms/);
  });

  it('two dispatchers never send one delivery twice, however long each attempt takes', async () => {
    for (let n = 0; n < 3; n++) await enqueueWebhookEvent(h.advocacy.services.db, 'suggestion.created', { n }, new Date().toISOString());
    const deadlineMs = 30_000;
    let clock = Date.now() + 1_000;
    const sent: string[] = [];
    const delivered = async (): ReturnType<Sender> => ({ status: 200, body: '', error: null });
    const common = { db: db(), logger: createLogger('silent'), concurrency: 1, deadlineMs, now: () => new Date(clock) };
    const second = new WebhookDispatcher({
      ...common,
      send: async (_url, _body, headers) => {
        sent.push(headers['Advocacy-Delivery-Id']!);
        return delivered();
      },
    } as DispatcherOptions);
    // Each of the first dispatcher's attempts takes all but the last millisecond of its deadline;
    // meanwhile the second dispatcher looks for due deliveries.
    const first = new WebhookDispatcher({
      ...common,
      send: async (_url, _body, headers) => {
        sent.push(headers['Advocacy-Delivery-Id']!);
        clock += deadlineMs - 1;
        await second.runDue();
        return delivered();
      },
    } as DispatcherOptions);
    await first.runDue();
    const rows = await db().selectFrom('webhook_deliveries').select(['id', 'status']).orderBy('id').execute();
    assert.deepEqual(
      rows.map((row) => row.status),
      ['delivered', 'delivered', 'delivered'],
    );
    assert.deepEqual([...sent].sort(), rows.map((row) => row.id).sort(), 'each delivery sent exactly once');
  });
});
