import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { DAY_MS } from '../src/points/periods.js';
import { PACK_SETTLE_MS, packShareHours } from '../src/analytics/share-packs.js';
import { eraseEmployee } from '../src/privacy/erasure.js';
import { sequence } from './support/sequence.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Advocates {
  activeAdvocates: number;
  top: Array<[string, number]>;
}

forEachDatabase('analytics: share packs', (open) => {
  let h: Harness;
  let admin: string;
  const now = Date.now();
  const random = sequence(11);
  let shareNumber = 0;

  const db = () => h.advocacy.services.db;

  /** Shares written straight to the table (the triggers fire as for any insert). */
  async function addShares(rows: Array<{ employee: string; at: number }>) {
    for (let i = 0; i < rows.length; i += 200) {
      await db()
        .insertInto('shares')
        .values(
          rows.slice(i, i + 200).map(({ employee, at }) => {
            const n = shareNumber++;
            return {
              id: `pack-share-${n}`,
              employee_id: employee,
              post_id: ['p-1', 'p-2', 'p-3'][n % 3]!,
              network: ['linkedin', 'x', 'facebook', 'xing'][n % 4]!,
              commentary: '',
              idempotency_key: `pack-${n}`,
              request_hash: 'h',
              tracking_code: `pk${n}`,
              destination: 'https://example.com/',
              points_awarded: 0,
              created_at: iso(at),
              sharer_network: null,
              first_to_network: null,
            };
          }),
        )
        .execute();
    }
  }

  /** Members who shared in [from, to] and the ten with most shares, straight from the shares. */
  async function expected(from: string, to: string): Promise<Advocates> {
    const { rows } = await sql<{ employee: string; n: unknown }>`
      select s.employee_id as employee, count(*) as n from shares s join employees e on e.id = s.employee_id
      where s.created_at >= ${from} and s.created_at <= ${to} and e.status = 'active'
        and not exists (select 1 from program_members m where m.employee_id = e.id and m.state <> 'joined' and m.state <> 'invited')
      group by s.employee_id`.execute(db());
    const ranked = rows
      .map((row) => [row.employee, Number(row.n)] as [string, number])
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { activeAdvocates: ranked.length, top: ranked.slice(0, 10) };
  }

  async function summary(from: string, to: string): Promise<Advocates> {
    const body = await json(await h.request('GET', `${API}/admin/analytics?from=${from}&to=${to}`, { token: admin }), 200);
    return {
      activeAdvocates: body.activeAdvocates,
      top: body.topAdvocates.map((a: { employeeId: string; shares: number }) => [a.employeeId, a.shares]),
    };
  }

  const midnight = Date.parse(iso(now).slice(0, 10));
  const windows: Array<[string, string]> = [
    [iso(now - 30 * DAY_MS), iso(now)],
    [iso(now - 9.3 * DAY_MS), iso(now - 2.6 * DAY_MS)],
    [iso(midnight - 10 * DAY_MS), iso(midnight - 3 * DAY_MS - 1)],
    [iso(now - 20 * DAY_MS + 0.5 * HOUR), iso(now - 20 * DAY_MS + 1.5 * HOUR)],
    [iso(now - 3 * HOUR), iso(now)],
    [iso(now - 0.3 * HOUR), iso(now - 0.1 * HOUR)],
  ];

  async function assertExact(label: string) {
    for (const [from, to] of windows) assert.deepEqual(await summary(from, to), await expected(from, to), `${label}: ${from} – ${to}`);
  }

  const packRows = async (level: 'h' | 'd') =>
    db().selectFrom('share_packs').select(['bucket', 'data']).where('level', '=', level).orderBy('bucket').execute();

  before(async () => {
    h = await startHarness(await open());
    admin = await signToken('emp-admin', { admin: true });
    await h.advocacy.services.sharePacks.stop();
    const people = Array.from({ length: 40 }, (_, i) => `emp-pack-${String(i).padStart(2, '0')}`);
    await db()
      .insertInto('employees')
      .values(
        people.map((id, i) => ({
          id,
          display_name: id,
          team_id: i % 2 === 0 ? 'team-sales' : 'team-eng',
          role: 'employee',
          locale: 'en',
          time_zone: 'UTC',
          created_at: iso(now - 40 * DAY_MS),
        })),
      )
      .execute();
    // Skewed: a few employees share far more often; spread over 25 days, the last hours included.
    const rows = Array.from({ length: 900 }, () => ({
      employee: people[Math.floor(random() ** 2 * people.length)]!,
      at: now - Math.floor(random() * 25 * DAY_MS),
    }));
    await addShares(rows);
  });
  after(() => h.close());

  it('numbers every employee once, new ones included', async () => {
    const rows = await db().selectFrom('employees').select(['id', 'seq']).execute();
    assert.ok(rows.length >= 43);
    assert.ok(rows.every((row) => Number.isInteger(Number(row.seq)) && Number(row.seq) > 0));
    assert.equal(new Set(rows.map((row) => Number(row.seq))).size, rows.length);
  });

  it('counts exactly from the shares before anything is packed', async () => {
    assert.equal((await packRows('h')).length + (await packRows('d')).length, 0);
    await assertExact('unpacked');
  });

  it('packs every closed hour and day from the first share on, each holding its sharers, and counts the same', async () => {
    const packed = await packShareHours(db(), h.advocacy.services.dialect, now);
    const hours = await packRows('h');
    const days = await packRows('d');
    assert.equal(hours.length, packed);
    const first = (
      await db()
        .selectFrom('shares')
        .select(sql<string>`min(created_at)`.as('at'))
        .executeTakeFirstOrThrow()
    ).at;
    assert.equal(hours[0]!.bucket, first.slice(0, 13));
    const last = Date.parse(`${hours.at(-1)!.bucket}:00:00Z`);
    assert.ok(
      last + HOUR <= now - PACK_SETTLE_MS && last + 2 * HOUR > now - PACK_SETTLE_MS,
      'packed up to the last hour that ended long enough ago',
    );
    // Days: every one from the first share's to the last whose hours are all packed.
    assert.equal(days[0]!.bucket, first.slice(0, 10));
    assert.equal(Date.parse(days.at(-1)!.bucket) + DAY_MS, Date.parse(iso(last + HOUR).slice(0, 10)));
    assert.equal(days.length, (Date.parse(days.at(-1)!.bucket) - Date.parse(days[0]!.bucket)) / DAY_MS + 1);
    // Each pack decodes to its hour's or day's sharers' numbers.
    const seqs = new Map((await db().selectFrom('employees').select(['id', 'seq']).execute()).map((row) => [row.id, Number(row.seq)]));
    const shares = await db().selectFrom('shares').select(['employee_id', 'created_at']).execute();
    for (const row of [...hours, ...days]) {
      const decoded: number[] = [];
      for (let i = 0; i < row.data!.length; i += 4) decoded.push(row.data!.readUInt32BE(i));
      const stored = shares.filter((s) => s.created_at.startsWith(row.bucket)).map((s) => seqs.get(s.employee_id)!);
      assert.deepEqual(
        decoded.sort((a, b) => a - b),
        stored.sort((a, b) => a - b),
        row.bucket,
      );
    }
    assert.ok(hours.filter((row) => row.data!.length > 0).length > 100, 'most hours hold shares');
    assert.equal(await packShareHours(db(), h.advocacy.services.dialect, now), 0, 'nothing more to pack');
    await assertExact('packed');
  });

  it('reads an hour from the shares again once a share is added to it or deleted from it, until it is packed again', async () => {
    const hour = iso(now - 5 * DAY_MS).slice(0, 13);
    await addShares([
      { employee: 'emp-pack-39', at: Date.parse(`${hour}:20:00Z`) },
      { employee: 'emp-pack-39', at: Date.parse(`${hour}:40:00Z`) },
    ]);
    const victim = await db()
      .selectFrom('shares')
      .select('id')
      .where('created_at', '<', iso(now - 7 * DAY_MS))
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    const victimHour = (
      await db().selectFrom('shares').select('created_at').where('id', '=', victim.id).executeTakeFirstOrThrow()
    ).created_at.slice(0, 13);
    await db().deleteFrom('shares').where('id', '=', victim.id).execute();
    const changed = async (level: 'h' | 'd') => (await packRows(level)).filter((row) => row.data === null).map((row) => row.bucket);
    assert.deepEqual((await changed('h')).sort(), [hour, victimHour].sort());
    assert.deepEqual((await changed('d')).sort(), [hour.slice(0, 10), victimHour.slice(0, 10)].sort());
    windows.push([`${hour}:00:00.000Z`, `${hour}:59:59.999Z`]);
    await assertExact('changed hours');
    assert.equal(await packShareHours(db(), h.advocacy.services.dialect, now), 2);
    assert.equal((await changed('h')).length + (await changed('d')).length, 0);
    await assertExact('packed again');
  });

  it('keeps members only, and puts ties in id order, also when thousands tie', async () => {
    await db().updateTable('employees').set({ status: 'deactivated' }).where('id', '=', 'emp-pack-00').execute();
    await assertExact('deactivated');
    // An erasure renames the employee and rewrites their shares: the number stays, the hours are read again.
    const before = await db().selectFrom('employees').select('seq').where('id', '=', 'emp-pack-01').executeTakeFirstOrThrow();
    const { employeeId: pseudonym } = await eraseEmployee(db(), {
      employeeId: 'emp-pack-01',
      adminId: 'emp-admin',
      secret: 'test-secret',
      now: iso(now),
    });
    const renamed = await db().selectFrom('employees').select('seq').where('id', '=', pseudonym).executeTakeFirstOrThrow();
    assert.equal(renamed.seq, before.seq);
    assert.ok(
      (await packRows('d')).some((row) => row.data === null),
      'the erased employee’s days are read from their hours and shares',
    );
    await assertExact('erased');
    await packShareHours(db(), h.advocacy.services.dialect, now);
    await assertExact('erased, packed again');
    // 5,100 employees with one share each in a quiet window: the ten are the first by id.
    const many = Array.from({ length: 5100 }, (_, i) => `emp-tie-${String(i).padStart(5, '0')}`);
    for (let i = 0; i < many.length; i += 500) {
      await db()
        .insertInto('employees')
        .values(
          many.slice(i, i + 500).map((id) => ({
            id,
            display_name: id,
            team_id: 'team-eng',
            role: 'employee',
            locale: 'en',
            time_zone: 'UTC',
            created_at: iso(now - 40 * DAY_MS),
          })),
        )
        .execute();
    }
    const quiet = now - 32 * DAY_MS;
    await addShares(many.map((employee, i) => ({ employee, at: quiet + (i % 600) * 1000 })));
    // Fewer ties than the direct read takes, one employee ahead of them.
    await addShares([{ employee: 'emp-tie-04999', at: quiet + 700_000 }]);
    await packShareHours(db(), h.advocacy.services.dialect, now);
    for (const window of [
      [iso(quiet), iso(quiet + HOUR)],
      [iso(quiet + 300_000), iso(quiet + 301_000)],
      [iso(quiet - HOUR), iso(now)],
    ] as Array<[string, string]>) {
      const found = await summary(...window);
      assert.deepEqual(found, await expected(...window));
      assert.ok(found.activeAdvocates >= 1);
    }
    const wide = await summary(iso(quiet), iso(quiet + HOUR));
    assert.equal(wide.activeAdvocates, 5100);
    assert.deepEqual(wide.top[0], ['emp-tie-04999', 2]);
    assert.deepEqual(wide.top[1], ['emp-tie-00000', 1]);
  });

  it('leaves out no share written while a pack is made (PostgreSQL: the pack waits for writers to commit)', async (t) => {
    if (h.advocacy.services.dialect !== 'postgres') {
      // SQLite writes one transaction at a time: a share's insert runs wholly before or after a pack.
      t.skip('SQLite has one writer at a time');
      return;
    }
    const hour = iso(now - 3 * DAY_MS).slice(0, 13);
    // A share in a transaction still open when the packer starts on its hour.
    await db().updateTable('share_packs').set({ data: null }).where('level', '=', 'h').where('bucket', '=', hour).execute();
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    const writing = db()
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('shares')
          .values({
            id: 'pack-held',
            employee_id: 'emp-pack-05',
            post_id: 'p-1',
            network: 'linkedin',
            commentary: '',
            idempotency_key: 'pack-held',
            request_hash: 'h',
            tracking_code: 'pkheld',
            destination: 'https://example.com/',
            points_awarded: 0,
            created_at: `${hour}:30:00.000Z`,
            sharer_network: null,
            first_to_network: null,
          })
          .execute();
        await held;
      });
    await new Promise((resolve) => setTimeout(resolve, 100));
    let packed = false;
    const packing = packShareHours(db(), 'postgres', now).then(() => (packed = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const waited = !packed;
    commit();
    await writing;
    await packing;
    assert.ok(waited, 'the pack waits for the open share');
    const window: [string, string] = [`${hour}:00:00.000Z`, `${hour}:59:59.999Z`];
    assert.deepEqual(await summary(...window), await expected(...window));
    const pack = await db()
      .selectFrom('share_packs')
      .select('data')
      .where('level', '=', 'h')
      .where('bucket', '=', hour)
      .executeTakeFirstOrThrow();
    const seq = (await db().selectFrom('employees').select('seq').where('id', '=', 'emp-pack-05').executeTakeFirstOrThrow()).seq;
    const decoded: number[] = [];
    for (let i = 0; i < pack.data!.length; i += 4) decoded.push(pack.data!.readUInt32BE(i));
    assert.ok(decoded.includes(Number(seq)), 'the held share is in its hour’s pack');
  });
});
