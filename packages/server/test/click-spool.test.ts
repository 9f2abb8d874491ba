import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../src/log.js';
import { ClickRecorder } from '../src/tracking/click-recorder.js';
import { FileClickSpool, MemoryClickSpool } from '../src/tracking/click-spool.js';
import { databaseClickStore, type ClickStore, type RawClick } from '../src/tracking/click-store.js';
import { fixedSchedule } from '../src/point-rules/schedule.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

const at = new Date().toISOString();
const click = (n: number, code = 'AbCdEfGhIjKlMnOp'): RawClick => ({
  code,
  shareId: 'shr-1',
  employeeId: 'emp-1',
  postId: 'pst-1',
  sharerNetwork: null,
  ip: `10.0.${n >> 8}.${n & 255}`,
  userAgent: `Mozilla/5.0 "quoted"\nbuild ${n}`,
  at,
});
const link = {
  code: 'AbCdEfGhIjKlMnOp',
  shareId: 'shr-1',
  employeeId: 'emp-1',
  postId: 'pst-1',
  sharerNetwork: null,
  destination: 'https://example.com/',
};
const silent = createLogger('silent');

describe('click spool on disk', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'advocacy-spool-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps appended clicks across a restart, oldest segment first, and skips a line cut short', async () => {
    const spoolDir = join(dir, 'restart');
    const first = new FileClickSpool(spoolDir, 1 << 20);
    for (let n = 0; n < 3; n++) assert.equal(first.append(click(n)), null);
    first.seal();
    for (let n = 3; n < 5; n++) assert.equal(first.append(click(n)), null);
    assert.equal(first.depth(), 5);
    // The process dies here: no close, the second segment still open, half a line at its end.
    const open = readdirSync(spoolDir)
      .filter((name) => name.endsWith('.log'))
      .sort();
    appendFileSync(join(spoolDir, open[1]!), '["AbCdEfGhIjKlMnOp","shr-1"');

    const second = new FileClickSpool(spoolDir, 1 << 20);
    assert.equal(second.leftover, 5);
    const oldest = second.oldest()!;
    assert.deepEqual((await oldest.read()).clicks, [click(0), click(1), click(2)]);
    await second.release(oldest);
    const next = second.oldest()!;
    assert.deepEqual(await next.read(), { clicks: [click(3), click(4)], unreadable: 1 });
    await second.release(next);
    assert.equal(second.depth(), 0);
    second.close();
    assert.deepEqual(readdirSync(spoolDir), []);
  });

  it('refuses a click past its size bound, and takes clicks again once a segment is released', async () => {
    const spool = new FileClickSpool(join(dir, 'bound'), 3 * Buffer.byteLength(`${JSON.stringify(Object.values(click(0)))}\n`));
    for (let n = 0; n < 3; n++) assert.equal(spool.append(click(n)), null);
    assert.equal(spool.append(click(3)), 'full');
    spool.seal();
    await spool.release(spool.oldest()!);
    assert.equal(spool.append(click(3)), null);
    spool.close();
  });

  it('refuses a directory that another live server holds, saying what to set', () => {
    const spoolDir = join(dir, 'taken');
    new FileClickSpool(spoolDir, 1 << 20); // not closed: its lock names this process, which counts as stale
    writeFileSync(join(spoolDir, 'lock'), String(process.ppid));
    assert.throws(() => new FileClickSpool(spoolDir, 1 << 20), /CLICK_SPOOL_DIR.*own|process \d+ is using it/);
  });
});

