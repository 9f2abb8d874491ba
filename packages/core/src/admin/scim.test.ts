import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryBackend } from '../memory/memory-backend.js';
import { createScimSettings } from './scim.js';
import { until } from '../../test/helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const admin = () => memoryBackend({ employeeId: 'emp-haruka', now: () => NOW });

describe('createScimSettings', () => {
  it('loads the base URL and no tokens, then shows a created token once and lists it without its secret', async () => {
    const settings = createScimSettings({ backend: admin() });
    const ready = await until(settings.store, (s) => s.status === 'ready');
    assert.match(ready.settings!.baseUrl, /\/scim\/v2$/);
    assert.deepEqual(ready.settings!.tokens, []);
    const created = await settings.create();
    assert.match(created.token, /^scim_/);
    assert.equal(settings.store.get().created?.token, created.token);
    assert.deepEqual(
      settings.store.get().settings!.tokens.map((token) => token.id),
      [created.id],
    );
    assert.ok(!JSON.stringify(settings.store.get().settings).includes(created.token));
    settings.dismissCreated();
    assert.equal(settings.store.get().created, null);
  });

  it('revokes a token, and keeps the failure of a revoke that failed', async () => {
    const settings = createScimSettings({ backend: admin() });
    await until(settings.store, (s) => s.status === 'ready');
    const { id } = await settings.create();
    const revoking = settings.revoke(id);
    assert.equal(settings.store.get().busy, id);
    await revoking;
    assert.deepEqual(settings.store.get().settings!.tokens, []);
    await assert.rejects(settings.revoke(id), (error: Error & { code?: string }) => error.code === 'not_found');
    assert.equal(settings.store.get().actionError?.code, 'not_found');
  });

  it('refuses employees, and says when a backend has no SCIM', async () => {
    const employee = createScimSettings({ backend: memoryBackend({ now: () => NOW }) });
    assert.equal((await until(employee.store, (s) => s.status === 'error')).error?.code, 'forbidden');
    const backend = admin();
    const { getScimSettings: _dropped, ...rest } = backend.admin;
    const none = createScimSettings({ backend: { ...backend, admin: rest } });
    assert.equal((await until(none.store, (s) => s.status === 'error')).error?.code, 'not_found');
  });
});
