/**
 * Several instances: three server processes on one PostgreSQL database behind HAProxy (round
 * robin), under a mixed load of shares, retries, clicks, conversions, feed and leaderboard reads.
 * Shares, awards, conversions and clicks are stored once however the requests spread; the write
 * limit holds for the sum of the instances; a post edited on one instance is what the others show
 * next; the scheduler and the three webhook dispatchers deliver each event once; and after SIGTERM
 * every answered click is stored. PostgreSQL only: it is about several processes on one database.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql, type RawBuilder } from 'kysely';
import { resolveConfig } from '../src/config.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/migrations.js';
import { loadSeed } from '../src/seed.js';
import { openPostgres, type TestDatabase } from './support/databases.js';
import { fixture } from './support/fixture.js';
import { haproxyBinary, startBalancer, type Balancer } from './support/haproxy.js';
import { API, API_KEYS, SECRET, signToken } from './support/harness.js';
import { startServerProcess, waitUntil, type ServerProcess } from './support/process.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const INSTANCES = 3;
const SHARERS = 8;
/** Unique visitors per link in the mixed load: the first three open it on every instance, the rest each on one. */
const VISITORS_PER_LINK = 6;
/** The write limit the instances run with (RATE_LIMIT_WRITES): 20 at once, 1 more per second. */
const WRITES = { burst: 20, perSecond: 1 };

interface Received {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

// Like the PostgreSQL half of the other suites: skipped only when asked to on purpose.
const skip = !process.env.TEST_DATABASE_URL && process.env.ADVOCACY_SKIP_POSTGRES === '1' ? 'ADVOCACY_SKIP_POSTGRES=1' : false;

describe('several instances on one PostgreSQL behind haproxy', { skip }, () => {
  let database: TestDatabase;
  let dir: string;
  let db: Db;
  let balancer: Balancer | undefined;
  const instances: ServerProcess[] = [];
  const received: Received[] = [];
  let receiver: Server;
  let admin: string;
  /** Share id → tracking code, of every share answered 201. */
  const shares = new Map<string, string>();
  /** Unique human clicks answered with a redirect, as `code visitor`. */
  const answeredClicks = new Set<string>();

  const call = async (
    base: string,
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${base}${API}${path}`, {
      method,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).catch((error: Error) => {
      throw new Error(`${method} ${base}${path}: ${error.message} (${String((error.cause as Error | undefined)?.message)})`, {
        cause: error,
      });
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') ?? false;
    assert.ok(json || text === '', `${method} ${path}: ${response.status} ${text}`);
    return { status: response.status, instance: response.headers.get('x-instance'), body: text === '' ? null : JSON.parse(text) };
  };
  const ok = async (...args: Parameters<typeof call>) => {
    const result = await call(...args);
    assert.ok(result.status >= 200 && result.status < 300, `${args[1]} ${args[2]}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  };
  const rows = async <T>(query: RawBuilder<T>): Promise<T[]> => (await query.execute(db)).rows;
  const count = async (query: RawBuilder<{ n: string | number }>): Promise<number> => Number((await rows(query))[0]!.n);

  /** One visit of a tracking link from `ip` (as the proxy in front says) with `userAgent`; resolves with the status. */
  const clickOnce = async (base: string, code: string, ip: string, userAgent: string) => {
    const response = await fetch(`${base}/r/${code}`, { redirect: 'manual', headers: { 'user-agent': userAgent, 'x-forwarded-for': ip } });
    await response.arrayBuffer();
    return response.status;
  };

  before(async () => {
    haproxyBinary();
    database = await openPostgres();
    dir = mkdtempSync(join(tmpdir(), 'advocacy-instances-'));
    ({ db } = openDatabase({ databaseUrl: database.databaseUrl, sqliteFile: ':memory:' }));
    await migrateToLatest(db);
    await loadSeed(db, fixture(new Date()), resolveConfig({ auth: { jwtSecret: SECRET } }).rules);

    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const event = JSON.parse(body) as { type: string; data: Record<string, unknown> };
        received.push({ id: String(request.headers['webhook-id']), type: event.type, data: event.data });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));

    const env = (index: number) => {
      const dataDir = join(dir, `i${index}`);
      mkdirSync(dataDir);
      return {
        DATA_DIR: dataDir,
        DATABASE_URL: database.databaseUrl!,
        AUTH_JWT_SECRET: SECRET,
        ADVOCACY_API_KEYS: `crm=${API_KEYS.crm}`,
        PUBLIC_URL: 'https://go.example.test',
        TRUSTED_PROXIES: '127.0.0.1',
        WEBHOOK_ALLOW_PRIVATE_TARGETS: '1',
        WEBHOOK_DISPATCH_INTERVAL_MS: '100',
        ENGAGEMENT_TICK_MS: '200',
        DELIVERY_DISPATCH_INTERVAL_MS: '200',
        RATE_LIMIT_WRITES: `${WRITES.burst}/${WRITES.perSecond}`,
      };
    };
    // The database is migrated already, so they start side by side.
    const started = await Promise.allSettled(Array.from({ length: INSTANCES }, (_, index) => startServerProcess(env(index))));
    for (const result of started) if (result.status === 'fulfilled') instances.push(result.value);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    balancer = await startBalancer(
      dir,
      instances.map((instance) => instance.url),
    );
    admin = await signToken('emp-ada', { admin: true });
    const { port } = receiver.address() as { port: number };
    await ok(balancer.url, 'POST', '/admin/webhooks', admin, {
      url: `http://127.0.0.1:${port}/hook`,
      events: ['post.published', 'share.created', 'conversion.recorded', 'click.milestone'],
    });
  });

