import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DeliveryDispatcher } from '../src/delivery/dispatcher.js';
import { deliveryContext } from '../src/delivery/outbox.js';
import { deliveryDb } from '../src/delivery/tables.js';
import { smtpMailer } from '../src/delivery/transports.js';
import { EngagementScheduler } from '../src/engagement/scheduler.js';
import { createLogger } from '../src/log.js';
import { httpSender } from '../src/webhooks/send.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, PUBLIC_URL, signToken, startHarness, type Harness } from './support/harness.js';
import { startInbox, startReceiver, type Inbox, type Receiver } from './support/inbox.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Monday 00:30 UTC of the current week: 09:30 on Monday in Tokyo, still Monday night in UTC. */
function thisMonday(): number {
  const now = new Date();
  const back = (now.getUTCDay() + 6) % 7;
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - back, 0, 30);
}

const SMTP_USER = 'advocacy-mailer';
const SMTP_PASSWORD = 'smtp-password-never-shown-4711';

forEachDatabase('delivery by email, Teams and Slack', (open) => {
  let h: Harness;
  let inbox: Inbox;
  let receiver: Receiver;
  let scheduler: EngagementScheduler;
  let dispatcher: DeliveryDispatcher;
  let admin: string;
  const monday = thisMonday();
  /** The dispatcher's clock: retries become due when the test moves it, never by waiting. */
  let clock = monday;

  const outbox = () =>
    deliveryDb(h.advocacy.services.db).selectFrom('delivery_outbox').selectAll().orderBy('created_at').orderBy('id').execute();
  const settings = async (body: unknown) => json(await h.request('PATCH', `${API}/admin/delivery/settings`, { token: admin, body }), 200);

  before(async () => {
    inbox = await startInbox({ user: SMTP_USER, pass: SMTP_PASSWORD });
    receiver = await startReceiver();
    h = await startHarness(await open(), {
      webhooks: { dispatchIntervalMs: 0 },
      engagement: { tickMs: 0 },
      delivery: { dispatchIntervalMs: 0, allowPrivateTargets: true },
    });
    const { db, dialect, config, logger, clickSalt } = h.advocacy.services;
    scheduler = new EngagementScheduler({ db, dialect, config: config.engagement, logger, delivery: deliveryContext(config, clickSalt) });
    dispatcher = new DeliveryDispatcher({
      db,
      config: config.delivery,
      mailer: smtpMailer(5_000),
      send: httpSender({ allowHttp: true, allowPrivate: true }),
      logger: createLogger('silent'),
      now: () => new Date(clock),
      random: () => 0,
    });
    admin = await signToken('emp-ada', { admin: true });
    await db.updateTable('employees').set({ email: 'ada@example.com' }).where('id', '=', 'emp-ada').execute();
    await db.updateTable('employees').set({ email: 'bob@example.jp' }).where('id', '=', 'emp-bob').execute();
    await settings({
      smtpHost: '127.0.0.1',
      smtpPort: inbox.port,
      smtpSecurity: 'none',
      smtpUser: SMTP_USER,
      smtpPassword: SMTP_PASSWORD,
      fromAddress: 'advocacy@example.com',
      replyTo: 'marketing@example.com',
      teamsUrl: `${receiver.url}/teams`,
      slackUrl: `${receiver.url}/slack`,
      routes: { digest: ['email', 'teams', 'slack'], nudge: ['teams'], invitation: ['email'] },
    });
  });
  after(async () => {
    await h.close();
    await inbox.close();
    await receiver.close();
  });

  it('delivers the digest to a Japanese employee by email in Japanese, with List-Unsubscribe, and to Teams and Slack', async () => {
    const queued = await scheduler.tick(new Date(monday));
    assert.deepEqual(
      queued.map((m) => m.employee.id),
      ['emp-bob'],
    );
    assert.equal(await dispatcher.runDue(), 3);
    assert.equal(inbox.mails.length, 1);
    const mail = inbox.mails[0]!;
    assert.deepEqual(mail.to, ['bob@example.jp']);
    assert.equal(mail.user, SMTP_USER, 'signed in with the stored password');
    assert.equal(mail.subject, '今週のアドボカシー通信');
    assert.equal(mail.headers.get('content-language'), 'ja');
    assert.match(mail.text, /^Bobさん、おはようございます/);
    assert.match(mail.html, /<html lang="ja">/);
    assert.match(mail.headers.get('reply-to') ?? '', /marketing@example\.com/);
    const rows = await outbox();
    const emailRow = rows.find((row) => row.channel === 'email')!;
    assert.equal(mail.headers.get('message-id'), `<${emailRow.id}@example.com>`, 'a stable Message-ID from the outbox id');
    const listUnsubscribe = mail.headers.get('list-unsubscribe') ?? '';
    assert.match(listUnsubscribe, new RegExp(`^<${PUBLIC_URL.replace(/\./g, '\\.')}/unsubscribe/[^>]+>$`));
    assert.equal(mail.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    const unsubscribe = listUnsubscribe.slice(1, -1);
    assert.ok(mail.text.includes(unsubscribe), 'the text part links to the same unsubscribe URL');
    assert.ok(mail.html.includes(unsubscribe.replace(/&/g, '&amp;')), 'and so does the HTML part');

    const teams = receiver.requests.find((r) => r.path === '/teams')!.body as {
      type: string;
      attachments: Array<{ contentType: string; content: { type: string; body: Array<{ text?: string }> } }>;
    };
    assert.equal(teams.type, 'message');
    assert.equal(teams.attachments[0]!.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(teams.attachments[0]!.content.type, 'AdaptiveCard');
    assert.equal(teams.attachments[0]!.content.body[0]!.text, '今週のアドボカシー通信');
    const slack = receiver.requests.find((r) => r.path === '/slack')!.body as { text: string; blocks: Array<{ type: string }> };
    assert.match(slack.text, /^今週のアドボカシー通信/);
    assert.equal(slack.blocks[0]!.type, 'header');
    assert.ok(rows.every((row) => row.status === 'delivered' && Number(row.attempts) === 1));

    // The one-click unsubscribe a mail client sends (RFC 8058): no sign-in, the token is the proof.
    const page = await h.advocacy.app.request(new URL(unsubscribe).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /配信を停止しました/);
    const preferences = await json(await h.request('GET', `${API}/me/preferences`, { token: await signToken('emp-bob') }), 200);
    assert.equal(preferences.digest, false);
    assert.equal(preferences.nudges, true, 'only the digest was turned off');
    assert.equal(await dispatcher.runDue(), 0, 'nothing is sent twice');
    assert.equal(inbox.mails.length, 1);
  });

  it('an opted-out employee receives nothing; an employee without an email is skipped and counted', async () => {
    const before = inbox.mails.length;
    // Next Monday morning everywhere: Bob (unsubscribed) gets nothing, Ada her digest, Ann has no address.
    clock = monday + 7 * DAY + 9 * HOUR;
    await scheduler.tick(new Date(clock));
    await dispatcher.runDue();
    assert.deepEqual(
      inbox.mails.slice(before).map((mail) => mail.to[0]),
      ['ada@example.com'],
    );
    assert.equal(inbox.mails.at(-1)!.headers.get('content-language'), 'en');
    assert.equal(inbox.mails.at(-1)!.subject, 'Your week in the advocacy program');
    const rows = await outbox();
    assert.equal(rows.filter((row) => row.employee_id === 'emp-bob' && row.kind === 'digest').length, 3, 'only last week’s three');
    const skipped = rows.find((row) => row.employee_id === 'emp-ann' && row.channel === 'email')!;
    assert.equal(skipped.status, 'skipped');
    assert.equal(skipped.error, 'The employee has no email address.');
    const log = await json(await h.request('GET', `${API}/admin/delivery/messages?limit=100`, { token: admin }), 200);
    assert.equal(log.items.filter((m: { status: string }) => m.status === 'skipped').length, 1);

    // Opted out after the message was queued, before it was sent: skipped at send time.
    const ada = await signToken('emp-ada', { admin: true });
    await deliveryDb(h.advocacy.services.db)
      .updateTable('delivery_outbox')
      .set({ status: 'pending', next_attempt_at: new Date(clock).toISOString(), delivered_at: null })
      .where('employee_id', '=', 'emp-ada')
      .where('kind', '=', 'digest')
      .where('channel', '=', 'email')
      .execute();
    await json(await h.request('PUT', `${API}/me/preferences`, { token: ada, body: { digest: false } }), 200);
    await dispatcher.runDue();
    assert.equal(inbox.mails.length, before + 1, 'not sent again after opting out');
    const again = (await outbox()).find((row) => row.employee_id === 'emp-ada' && row.kind === 'digest' && row.channel === 'email')!;
    assert.equal(again.status, 'skipped');
    assert.equal(again.error, 'The employee opted out.');
    await json(await h.request('PUT', `${API}/me/preferences`, { token: ada, body: { digest: true } }), 200);
  });

  it('a Teams receiver that fails twice gets the reminder once, retried on the backoff clock', async () => {
    await json(await h.request('PUT', `${API}/me/preferences`, { token: await signToken('emp-ann'), body: { nudges: false } }), 200);
    receiver.failNext('/teams', 2, 500);
    const teamsBefore = receiver.requests.filter((r) => r.path === '/teams').length;
    // Wednesday 09:00 UTC: Ada has never shared (Ann turned reminders off); reminders go to Teams only.
    clock = monday + 9 * DAY + 9 * HOUR;
    const queued = await scheduler.tick(new Date(clock));
    assert.deepEqual(
      queued.map((m) => `${m.kind}:${m.employee.id}`),
      ['nudge:emp-ada'],
    );
    assert.equal(await dispatcher.runDue(), 1);
    const nudge = async () => (await outbox()).filter((row) => row.kind === 'nudge');
    assert.deepEqual(
      (await nudge()).map((row) => [row.channel, row.status, row.error]),
      [['teams', 'pending', 'HTTP 500: boom']],
    );
    assert.equal(await dispatcher.runDue(), 0, 'not due again until its backoff passed');
    clock += 30_000;
    assert.equal(await dispatcher.runDue(), 1, 'second attempt, second 500');
    assert.equal(await dispatcher.runDue(), 0);
    clock += 60_000;
    assert.equal(await dispatcher.runDue(), 1, 'third attempt delivers');
    clock += DAY;
    assert.equal(await dispatcher.runDue(), 0);
    assert.deepEqual(
      (await nudge()).map((row) => [row.status, Number(row.attempts), row.error]),
      [['delivered', 3, null]],
    );
    const teams = receiver.requests.filter((r) => r.path === '/teams').slice(teamsBefore);
    assert.deepEqual(
      teams.map((r) => r.status),
      [500, 500, 200],
      'the receiver accepted the reminder once',
    );
    const log = await json(await h.request('GET', `${API}/admin/delivery/messages?limit=100`, { token: admin }), 200);
    const retried = log.items.find((m: { kind: string }) => m.kind === 'nudge');
    assert.deepEqual([retried.status, retried.attempts, retried.channel], ['delivered', 3, 'teams']);
  });

  it('an invitation while the SMTP server is down is retried later and delivered once', async () => {
    const down = await startInbox();
    const downPort = down.port;
    await down.close();
    await settings({ smtpPort: downPort });
    await json(await h.request('PUT', `${API}/admin/program/enrollment`, { token: admin, body: { enrollment: 'invitation' } }), 200);
    const invited = await json(
      await h.request('POST', `${API}/admin/invitations`, { token: admin, body: { employeeIds: ['emp-bob'] } }),
      200,
    );
    assert.deepEqual(invited.invited, ['emp-bob']);
    const before = inbox.mails.length;
    clock = Date.now();
    assert.equal(await dispatcher.runDue(), 1);
    let row = (await outbox()).find((r) => r.kind === 'invitation')!;
    assert.equal(row.status, 'pending');
    assert.match(row.error ?? '', /ECONNREFUSED|connect/i);
    await settings({ smtpPort: inbox.port });
    assert.equal(await dispatcher.runDue(), 0);
    clock += 30_000;
    assert.equal(await dispatcher.runDue(), 1);
    clock += DAY;
    assert.equal(await dispatcher.runDue(), 0);
    row = (await outbox()).find((r) => r.kind === 'invitation')!;
    assert.equal(row.status, 'delivered');
    assert.equal(Number(row.attempts), 2);
    const mails = inbox.mails.slice(before);
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.subject, 'アドボカシープログラムへのご招待');
    assert.equal(mails[0]!.user, SMTP_USER, 'the password was kept when only the port changed');
    assert.match(mails[0]!.headers.get('list-unsubscribe') ?? '', /\/unsubscribe\//);
  });

  it('an admin sends a test message on each channel and reads the result', async () => {
    const email = await json(await h.request('POST', `${API}/admin/delivery/test`, { token: admin, body: { channel: 'email' } }), 202);
    assert.equal(email.status, 'delivered');
    assert.equal(email.recipient, 'ada@example.com');
    assert.equal(inbox.mails.at(-1)!.subject, 'Advocacy Kit test message');
    const slack = await json(await h.request('POST', `${API}/admin/delivery/test`, { token: admin, body: { channel: 'slack' } }), 202);
    assert.equal(slack.status, 'delivered');
    assert.match((receiver.requests.at(-1)!.body as { text: string }).text, /^Advocacy Kit test message/);
    receiver.failNext('/teams', 1, 503);
    const teams = await json(await h.request('POST', `${API}/admin/delivery/test`, { token: admin, body: { channel: 'teams' } }), 202);
    assert.equal(teams.status, 'pending', 'a failed test is retried like any message');
    assert.equal(teams.error, 'HTTP 503: boom');
    await settings({ teamsUrl: null });
    await json(await h.request('POST', `${API}/admin/delivery/test`, { token: admin, body: { channel: 'teams' } }), 409);
  });

  it('two schedulers ticking at once queue each message once, and two dispatchers send it once', async () => {
    const { db, dialect, config, logger, clickSalt } = h.advocacy.services;
    const other = new EngagementScheduler({ db, dialect, config: config.engagement, logger, delivery: deliveryContext(config, clickSalt) });
    clock = monday + 14 * DAY + 9 * HOUR;
    const at = new Date(clock).toISOString();
    const before = inbox.mails.length;
    await Promise.all([scheduler.tick(new Date(clock)), other.tick(new Date(clock))]);
    const queued = (await outbox()).filter((row) => row.created_at === at && row.kind === 'digest');
    assert.deepEqual(
      queued.map((row) => `${row.employee_id}:${row.channel}`).sort(),
      ['emp-ada:email', 'emp-ada:slack', 'emp-ann:email', 'emp-ann:slack'],
      'Teams is off since the last test; Ann has no address; Bob unsubscribed',
    );
    const secondDispatcher = new DeliveryDispatcher({
      db,
      config: config.delivery,
      mailer: smtpMailer(5_000),
      send: httpSender({ allowHttp: true, allowPrivate: true }),
      logger: createLogger('silent'),
      now: () => new Date(clock),
    });
    await Promise.all([dispatcher.runDue(), secondDispatcher.runDue()]);
    assert.deepEqual(
      inbox.mails.slice(before).map((mail) => mail.to[0]),
      ['ada@example.com'],
    );
  });
});
