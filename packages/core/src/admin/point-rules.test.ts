import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryBackend } from '../memory/memory-backend.js';
import { createPointRulesAdmin } from './point-rules.js';
import { until } from '../../test/helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const admin = () => memoryBackend({ employeeId: 'emp-haruka', now: () => NOW });

describe('createPointRulesAdmin', () => {
  it('loads the defaults with no versions, then lists a version effective now as current and one for later as scheduled', async () => {
    const backend = admin();
    const rules = createPointRulesAdmin({ backend });
    const ready = await until(rules.store, (s) => s.status === 'ready');
    assert.deepEqual(ready.rules!.items, []);
    assert.deepEqual([ready.rules!.defaults.points.share, ready.rules!.defaults.networkWeights.copy], [10, 0.2]);
    await rules.create({ rules: { points: { share: 12 } }, note: 'Spring' });
    await rules.create({ rules: { points: { share: 15 } }, effectiveFrom: '2026-07-01T00:00:00.000Z' });
    const { items, effective } = rules.store.get().rules!;
    assert.deepEqual(
      items.map((version) => [version.status, version.rules.points?.share]),
      [
        ['scheduled', 15],
        ['current', 12],
      ],
    );
    assert.equal(effective.points.share, 12);
    assert.equal((await backend.getPointValues!()).shareByNetwork.linkedin, 12);
  });

  it('edits and deletes a scheduled version, and keeps the failure of a change to one in effect', async () => {
    const rules = createPointRulesAdmin({ backend: admin() });
    await until(rules.store, (s) => s.status === 'ready');
    const current = await rules.create({ rules: { points: { click: 4 } } });
    const later = await rules.create({ rules: {}, effectiveFrom: '2026-07-01T00:00:00.000Z' });
    const editing = rules.update(later.id, { note: 'Summer' });
    assert.equal(rules.store.get().busy, later.id);
    assert.equal((await editing).note, 'Summer');
    await rules.remove(later.id);
    assert.deepEqual(
      rules.store.get().rules!.items.map((version) => version.id),
      [current.id],
    );
    await assert.rejects(rules.remove(current.id), (error: Error & { code?: string }) => error.code === 'conflict');
    assert.equal(rules.store.get().actionError?.code, 'conflict');
    await assert.rejects(
      rules.create({ rules: { points: { share: -1 } } }),
      (error: Error & { code?: string }) => error.code === 'validation',
    );
    assert.equal(rules.store.get().actionError?.fieldErrors?.[0]?.field, 'rules.points.share');
  });

  it('refuses employees, and says when a backend has no point-rules administration', async () => {
    const employee = createPointRulesAdmin({ backend: memoryBackend({ now: () => NOW }) });
    assert.equal((await until(employee.store, (s) => s.status === 'error')).error?.code, 'forbidden');
    const backend = admin();
    const { listPointRules: _dropped, ...rest } = backend.admin;
    const none = createPointRulesAdmin({ backend: { ...backend, admin: rest } });
    assert.equal((await until(none.store, (s) => s.status === 'error')).error?.code, 'not_found');
  });
});
