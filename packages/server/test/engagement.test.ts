import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EngagementMessage } from '../src/engagement/content.js';
import { localMoment } from '../src/engagement/local-time.js';
import { renderEmail } from '../src/engagement/render/email.js';
import { renderSlack } from '../src/engagement/render/slack.js';
import { renderTeams } from '../src/engagement/render/teams.js';
import { EngagementScheduler } from '../src/engagement/scheduler.js';
import { webhookDb } from '../src/webhooks/tables.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

const HOUR = 3_600_000;

/** Monday 00:30 UTC of the current week: 09:30 on Monday in Tokyo, still Monday night in UTC. */
function thisMonday(): number {
  const now = new Date();
  const back = (now.getUTCDay() + 6) % 7;
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - back, 0, 30);
}

forEachDatabase('weekly digests and reminders', (open) => {
  let h: Harness;
  let scheduler: EngagementScheduler;
  const monday = thisMonday();

  before(async () => {
    h = await startHarness(await open(), { webhooks: { dispatchIntervalMs: 0 }, engagement: { tickMs: 0 } });
    const { db, dialect, config, logger } = h.advocacy.services;
    scheduler = new EngagementScheduler({ db, dialect, config: config.engagement, logger });
    const admin = await signToken('emp-ada', { admin: true });
    await json(
      await h.request('POST', `${API}/admin/webhooks`, {
        token: admin,
        body: { url: 'https://hooks.example.com/digests', events: ['digest.due'] },
      }),
      201,
    );
  });
  after(() => h.close());

  it('nothing goes to Tokyo on Sunday evening there', async () => {
    const sundayEvening = new Date(monday - 10.5 * HOUR);
    assert.deepEqual([localMoment(sundayEvening, 'Asia/Tokyo').weekday, localMoment(sundayEvening, 'Asia/Tokyo').hour], [7, 23]);
    assert.deepEqual(await scheduler.tick(sundayEvening), []);
  });

  it('a Japanese employee in Tokyo gets the digest in Japanese on Monday morning, once', async () => {
    const queued = await scheduler.tick(new Date(monday));
    assert.deepEqual(
      queued.map((m) => m.employee.id),
      ['emp-bob'],
      'UTC employees are still on Monday night',
    );
    const digest = queued[0]!;
    assert.equal(digest.kind, 'digest');
    assert.equal(digest.locale, 'ja');
    assert.equal(digest.rendered.email.subject, '今週のアドボカシー通信');
    assert.match(digest.rendered.email.html, /<html lang="ja">/);
    assert.match(digest.rendered.email.text, /^Bobさん、おはようございます/);
    assert.match(digest.rendered.email.text, /過去7日間の成果：シェア \d+ 件、クリック \d+ 件、リード \d+ 件/);
    const card = digest.rendered.teams.attachments[0]!.content as { type: string; version: string; body: Array<{ text?: string }> };
    assert.equal(card.type, 'AdaptiveCard');
    assert.equal(card.body[0]!.text, '今週のアドボカシー通信');
    assert.equal((digest.rendered.slack.blocks[0] as { text: { text: string } }).text.text, '今週のアドボカシー通信');
    assert.deepEqual(await scheduler.tick(new Date(monday + HOUR)), [], 'once per week');
    const deliveries = await webhookDb(h.advocacy.services.db)
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('event_type', '=', 'digest.due')
      .execute();
    assert.equal(deliveries.length, 1);
    assert.equal(JSON.parse(deliveries[0]!.payload).data.employee.id, 'emp-bob');
  });

  it('an opted-out employee gets nothing, even with two instances ticking at once', async () => {
    await json(await h.request('PUT', `${API}/me/preferences`, { token: await signToken('emp-ann'), body: { digest: false } }), 200);
    const { db, dialect, config, logger } = h.advocacy.services;
    const other = new EngagementScheduler({ db, dialect, config: config.engagement, logger });
    const at = new Date(monday + 9 * HOUR);
    const [a, b] = await Promise.all([scheduler.tick(at), other.tick(at)]);
    assert.deepEqual(
      [...a!, ...b!].map((m) => m.employee.id),
      ['emp-ada'],
    );
    assert.equal([...a!, ...b!][0]!.locale, 'en');
    assert.equal([...a!, ...b!][0]!.rendered.email.subject, 'Your week in the advocacy program');
  });

  it('reminds employees who have not shared for a while on the reminder day, unless they opted out', async () => {
    const wednesday = new Date(monday + 2 * 24 * HOUR + 9 * HOUR);
    const nudged = await scheduler.tick(wednesday);
    assert.deepEqual(nudged.map((m) => m.employee.id).sort(), ['emp-ada', 'emp-ann']);
    assert.ok(nudged.every((m) => m.kind === 'nudge' && m.daysSinceLastShare === null));
    await json(await h.request('PUT', `${API}/me/preferences`, { token: await signToken('emp-ann'), body: { nudges: false } }), 200);
    const nextWeek = await scheduler.tick(new Date(wednesday.getTime() + 7 * 24 * HOUR));
    assert.deepEqual(
      nextWeek.filter((m) => m.kind === 'nudge').map((m) => m.employee.id),
      ['emp-ada'],
    );
  });

  it('a deactivated employee gets neither digest nor reminder', async () => {
    const { db } = h.advocacy.services;
    await db.updateTable('employees').set({ status: 'deactivated' }).where('id', '=', 'emp-bob').execute();
    try {
      const twoWeeksOn = monday + 14 * 24 * HOUR;
      const queued = [
        ...(await scheduler.tick(new Date(twoWeeksOn))),
        ...(await scheduler.tick(new Date(twoWeeksOn + 2 * 24 * HOUR + 9 * HOUR))),
      ];
      assert.ok(
        !queued.some((m) => m.employee.id === 'emp-bob'),
        `nothing for the leaver: ${queued.map((m) => `${m.kind}:${m.employee.id}`).join(', ')}`,
      );
      assert.ok(
        queued.some((m) => m.employee.id === 'emp-ada'),
        'the others still get theirs',
      );
    } finally {
      await db.updateTable('employees').set({ status: 'active' }).where('id', '=', 'emp-bob').execute();
    }
  });
});

