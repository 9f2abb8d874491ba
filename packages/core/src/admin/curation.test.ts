import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryBackend } from '../memory/memory-backend.js';
import { createCurationAdmin } from './curation.js';

const ready = <T extends { status: string }>(store: { subscribe(fn: (value: T) => void): () => void }) =>
  new Promise<T>((resolve) => {
    const stop = store.subscribe((value) => {
      if (value.status === 'ready' || value.status === 'empty' || value.status === 'error') {
        queueMicrotask(() => stop());
        resolve(value);
      }
    });
  });

describe('curation admin store', () => {
  it('lists sources and pending items, publishes one as a curated post and dismisses another, audited', async () => {
    const backend = memoryBackend().as('emp-haruka');
    const curation = createCurationAdmin({ backend });
    const stop = curation.store.listen(() => {});
    const first = await ready(curation.store);
    assert.ok(first.sources.length >= 2);
    assert.ok(
      first.sources.some((source) => source.lastError !== null),
      'a failing source shows its last error',
    );
    const [keep, drop] = first.items;
    const post = await curation.publish(keep!.id);
    assert.equal(post.kind, 'curated');
    assert.equal(post.title, keep!.title);
    assert.equal(
      curation.store.get().items.some((item) => item.id === keep!.id),
      false,
    );
    await curation.dismiss(drop!.id);
    await assert.rejects(curation.dismiss(drop!.id), { code: 'conflict' });
    assert.equal(curation.store.get().errors[drop!.id]?.code, 'conflict');
    const audit = await backend.admin.listAudit!({ limit: 10 });
    assert.ok(audit.items.some((entry) => entry.action === 'curation_item.publish' && entry.target.id === keep!.id));
    assert.ok(audit.items.some((entry) => entry.action === 'curation_item.dismiss' && entry.target.id === drop!.id));
    stop();
  });

  it('adds, pauses and removes a source; employees are refused', async () => {
    const backend = memoryBackend().as('emp-haruka');
    const curation = createCurationAdmin({ backend });
    const source = await curation.addSource({ url: 'https://blog.example.com/feed.xml', title: 'Blog', locale: 'en' });
    assert.equal((await curation.updateSource(source.id, { paused: true })).paused, true);
    await curation.removeSource(source.id);
    assert.equal(
      (await backend.admin.listSources!()).some((listed) => listed.id === source.id),
      false,
    );
    await assert.rejects(memoryBackend().as('emp-kenji').admin.listSources!(), { code: 'forbidden' });
  });
});
