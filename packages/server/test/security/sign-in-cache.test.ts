import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it, mock } from 'node:test';
import { createApp } from '../../src/app.js';
import { forEachDatabase, type TestDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

// Verified tokens and the employees they signed in as are kept for read requests
// (AUTH_SIGN_IN_CACHE_MS). A kept sign-in must never outlive the token's expiry, nor a
// deactivation, a role change or a team move made through this instance; a change made through
// another instance must stop writes at once and reads within the cache time.

const KEEP_MS = 60_000;

forEachDatabase('security: a kept sign-in never outlives what would refuse it', (open) => {
  afterEach(() => mock.timers.reset());

  describe('on this instance', () => {
    let h: Harness;
    const me = (token: string) => h.request('GET', `${API}/me`, { token });

    it('an expired token is refused although it was verified a moment ago', async () => {
      h = await startHarness(await open(), { auth: { signInCacheMs: KEEP_MS } });
      try {
        mock.timers.enable({ apis: ['Date'], now: Date.now() });
        const token = await signToken('emp-bob', { expiresAt: Math.floor(Date.now() / 1000) + 5 });
        await json(await me(token), 200);
        await json(await me(token), 200);
        mock.timers.tick(6_000);
        const refused = await json(await me(token), 401);
        assert.match(refused.detail, /expired/);
      } finally {
        await h.close();
      }
    });

    it('a deactivation, a role change and a team move show on the very next read', async () => {
      h = await startHarness(await open(), { auth: { signInCacheMs: KEEP_MS } });
      try {
        const admin = await signToken('emp-ada', { admin: true });
        const bob = await signToken('emp-bob');
        assert.equal((await json(await me(bob), 200)).team, 'team-eng');

        await json(await h.request('PATCH', `${API}/admin/employees/emp-bob`, { token: admin, body: { team: 'team-sales' } }), 200);
        assert.equal((await json(await me(bob), 200)).team, 'team-sales');

        await json(await h.request('PATCH', `${API}/admin/employees/emp-bob`, { token: admin, body: { role: 'admin' } }), 200);
        assert.equal((await json(await me(bob), 200)).role, 'admin');
        await json(await h.request('GET', `${API}/admin/employees`, { token: bob }), 200);
        await json(await h.request('PATCH', `${API}/admin/employees/emp-bob`, { token: admin, body: { role: 'employee' } }), 200);
        assert.equal((await json(await me(bob), 200)).role, 'employee');
        await json(await h.request('GET', `${API}/admin/employees`, { token: bob }), 403);

        await json(await h.request('POST', `${API}/admin/employees/emp-bob/deactivate`, { token: admin }), 200);
        assert.match((await json(await me(bob), 403)).type, /employee_deactivated$/);
        assert.match((await json(await h.request('GET', `${API}/feed`, { token: bob }), 403)).type, /employee_deactivated$/);
        await json(await h.request('POST', `${API}/admin/employees/emp-bob/reactivate`, { token: admin }), 200);
        await json(await me(bob), 200);
      } finally {
        await h.close();
      }
    });

    it('keeps nothing with AUTH_SIGN_IN_CACHE_MS=0', async () => {
      h = await startHarness(await open(), { auth: { signInCacheMs: 0 } });
      try {
        await json(await me(await signToken('emp-bob')), 200);
        assert.equal(h.advocacy.services.signIns.size, 0);
      } finally {
        await h.close();
      }
    });
  });

  it('a deactivation through another instance stops writes at once and reads within AUTH_SIGN_IN_CACHE_MS', async () => {
    const opened = await open();
    const folder = mkdtempSync(join(tmpdir(), 'advocacy-sign-ins-'));
    const database: TestDatabase = opened.name === 'sqlite' ? { ...opened, sqliteFile: join(folder, 'advocacy.sqlite') } : opened;
    const h = await startHarness(database, { auth: { signInCacheMs: KEEP_MS }, clickSpool: { dir: null, maxBytes: 0 } });
    const other = await createApp(h.config);
    try {
      mock.timers.enable({ apis: ['Date'], now: Date.now() });
      const bob = await signToken('emp-bob');
      const admin = await signToken('emp-ada', { admin: true });
      await json(await h.request('GET', `${API}/me`, { token: bob }), 200);
      const deactivate = await other.app.request(`${API}/admin/employees/emp-bob/deactivate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
      });
      assert.equal(deactivate.status, 200);

      // A write reads the employee now, wherever the deactivation was made.
      const write = await h.request('PUT', `${API}/me/preferences`, { token: bob, body: { digest: false } });
      assert.match((await json(write, 403)).type, /employee_deactivated$/);
      // A read is refused within the cache time (at once here: the write above read the employee again)…
      await json(await h.request('GET', `${API}/me`, { token: bob }), 403);
      // …and in any case once it has passed.
      const fresh = await signToken('emp-bob', { claims: { jti: 'another-token' } });
      await other.app.request(`${API}/admin/employees/emp-bob/reactivate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
      });
      await json(await h.request('GET', `${API}/me`, { token: fresh }), 200);
      await other.app.request(`${API}/admin/employees/emp-bob/deactivate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
      });
      mock.timers.tick(KEEP_MS);
      assert.match((await json(await h.request('GET', `${API}/me`, { token: fresh }), 403)).type, /employee_deactivated$/);
    } finally {
      await other.close();
      await h.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
