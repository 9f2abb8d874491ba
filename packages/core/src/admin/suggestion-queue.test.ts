import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Suggestion, SuggestionReview } from '../backend/contract.js';
import { memoryBackend } from '../memory/memory-backend.js';
import { createSuggestionQueue } from './suggestion-queue.js';
import { until } from '../../test/helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');

const admin = () => memoryBackend({ employeeId: 'emp-haruka', now: () => NOW });

describe('createSuggestionQueue', () => {
  it('lists the pending suggestions with the employees’ names', async () => {
    const queue = createSuggestionQueue({ backend: admin() });
    const { items } = await until(queue.store, (s) => s.status === 'ready');
    assert.ok(items.length > 0);
    assert.ok(items.every((item) => item.status === 'pending' && item.employeeName && item.employeeName !== item.employeeId));
  });

  it('rejects with a reason: busy while in flight, then the suggestion leaves the list', async () => {
    const backend = admin();
    const reviewed: Suggestion[] = [];
    const queue = createSuggestionQueue({ backend, onReviewed: (s) => reviewed.push(s) });
    const { items } = await until(queue.store, (s) => s.status === 'ready');
    const id = items[0]!.id;
    const decision = queue.reject(id, 'Shared last week already.');
    assert.equal(queue.store.get().busy[id], 'reject');
    const rejected = await decision;
    assert.equal(rejected.status, 'rejected');
    assert.equal(queue.store.get().busy[id], undefined);
    assert.ok(!queue.store.get().items.some((item) => item.id === id));
    assert.deepEqual(
      reviewed.map((s) => s.id),
      [id],
    );
    const author = await backend.as(rejected.employeeId).listMySuggestions();
    assert.equal(author.items.find((s) => s.id === id)!.reviewReason, 'Shared last week already.');
  });

  it('approves with post overrides', async () => {
    const backend = admin();
    const queue = createSuggestionQueue({ backend });
    const { items } = await until(queue.store, (s) => s.status === 'ready');
    const approved = await queue.approve(items[0]!.id, { title: 'An approved title', kind: 'owned' });
    const post = await backend.getPost(approved.postId!);
    assert.equal(post.title, 'An approved title');
    assert.equal(post.kind, 'owned');
  });

  it('keeps a failed decision’s error on its item, and the item in the list', async () => {
    const backend = admin();
    const queue = createSuggestionQueue({ backend });
    const { items } = await until(queue.store, (s) => s.status === 'ready');
    const id = items[0]!.id;
    await assert.rejects(queue.reject(id, ' '), { code: 'validation' });
    assert.equal(queue.store.get().errors[id]?.fieldErrors[0]?.field, 'reason');
    assert.ok(queue.store.get().items.some((item) => item.id === id));
    // A second decision on the same item while one is in flight is refused.
    let release!: () => void;
    const real = backend.admin.reviewSuggestion.bind(backend.admin);
    backend.admin.reviewSuggestion = (sid: string, review: SuggestionReview) =>
      new Promise<void>((r) => (release = r)).then(() => real(sid, review));
    const first = queue.approve(id);
    await assert.rejects(queue.reject(id, 'no'), { code: 'conflict' });
    release();
    await first;
    assert.equal(queue.store.get().errors[id], undefined);
  });

  it('shows an error, then recovers on refresh', async () => {
    const backend = admin();
    backend.fail('server');
    const queue = createSuggestionQueue({ backend });
    assert.equal((await until(queue.store, (s) => s.status === 'error')).error?.code, 'server');
    backend.fail(null);
    const stop = queue.store.listen(() => undefined);
    await queue.refresh();
    assert.equal(queue.store.get().status, 'ready');
    stop();
  });
});
