import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import { createLogger } from '../src/log.js';
import { WebhookDispatcher } from '../src/webhooks/dispatcher.js';
import { enqueueWebhookEvent } from '../src/webhooks/outbox.js';
import { httpSender } from '../src/webhooks/send.js';
import { webhookDb } from '../src/webhooks/tables.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

forEachDatabase('webhook dispatcher limits', (open) => {
  let h: Harness;
  let server: Server;
  let inFlight = 0;
  let mostInFlight = 0;
  let received = 0;

  before(async () => {
    h = await startHarness(await open(), { webhooks: { dispatchIntervalMs: 0, allowPrivateTargets: true }, engagement: { tickMs: 0 } });
    // Answers nothing for 400 ms: longer than the dispatcher waits.
    server = createServer((request, response) => {
      received++;
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      request.resume();
      const timer = setTimeout(() => response.end('late'), 400);
      response.on('close', () => {
        clearTimeout(timer);
        inFlight--;
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
    await json(
      await h.request('POST', `${API}/admin/webhooks`, {
        token: await signToken('emp-ada', { admin: true }),
        body: { url, events: ['suggestion.created'] },
      }),
      201,
    );
  });
  after(async () => {
    server.closeAllConnections();
    server.close();
    await h.close();
  });

  it('sends at most `concurrency` at once and gives up on an attempt after the timeout, to retry later', async () => {
    const db = h.advocacy.services.db;
    for (let i = 0; i < 6; i++) await enqueueWebhookEvent(db, 'suggestion.created', { n: i }, new Date().toISOString());
    const dispatcher = new WebhookDispatcher({
      db: webhookDb(db),
      send: httpSender({ allowHttp: true, allowPrivate: true }),
      logger: createLogger('silent'),
      concurrency: 2,
      timeoutMs: 100,
      now: () => new Date(Date.now() + 1_000),
    });
    const started = Date.now();
    assert.equal(await dispatcher.runDue(), 6);
    const took = Date.now() - started;
    assert.equal(received, 6);
    assert.equal(mostInFlight, 2);
    assert.ok(took < 1_200, `three rounds of 100 ms timeouts, not three of 400 ms answers (${took} ms)`);
    const rows = await webhookDb(db).selectFrom('webhook_deliveries').selectAll().execute();
    assert.equal(rows.length, 6);
    for (const row of rows) {
      assert.equal(row.status, 'pending');
      assert.equal(Number(row.attempts), 1);
      assert.match(row.error ?? '', /no answer within 100 ms/);
      assert.ok(row.next_attempt_at! > new Date(Date.now() + 1_000).toISOString());
    }
  });

  it('never calls a private address unless allowed, even when the endpoint was registered while allowed', async () => {
    const db = h.advocacy.services.db;
    await webhookDb(db)
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: new Date(0).toISOString() })
      .execute();
    const before = received;
    const strict = new WebhookDispatcher({
      db: webhookDb(db),
      send: httpSender({ allowHttp: true, allowPrivate: false }),
      logger: createLogger('silent'),
      now: () => new Date(Date.now() + 1_000),
    });
    assert.equal(await strict.runDue(), 6);
    assert.equal(received, before);
    const rows = await webhookDb(db).selectFrom('webhook_deliveries').selectAll().execute();
    assert.ok(rows.every((row) => /private/.test(row.error ?? '')));
  });
});