describe('digest renderers', () => {
  const message: EngagementMessage = {
    kind: 'digest',
    locale: 'en',
    employee: { id: 'e1', displayName: 'Ann <b>', team: 't', timeZone: 'UTC' },
    week: '2026-W10',
    posts: [
      {
        id: 'p1',
        title: 'Q3 <script>alert(1)</script> & [win](https://evil.example)',
        summary: 'A "quoted" summary',
        url: 'javascript:alert(1)',
      },
    ],
    points: { lastSevenDays: 1, total: 12 },
    rank: { rank: 2, participants: 9 },
    results: { shares: 1, clicks: 0, conversions: 2 },
    daysSinceLastShare: 3,
  };

  it('email escapes every value and keeps only http(s) links', () => {
    const email = renderEmail(message);
    assert.doesNotMatch(email.html, /<script>|<b>|javascript:/);
    assert.match(email.html, /Q3 &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp;/);
    assert.match(email.html, /A &quot;quoted&quot; summary/);
    assert.match(email.text, /1 point in the last 7 days · 12 points in total/);
    assert.match(email.text, /You are #2 of 9 this week/);
    assert.match(email.text, /1 share, 0 clicks, 2 leads/);
  });

  it('Slack escapes mrkdwn control characters; Teams breaks up markdown links', () => {
    const slack = JSON.stringify(renderSlack(message));
    assert.doesNotMatch(slack, /<script>/);
    assert.match(slack, /&lt;script&gt;/);
    const teams = JSON.stringify(renderTeams(message));
    assert.doesNotMatch(teams, /\]\(https:\/\/evil/);
  });
});
