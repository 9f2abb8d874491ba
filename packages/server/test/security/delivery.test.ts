import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { deliveryContext, queueInvitation, unsubscribeUrl } from '../../src/delivery/outbox.js';
import { deliveryDb } from '../../src/delivery/tables.js';
import { readUnsubscribeToken, unsubscribeKey, unsubscribeToken } from '../../src/delivery/unsubscribe.js';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

// Who could abuse delivery: an employee reading or redirecting the company's mail settings, anyone
// fishing for the SMTP password, someone unsubscribing a colleague with their own (or a made-up)
// link, an admin pointing Teams/Slack at an internal address, an identity provider's email claim
// that smuggles in more recipients.

const PASSWORD = 'hunter2-smtp-secret-9f8e7d';

forEachDatabase('security: delivery settings and unsubscribe links', (open) => {
  let h: Harness;
  let admin: string;
  let ann: string;
  const preferences = async (id: string) => json(await h.request('GET', `${API}/me/preferences`, { token: await signToken(id) }), 200);
  const unsubscribe = (path: string) =>
    h.advocacy.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

  before(async () => {
    // The default policy: no private Teams/Slack addresses.
    h = await startHarness(await open(), {
      webhooks: { dispatchIntervalMs: 0 },
      engagement: { tickMs: 0 },
      delivery: { dispatchIntervalMs: 0 },
    });
    admin = await signToken('emp-ada', { admin: true });
    ann = await signToken('emp-ann');
  });
  after(() => h.close());

  it('an employee can neither read nor change delivery settings, send a test or read the log', async () => {
    for (const [method, path, body] of [
      ['GET', '/admin/delivery/settings', undefined],
      ['PATCH', '/admin/delivery/settings', { smtpHost: 'evil.example.com' }],
      ['POST', '/admin/delivery/test', { channel: 'email', to: 'me@evil.example.com' }],
      ['GET', '/admin/delivery/messages', undefined],
    ] as const) {
      const response = await h.request(method, `${API}${path}`, { token: ann, body });
      assert.equal(response.status, 403, `${method} ${path}`);
      const anonymous = await h.request(method, `${API}${path}`, { body });
      assert.equal(anonymous.status, 401, `${method} ${path} without a token`);
    }
    const settings = await json(await h.request('GET', `${API}/admin/delivery/settings`, { token: admin }), 200);
    assert.equal(settings.smtpHost, null, 'unchanged');
  });

  it('the SMTP password never appears in any answer or in the audit log', async () => {
    const saved = await h.request('PATCH', `${API}/admin/delivery/settings`, {
      token: admin,
      body: { smtpHost: 'smtp.example.com', smtpUser: 'mailer', smtpPassword: PASSWORD, fromAddress: 'advocacy@example.com' },
    });
    const answers = [await saved.text()];
    answers.push(await (await h.request('GET', `${API}/admin/delivery/settings`, { token: admin })).text());
    const kept = await h.request('PATCH', `${API}/admin/delivery/settings`, { token: admin, body: { smtpPort: 2525 } });
    answers.push(await kept.text());
    answers.push(await (await h.request('GET', `${API}/admin/delivery/messages`, { token: admin })).text());
    answers.push(await (await h.request('GET', `${API}/admin/audit?limit=100`, { token: admin })).text());
    const csv = await h.request('GET', `${API}/admin/exports/audit.csv`, { token: admin });
    assert.equal(csv.status, 200);
    answers.push(await csv.text());
    assert.match(answers.at(-1)!, /settings\.update/);
    for (const answer of answers) assert.ok(!answer.includes(PASSWORD), `no password in ${answer.slice(0, 120)}`);
    assert.equal(JSON.parse(answers[1]!).smtpPasswordSet, true);
    const rows = await h.advocacy.services.db.selectFrom('audit_log').selectAll().execute();
    assert.ok(rows.some((row) => row.action === 'settings.update' && row.target_kind === 'delivery'));
    assert.ok(!JSON.stringify(rows).includes(PASSWORD), 'not in the stored audit rows either');
    const stored = await deliveryDb(h.advocacy.services.db)
      .selectFrom('delivery_settings')
      .select('smtp_password')
      .executeTakeFirstOrThrow();
    assert.equal(stored.smtp_password, PASSWORD, 'kept when a later change left it out');
    const cleared = await json(
      await h.request('PATCH', `${API}/admin/delivery/settings`, { token: admin, body: { smtpPassword: null } }),
      200,
    );
    assert.equal(cleared.smtpPasswordSet, false);
  });

  it('an unsubscribe link unsubscribes only the employee it names, and cannot be forged', async () => {
    const context = deliveryContext(h.config, h.advocacy.services.clickSalt);
    const annLink = new URL(unsubscribeUrl(context, 'emp-ann', 'digest')).pathname;
    const annToken = annLink.split('/').pop()!;
    const [, scope, signature] = annToken.split('.');
    // Ann's signature on Bob's id, Ann's link with a wider scope, a made-up key, garbage.
    const forged = [
      `${Buffer.from('emp-bob').toString('base64url')}.${scope}.${signature}`,
      `${annToken.split('.')[0]}.all.${signature}`,
      unsubscribeToken(unsubscribeKey('not-the-server-secret'), 'emp-bob', 'digest'),
      `${Buffer.from('emp-bob').toString('base64url')}.digest.${'A'.repeat(43)}`,
      'emp-bob',
    ];
    for (const token of forged) {
      const response = await unsubscribe(`/unsubscribe/${token}`);
      assert.equal(response.status, 404, token);
    }
    assert.equal((await preferences('emp-bob')).digest, true, 'Bob is still subscribed');
    assert.equal((await preferences('emp-ann')).nudges, true);
    assert.equal(readUnsubscribeToken(context.unsubscribeKey, forged[0]!), null);

    // Following the link (a GET, as mail scanners do) changes nothing; the POST does, for Ann only.
    const page = await h.advocacy.app.request(annLink);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal((await preferences('emp-ann')).digest, true);
    assert.equal((await unsubscribe(annLink)).status, 200);
    assert.equal((await preferences('emp-ann')).digest, false);
    assert.equal((await preferences('emp-bob')).digest, true);
  });

  it('refuses Teams and Slack URLs to private, loopback or metadata addresses, URLs with credentials, and SMTP hosts that are not a host', async () => {
    for (const url of [
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://10.1.2.3/hook',
      'https://192.168.1.10/hook',
      'http://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://user:pass@hooks.example.com/hook',
    ]) {
      for (const field of ['teamsUrl', 'slackUrl']) {
        const response = await h.request('PATCH', `${API}/admin/delivery/settings`, { token: admin, body: { [field]: url } });
        assert.equal(response.status, 422, `${field} ${url}`);
        const problem = await response.json();
        assert.equal(problem.errors[0].field, field);
        assert.equal(problem.errors[0].code, 'invalid_target');
      }
    }
    for (const smtpHost of ['', 'smtp.example.com\r\nRCPT TO:<all@example.com>', 'smtp example com']) {
      const response = await h.request('PATCH', `${API}/admin/delivery/settings`, { token: admin, body: { smtpHost } });
      assert.equal(response.status, 422, JSON.stringify(smtpHost));
    }
    const settings = await json(await h.request('GET', `${API}/admin/delivery/settings`, { token: admin }), 200);
    assert.deepEqual([settings.teamsUrl, settings.slackUrl], [null, null]);
    const ok = await json(
      await h.request('PATCH', `${API}/admin/delivery/settings`, {
        token: admin,
        body: { teamsUrl: 'https://example.webhook.office.com/webhookb2/x' },
      }),
      200,
    );
    assert.equal(ok.teamsUrl, 'https://example.webhook.office.com/webhookb2/x');
  });

  it('an email address from the identity provider that names more recipients is not used', async () => {
    const db = h.advocacy.services.db;
    await json(
      await h.request('PATCH', `${API}/admin/delivery/settings`, {
        token: admin,
        body: { smtpHost: 'smtp.example.com', routes: { invitation: ['email'] } },
      }),
      200,
    );
    await db
      .updateTable('employees')
      .set({ email: 'bob@example.com, boss@example.com\r\nBcc: all@example.com' })
      .where('id', '=', 'emp-bob')
      .execute();
    const context = deliveryContext(h.config, h.advocacy.services.clickSalt);
    const result = await queueInvitation(db, context, 'emp-bob', new Date().toISOString());
    assert.deepEqual(result, { queued: 0, skipped: 1 });
    const row = await deliveryDb(db)
      .selectFrom('delivery_outbox')
      .selectAll()
      .where('employee_id', '=', 'emp-bob')
      .executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.recipient, row.error], ['skipped', null, 'The employee’s email address is not usable.']);
  });

  it('a display name with markup stays text in the invitation email, card and Slack message', async () => {
    const db = h.advocacy.services.db;
    await json(
      await h.request('PATCH', `${API}/admin/delivery/settings`, {
        token: admin,
        body: {
          smtpHost: 'smtp.example.com',
          fromAddress: 'advocacy@example.com',
          slackUrl: 'https://hooks.slack.com/services/T/B/X',
          routes: { invitation: ['email', 'slack'] },
        },
      }),
      200,
    );
    await db
      .updateTable('employees')
      .set({ email: 'ann@example.com', display_name: '<img src=x onerror=alert(1)> <!channel>' })
      .where('id', '=', 'emp-ann')
      .execute();
    const context = deliveryContext(h.config, h.advocacy.services.clickSalt);
    assert.deepEqual(await queueInvitation(db, context, 'emp-ann', new Date().toISOString()), { queued: 2, skipped: 0 });
    const rows = await deliveryDb(db).selectFrom('delivery_outbox').selectAll().where('employee_id', '=', 'emp-ann').execute();
    const email = JSON.parse(rows.find((row) => row.channel === 'email')!.payload) as { html: string; text: string };
    assert.ok(!email.html.includes('<img'), 'no markup from the name in the HTML part');
    assert.match(email.html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    const slack = rows.find((row) => row.channel === 'slack')!.payload;
    assert.ok(!slack.includes('<!channel>'), 'no Slack mention from the name');
    assert.match(slack, /&lt;!channel&gt;/);
  });
});