  after(async () => {
    await balancer?.stop();
    for (const instance of instances)
      if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGKILL');
    await Promise.all(instances.map((instance) => instance.exited));
    receiver?.closeAllConnections();
    receiver?.close();
    await db?.destroy();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a share sent with one Idempotency-Key to all three instances at once is one share, one award and one event', async () => {
    const token = await signToken('emp-ann');
    const body = { postId: 'p-1', network: 'linkedin', commentary: 'One of three' };
    const answers = await Promise.all(
      instances.map((instance) => call(instance.url, 'POST', '/shares', token, body, { 'idempotency-key': 'trio-1' })),
    );
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 200, 201]);
    assert.equal(new Set(answers.map((answer) => answer.body.id)).size, 1, 'the same share from every instance');
    const id = answers[0]!.body.id as string;
    shares.set(id, answers[0]!.body.trackingCode as string);
    assert.equal(
      await count(sql`select count(*) as n from shares where employee_id = 'emp-ann' and post_id = 'p-1' and network = 'linkedin'`),
      1,
    );
    const awards = await rows<{ delta: number }>(sql`select delta from points_ledger where employee_id = 'emp-ann' and reason = 'share'`);
    assert.equal(awards.length, 1, 'one award');
    assert.equal(Number(awards[0]!.delta), answers[0]!.body.pointsAwarded);
    const events = sql<{
      n: string;
    }>`select count(distinct event_id) as n from webhook_deliveries where event_type = 'share.created' and payload like ${`%${id}%`}`;
    assert.equal(await count(events), 1, 'one share.created event');
  });

  it('under mixed load through the balancer, shares, conversions and clicks are stored once and every instance answers', async () => {
    const tokens = await Promise.all(Array.from({ length: SHARERS }, (_, i) => signToken(`emp-mi-${i}`)));
    const reader = await signToken('emp-bob');
    const lb = balancer!.url;
    const spread = new Set<string>();
    const reads = () =>
      Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const answer = await call(lb, 'GET', i % 3 === 0 ? '/leaderboard?period=all' : '/feed?limit=20', reader);
          assert.equal(answer.status, 200);
          spread.add(answer.instance!);
        }),
      );
    // Each sharer's share sent three times at once with one key, while the feed and leaderboard are read.
    const [answers] = await Promise.all([
      Promise.all(
        tokens.flatMap((token, i) =>
          Array.from({ length: 3 }, () =>
            call(
              lb,
              'POST',
              '/shares',
              token,
              { postId: 'p-1', network: 'x', commentary: `Take ${i}` },
              { 'idempotency-key': `mixed-${i}` },
            ),
          ),
        ),
      ),
      reads(),
    ]);
    for (const answer of answers) spread.add(answer.instance!);
    assert.deepEqual(
      answers.map((answer) => answer.status).filter((status) => status !== 200 && status !== 201),
      [],
    );
    assert.equal(answers.filter((answer) => answer.status === 201).length, SHARERS, 'one share per key');
    for (const answer of answers) if (answer.status === 201) shares.set(answer.body.id, answer.body.trackingCode);
    const mixed = [...shares].filter(([, code]) => answers.some((answer) => answer.body.trackingCode === code));
    assert.equal(mixed.length, SHARERS);

    // Clicks: visitors open the link on each instance at once (a repeat visitor across instances)
    // or new visitors on different instances at once, bots too; conversions with one external id
    // reported to each instance; reads go on.
    let visitor = 0;
    const clicks = [...shares.values()].flatMap((code) =>
      Array.from({ length: VISITORS_PER_LINK }, (_, j) => {
        const ip = `10.${Math.floor(++visitor / 250)}.${visitor % 250}.7`;
        const on = j < INSTANCES ? instances : [instances[j % INSTANCES]!];
        return Promise.all(on.map((instance) => clickOnce(instance.url, code, ip, BROWSER))).then((statuses) => {
          assert.ok(
            statuses.every((status) => status === 302),
            `clicks answered ${statuses.join(', ')}`,
          );
          answeredClicks.add(`${code} ${ip}`);
        });
      }),
    );
    const bots = [...shares.values()].map((code) => clickOnce(lb, code, '192.0.2.1', 'LinkedInBot/1.0 (compatible; Mozilla/5.0)'));
    const converted = mixed.slice(0, 3);
    const conversions = converted.map(([, code], i) =>
      Promise.all(
        instances.map((instance) =>
          call(instance.url, 'POST', '/conversions', null, { code, type: 'lead', externalId: `lead-${i}` }, { 'x-api-key': API_KEYS.crm }),
        ),
      ),
    );
    const [, botStatuses, conversionAnswers] = await Promise.all([
      Promise.all(clicks),
      Promise.all(bots),
      Promise.all(conversions),
      reads(),
    ]);
    assert.ok(botStatuses.every((status) => status === 302));
    for (const trio of conversionAnswers) assert.deepEqual(trio.map((answer) => answer.status).sort(), [200, 200, 201]);
    assert.deepEqual([...spread].sort(), ['i0', 'i1', 'i2'], 'the balancer spread the load over the three instances');

    assert.equal(
      await count(sql`select count(*) as n from shares where post_id = 'p-1' and network = 'x' and employee_id like 'emp-mi-%'`),
      SHARERS,
    );
    const shareAwards = await rows<{ employee_id: string; n: string }>(
      sql`select employee_id, count(*) as n from points_ledger where reason = 'share' and employee_id like 'emp-mi-%' group by employee_id`,
    );
    assert.equal(shareAwards.length, SHARERS);
    assert.ok(
      shareAwards.every((row) => Number(row.n) === 1),
      'one share award each',
    );
    const conversionRows = await rows<{ external_id: string; n: string }>(
      sql`select external_id, count(*) as n from conversions where external_id like 'lead-%' group by external_id`,
    );
    assert.deepEqual(
      conversionRows.map((row) => Number(row.n)),
      [1, 1, 1],
    );
    assert.equal(
      await count(sql`select count(*) as n from points_ledger where reason = 'conversion' and employee_id like 'emp-mi-%'`),
      3,
      'one conversion award each',
    );
  });

  it('the write limit holds for the sum of the instances', async () => {
    const token = await signToken('emp-limited');
    await ok(balancer!.url, 'GET', '/me', token);
    const started = Date.now();
    const sent = WRITES.burst * 2 + 5;
    // Straight to the instances in turn, so each gets its third whatever the balancer's health checks say.
    const answers = await Promise.all(
      Array.from({ length: sent }, (_, i) =>
        call(instances[i % INSTANCES]!.url, 'POST', '/events', token, {
          events: [{ id: `evt-limit-${i}`, type: 'feed_view', at: new Date().toISOString() }],
        }),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const accepted = answers.filter((answer) => answer.status === 200).length;
    const limited = answers.filter((answer) => answer.status === 429).length;
    assert.equal(accepted + limited, sent, `only 200 and 429: ${[...new Set(answers.map((answer) => answer.status))].join(', ')}`);
    // Per instance, each would take up to its own burst and all would pass; shared, the sum is held
    // to one burst plus what refilled while the requests ran.
    assert.ok(limited > 0, `some refused (accepted ${accepted} of ${sent} in ${seconds.toFixed(1)} s)`);
    assert.ok(
      accepted <= WRITES.burst + Math.ceil(WRITES.perSecond * seconds) + 1,
      `accepted ${accepted} of ${sent} in ${seconds.toFixed(1)} s: more than the limit allows`,
    );
    assert.equal(
      await count(sql`select count(*) as n from events where employee_id = 'emp-limited'`),
      accepted,
      'what was accepted is stored',
    );
  });

  it('a post edited on one instance is what the other instances show next', async () => {
    const reader = await signToken('emp-bob');
    await ok(instances[0]!.url, 'PATCH', '/admin/posts/p-1', admin, { title: 'Edited on instance 0' });
    for (const instance of instances.slice(1)) {
      const feed = await ok(instance.url, 'GET', '/feed?limit=50', reader);
      assert.equal(feed.items.find((post: { id: string }) => post.id === 'p-1')?.title, 'Edited on instance 0');
      assert.equal((await ok(instance.url, 'GET', '/posts/p-1', reader)).title, 'Edited on instance 0');
    }
  });

  it('a scheduled post is announced once, and each webhook event reaches the receiver once although three dispatchers run', async () => {
    const publishAt = new Date(Date.now() + 1_500).toISOString();
    const scheduled = await ok(balancer!.url, 'POST', '/admin/posts', admin, {
      kind: 'owned',
      title: 'Scheduled across instances',
      summary: 'Published by whichever scheduler gets there first',
      url: 'https://example.com/scheduled',
      locale: 'en',
      publishAt,
    });
    await waitUntil(
      'the scheduled post to be announced',
      () => received.some((event) => event.type === 'post.published' && event.data.id === scheduled.id),
      20_000,
    );
    // Everything queued is delivered (or failed), then the receiver has each event id once.
    await waitUntil(
      'every delivery to be made',
      async () => (await count(sql`select count(*) as n from webhook_deliveries where status = 'pending'`)) === 0,
    );
    const queued = await rows<{ event_id: string; status: string }>(sql`select event_id, status from webhook_deliveries`);
    assert.ok(
      queued.every((row) => row.status === 'delivered'),
      'every delivery delivered',
    );
    const ids = received.map((event) => event.id);
    assert.equal(ids.length, new Set(ids).size, `an event received twice: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
    assert.deepEqual(new Set(ids), new Set(queued.map((row) => row.event_id)));
    const announced = received.filter((event) => event.type === 'post.published' && event.data.id === scheduled.id);
    assert.equal(announced.length, 1, 'the scheduled post announced once');
    const shareEvents = received.filter((event) => event.type === 'share.created');
    assert.equal(shareEvents.length, shares.size, 'one share.created per share');
    assert.equal(received.filter((event) => event.type === 'conversion.recorded').length, 3, 'one conversion.recorded per conversion');
  });

  it('the leaderboard equals the ledger once the clicks are in, and each unique visitor earned the sharer points once', async () => {
    await waitUntil(
      'the answered clicks to be stored',
      async () =>
        (await count(sql`select count(*) as n from clicks where code in (${sql.join([...shares.values()])})`)) >= answeredClicks.size,
    );
    const leaderboard = await ok(balancer!.url, 'GET', '/leaderboard?period=all&limit=100', await signToken('emp-bob'));
    const totals = await rows<{ employee_id: string; points: string }>(
      sql`select employee_id, sum(delta) as points from points_ledger group by employee_id having sum(delta) > 0`,
    );
    const ledger = new Map(totals.map((row) => [row.employee_id, Number(row.points)]));
    const shown = new Map(
      (leaderboard.entries as Array<{ employeeId: string; points: number }>).map((entry) => [entry.employeeId, entry.points]),
    );
    assert.deepEqual(shown, ledger);
    // Every visitor came from its own network: each earned the sharer click points once.
    const clickAwards = await rows<{ employee_id: string; n: string }>(
      sql`select employee_id, count(*) as n from points_ledger where reason = 'click' and employee_id like 'emp-mi-%' group by employee_id`,
    );
    assert.deepEqual(
      clickAwards.map((row) => Number(row.n)),
      Array<number>(SHARERS).fill(VISITORS_PER_LINK),
      'one click award per unique visitor',
    );
  });

  it('after SIGTERM right after the last answer, every answered click is stored once', async () => {
    const codes = [...shares.values()];
    await Promise.all(
      codes.flatMap((code, i) =>
        [1, 2].map(async (n) => {
          const ip = `10.200.${i}.${n}`;
          const statuses = await Promise.all(instances.map((instance) => clickOnce(instance.url, code, ip, BROWSER)));
          assert.ok(
            statuses.every((status) => status === 302),
            `clicks answered ${statuses.join(', ')}`,
          );
          answeredClicks.add(`${code} ${ip}`);
        }),
      ),
    );
    await balancer!.stop();
    const exits = await Promise.all(instances.map((instance) => instance.stop()));
    assert.deepEqual(exits, [0, 0, 0], 'each instance drained and exited cleanly');
    const stored = await rows<{ code: string; n: string }>(sql`select code, count(*) as n from clicks group by code`);
    const byCode = new Map(stored.map((row) => [row.code, Number(row.n)]));
    for (const code of codes) assert.equal(byCode.get(code), VISITORS_PER_LINK + 2, `unique clicks on ${code}`);
    const storedTotal = codes.reduce((sum, code) => sum + (byCode.get(code) ?? 0), 0);
    assert.ok(storedTotal >= answeredClicks.size, `stored ${storedTotal} < answered ${answeredClicks.size}`);
  });
});
