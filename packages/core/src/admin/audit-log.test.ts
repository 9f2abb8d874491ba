import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryBackend } from '../memory/memory-backend.js';
import { createAuditLog } from './audit-log.js';
import { until } from '../../test/helpers.js';

let tick = 0;
const clock = () => new Date(Date.parse('2026-06-15T12:00:00.000Z') + ++tick * 1000);
const adminOf = () => memoryBackend({ employeeId: 'emp-haruka', now: clock });
const input = { kind: 'curated' as const, title: '=Audited', summary: '', url: 'https://example.com/a', locale: 'en' };

describe('createAuditLog', () => {
  it('lists admin writes newest first with who, what, before and after; filters and loads more', async () => {
    const backend = adminOf();
    const post = await backend.admin.createPost(input);
    await backend.admin.updatePost(post.id, { title: 'Renamed' });
    await backend.admin.archivePost(post.id);
    await backend.admin.updatePrivacySettings!({ clickRetentionDays: 90 });
    const log = createAuditLog({ backend, limit: 2 });
    const ready = await until(log.store, (s) => s.status === 'ready');
    assert.deepEqual(
      ready.items.map((e) => e.action),
      ['settings.update', 'post.archive'],
    );
    assert.equal(ready.hasMore, true);
    await log.loadMore();
    assert.deepEqual(
      log.store.get().items.map((e) => e.action),
      ['settings.update', 'post.archive', 'post.update', 'post.create'],
    );
    const update = log.store.get().items[2]!;
    assert.deepEqual(update.actor, { kind: 'admin', id: 'emp-haruka' });
    assert.deepEqual([(update.before as { title: string }).title, (update.after as { title: string }).title], ['=Audited', 'Renamed']);

    log.setFilters({ action: 'settings.' });
    const filtered = await until(log.store, (s) => s.status === 'ready' && s.items.length === 1);
    assert.equal(filtered.items[0]!.action, 'settings.update');
    log.setFilters({ action: '', targetId: post.id });
    const csv = await log.exportCsv();
    const lines = csv.trim().split('\r\n');
    assert.equal(lines.length, 4);
    assert.ok(lines.at(-1)!.includes('"{""'), 'the JSON cells are quoted');
  });

  it('is an error state, with a retry, for an employee', async () => {
    const log = createAuditLog({ backend: memoryBackend({ employeeId: 'emp-kenji' }) });
    const failed = await until(log.store, (s) => s.status === 'error');
    assert.equal(failed.error?.code, 'forbidden');
  });
});

describe('memory backend privacy', () => {
  it('exports one person only, and erasure keeps every total while the name and words go', async () => {
    const admin = adminOf();
    const kenji = admin.as('emp-kenji');
    const mine = await kenji.getMyExport!();
    assert.equal(mine.employee.id, 'emp-kenji');
    const text = JSON.stringify(mine);
    for (const other of ['emp-yui', 'emp-haruka']) assert.ok(!text.includes(other), `nothing of ${other}`);
    assert.ok(mine.shares.length > 0);

    const period = { from: '2000-01-01', to: '2100-01-01' };
    const before = await admin.admin.getAnalytics(period);
    const result = await admin.admin.eraseEmployee!('emp-kenji');
    assert.equal(result.alreadyErased, false);
    const after = await admin.admin.getAnalytics(period);
    // Every total stays; the erased person is a leaver now, so participation counts them no more.
    const totals = ({ employees: _e, activeAdvocates: _a, participationRate: _p, topAdvocates: _t, ...rest }: typeof before) => rest;
    assert.deepEqual(totals(after), totals(before));
    assert.deepEqual([after.employees, after.activeAdvocates], [before.employees - 1, before.activeAdvocates - 1]);
    assert.ok(!after.topAdvocates.some((a) => a.employeeId === result.employeeId), 'a leaver is no top advocate');
    const erased = await admin.admin.exportEmployee!(result.employeeId);
    assert.equal(erased.employee.displayName, 'Former employee');
    assert.ok(erased.shares.every((s) => s.commentary === ''));
    assert.ok(erased.suggestions.every((s) => s.note === ''));
    assert.ok(
      erased.points.length > 0 && erased.points.every((row) => !row.reference.includes('emp-kenji')),
      'ledger references use the pseudonym',
    );
    assert.deepEqual(await admin.admin.eraseEmployee!('emp-kenji'), { ...result, alreadyErased: true });
    await assert.rejects(admin.admin.exportEmployee!('emp-kenji'), { code: 'not_found' });
  });
});
