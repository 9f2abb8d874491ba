import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdvocacyError } from '../backend/errors.js';
import { memoryBackend } from '../memory/memory-backend.js';
import { createDirectory, createTaxonomyAdmin } from './people.js';
import { until } from '../../test/helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const admin = () => memoryBackend({ employeeId: 'emp-haruka', now: () => NOW });

describe('createTaxonomyAdmin', () => {
  it('lists topics by position, creates, renames, moves, archives and restores them', async () => {
    const backend = admin();
    let changes = 0;
    const topics = createTaxonomyAdmin({ backend, kind: 'topics', onChanged: () => changes++ });
    const { items } = await until(topics.store, (s) => s.status === 'ready');
    assert.ok(items.length > 1);
    const created = await topics.create({ id: 'climate', names: { en: 'Climate' } });
    assert.equal(topics.store.get().items.at(-1)!.id, 'climate', 'a new topic goes last');
    await topics.rename('climate', { en: 'Climate action', ja: '気候' });
    assert.deepEqual(topics.store.get().items.find((t) => t.id === created.id)!.names, { en: 'Climate action', ja: '気候' });
    await topics.move('climate', -1);
    const ids = topics.store.get().items.map((t) => t.id);
    assert.equal(ids.at(-2), 'climate', 'moved one place up');
    await topics.archive('climate');
    assert.notEqual(topics.store.get().items.find((t) => t.id === 'climate')!.archivedAt, null);
    assert.ok(!(await backend.listTopics()).some((t) => t.id === 'climate'), 'employees no longer see it');
    await topics.restore('climate');
    assert.ok((await backend.listTopics()).some((t) => t.id === 'climate'));
    assert.ok(changes >= 5);
  });

  it('keeps a failed change as the item’s error, with the field errors', async () => {
    const teams = createTaxonomyAdmin({ backend: admin(), kind: 'teams' });
    await until(teams.store, (s) => s.status === 'ready');
    await assert.rejects(teams.create({ names: {} }), (error: AdvocacyError) => error.code === 'validation');
    assert.equal(teams.store.get().errors['']?.fieldErrors?.[0]?.field, 'names');
    assert.deepEqual(teams.store.get().busy, {});
  });

  it('an employee gets the forbidden error state', async () => {
    const topics = createTaxonomyAdmin({ backend: memoryBackend({ employeeId: 'emp-kenji', now: () => NOW }), kind: 'topics' });
    const state = await until(topics.store, (s) => s.status === 'error');
    assert.equal(state.error?.code, 'forbidden');
  });
});

describe('createDirectory', () => {
  it('searches, filters and pages; changes a team and deactivates', async () => {
    const backend = admin();
    const directory = createDirectory({ backend, limit: 2 });
    const first = await until(directory.store, (s) => s.status === 'ready');
    assert.equal(first.items.length, 2);
    assert.equal(first.hasMore, true);
    await directory.loadMore();
    assert.equal(directory.store.get().items.length, 4);
    directory.setFilters({ q: 'kenji', team: '' });
    const found = await until(directory.store, (s) => s.status !== 'loading' && s.filters.q === 'kenji');
    assert.deepEqual(
      found.items.map((e) => e.id),
      ['emp-kenji'],
    );
    assert.deepEqual(found.filters, { q: 'kenji' });
    const teams = await backend.listTeams();
    const other = teams.find((t) => t.id !== found.items[0]!.team)!;
    const moved = await directory.update('emp-kenji', { team: other.id });
    assert.equal(moved.team, other.id);
    assert.equal(directory.store.get().items[0]!.team, other.id);
    const gone = await directory.deactivate('emp-kenji');
    assert.equal(gone.status, 'deactivated');
    await assert.rejects(backend.as('emp-kenji').getMe(), (error: AdvocacyError) => error.code === 'forbidden');
    await assert.rejects(directory.deactivate('emp-haruka'), (error: AdvocacyError) => error.code === 'conflict');
    assert.equal(directory.store.get().errors['emp-haruka']?.code, 'conflict');
    assert.equal((await directory.reactivate('emp-kenji')).status, 'active');
  });
});