describe('click recorder', () => {
  it("writes a turn's clicks to the spool in one write, answers each only once it is there, and segments stay within maxBatch", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'advocacy-spool-'));
    try {
      const spool = new FileClickSpool(dir, 1 << 20);
      const writes: number[] = [];
      const appendAll = spool.appendAll.bind(spool);
      spool.appendAll = (clicks) => {
        writes.push(clicks.length);
        return appendAll(clicks);
      };
      const store: ClickStore = async (batch) => batch.length;
      const recorder = new ClickRecorder(spool, store, { maxBatch: 4, intervalMs: 60_000 }, silent);
      const answered: number[] = [];
      for (let n = 0; n < 6; n++) {
        recorder.record(link, click(n));
        recorder.afterKept(() => {
          // The click and every one before it are on disk when its answer goes.
          const lines = readdirSync(dir)
            .filter((name) => name.endsWith('.log'))
            .reduce((sum, name) => sum + readFileSync(join(dir, name), 'utf8').split('\n').length - 1, 0);
          assert.ok(lines >= n + 1, `click ${n} answered with ${lines} lines on disk`);
          answered.push(n);
        });
      }
      assert.deepEqual(answered, [], 'nothing is answered before the write');
      assert.equal(recorder.depth(), 6);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(answered, [0, 1, 2, 3, 4, 5]);
      // One append for the turn, cut where a segment reaches maxBatch.
      assert.deepEqual(writes, [4, 2]);
      // Nothing waits: an answer goes at once.
      let now = false;
      recorder.afterKept(() => (now = true));
      assert.ok(now);
      assert.deepEqual(await recorder.close(), { left: 0, refused: 0, lost: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the clicks of a turn that fit in the spool, counts the rest as refused, and answers them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'advocacy-spool-'));
    try {
      const spool = new FileClickSpool(dir, 2 * Buffer.byteLength(`${JSON.stringify(Object.values(click(0)))}\n`));
      const recorder = new ClickRecorder(spool, () => Promise.reject(new Error('away')), { maxBatch: 100, intervalMs: 60_000 }, silent);
      let answers = 0;
      for (let n = 0; n < 3; n++) {
        recorder.record(link, click(n));
        recorder.afterKept(() => answers++);
      }
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(answers, 3);
      assert.equal(spool.depth(), 2);
      assert.equal(recorder.stats().refused, 1);
      assert.deepEqual(await recorder.close(Date.now() + 1_000), { left: 2, refused: 1, lost: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores one batch at a time, each at most maxBatch clicks, and a failed batch again later', async () => {
    const batches: number[] = [];
    let running = 0;
    let most = 0;
    let fail = 1;
    const store: ClickStore = async (batch) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      if (fail-- > 0) throw new Error('database or disk is full');
      batches.push(batch.length);
      return batch.length;
    };
    const recorder = new ClickRecorder(new MemoryClickSpool(1 << 24), store, { maxBatch: 100, intervalMs: 10 }, silent);
    for (let n = 0; n < 1_050; n++) recorder.record(link, click(n));
    await recorder.flush(); // the first batch fails: everything stays
    assert.equal(recorder.depth(), 1_050);
    assert.equal(recorder.stats().failedBatches, 1);
    await recorder.flush();
    assert.equal(recorder.depth(), 0);
    assert.equal(most, 1);
    assert.ok(Math.max(...batches) <= 100, `batches ${batches.join(',')}`);
    assert.equal(
      batches.reduce((a, b) => a + b, 0),
      1_050,
    );
    assert.deepEqual(await recorder.close(), { left: 0, refused: 0, lost: 0 });
  });

  it('reports clicks left in memory at a stop as lost, and in a file spool as kept', async () => {
    const failing: ClickStore = () => Promise.reject(new Error('connection refused'));
    const memory = new ClickRecorder(new MemoryClickSpool(1 << 20), failing, { maxBatch: 100, intervalMs: 10 }, silent);
    memory.record(link, click(1));
    assert.deepEqual(await memory.close(Date.now() + 1_000), { left: 1, refused: 0, lost: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'advocacy-spool-'));
    try {
      const file = new ClickRecorder(new FileClickSpool(dir, 1 << 20), failing, { maxBatch: 100, intervalMs: 10 }, silent);
      file.record(link, click(1));
      assert.deepEqual(await file.close(Date.now() + 1_000), { left: 1, refused: 0, lost: 0 });
      assert.equal(new FileClickSpool(dir, 1 << 20).leftover, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

forEachDatabase('click spool replay', (open) => {
  let h: Harness;
  let share: { id: string; trackingCode: string; trackingUrl: string };

  before(async () => {
    h = await startHarness(await open(), { clickSpool: { dir: null, maxBytes: 600 } });
    share = await json(
      await h.request('POST', `${API}/shares`, {
        token: await signToken('emp-ann'),
        headers: { 'idempotency-key': 'spool-1' },
        body: { postId: 'p-1', network: 'linkedin', commentary: '' },
      }),
      201,
    );
  });
  after(() => h.close());

  const counts = async () => {
    const { db } = h.advocacy.services;
    const clicks = await db
      .selectFrom('clicks')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('code', '=', share.trackingCode)
      .executeTakeFirstOrThrow();
    const points = await db
      .selectFrom('points_ledger')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string | number>('delta'), eb.lit(0)).as('n'))
      .where('reason', '=', 'click')
      .where('employee_id', '=', 'emp-ann')
      .executeTakeFirstOrThrow();
    return { clicks: Number(clicks.n), points: Number(points.n) };
  };

  it('storing the same clicks twice (a crash between commit and delete) adds no click and no point', async () => {
    const { db, config } = h.advocacy.services;
    const salt = (await db.selectFrom('meta').select('value').where('key', '=', 'click_salt').executeTakeFirstOrThrow()).value;
    const store = databaseClickStore(db, salt, () => fixedSchedule(config.rules));
    const batch = Array.from({ length: 4 }, (_, n) => ({
      ...click(n, share.trackingCode),
      shareId: share.id,
      employeeId: 'emp-ann',
      postId: 'p-1',
    }));
    assert.equal(await store(batch), 4);
    const once = await counts();
    assert.equal(once.clicks, 4);
    assert.ok(once.points > 0);
    assert.equal(await store(batch), 0);
    assert.deepEqual(await counts(), once);
  });

  it('past the spool bound a click is refused and counted, and the visitor is still redirected', async () => {
    const before = h.advocacy.services.clicks.stats().refused;
    for (let n = 0; n < 4; n++) {
      const response = await h.request('GET', `/r/${share.trackingCode}`, {
        headers: { 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0.${n}.0 Safari/537.36`, 'x-forwarded-for': `10.9.9.${n}` },
      });
      assert.equal(response.status, 302);
    }
    assert.ok(h.advocacy.services.clicks.stats().refused > before, 'a 600-byte spool holds fewer than 4 clicks');
    await h.advocacy.flush();
  });
});
