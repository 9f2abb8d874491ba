import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { operations, type Operation } from '@advocacy-kit/core/contract';
import { forEachDatabase } from './support/databases.js';
import { API, signToken, startHarness, type Harness } from './support/harness.js';

/** Every operation with a path that names no real record, and a body that passes no schema. */
const all = (Object.entries(operations) as Array<[string, Operation]>).map(([id, operation]) => ({
  id,
  operation,
  path: `${API}${operation.path.replace(/\{\w+\}/g, 'no-such-id')}`,
}));

forEachDatabase('every operation is guarded as the contract says', (open) => {
  let h: Harness;
  let employee: string;
  before(async () => {
    h = await startHarness(await open());
    employee = await signToken('emp-ann');
  });
  after(() => h.close());

  it("answers 401 without credentials on every operation for employees, admins or the company's systems (an API key) — before reading the body", async () => {
    for (const { id, operation, path } of all.filter(
      ({ operation }) => operation.auth !== 'public' && operation.tokenInBody === undefined,
    )) {
      const response = await h.request(operation.method, path, operation.body === undefined ? {} : { body: { unexpected: true } });
      assert.equal(response.status, 401, `${id}: ${operation.method} ${operation.path} answered ${response.status}`);
      assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/, id);
    }
  });

  it('answers 401 to a forged token on every signed-in operation', async () => {
    const forged = await signToken('emp-ann', { secret: 'not-the-server-secret-0123456789abcdef', admin: true });
    for (const { id, operation, path } of all.filter(({ operation }) => operation.auth === 'employee' || operation.auth === 'admin')) {
      if (operation.tokenInBody !== undefined) continue;
      const response = await h.request(operation.method, path, { token: forged, body: operation.body === undefined ? undefined : {} });
      assert.equal(response.status, 401, `${id}: ${operation.method} ${operation.path} answered ${response.status}`);
    }
  });

  it("answers 403 to an employee's token on every operation for the company's systems — before reading the body", async () => {
    const admin = await signToken('emp-ada', { admin: true });
    const forApiKeys = all.filter(({ operation }) => operation.auth === 'apiKey');
    assert.ok(forApiKeys.length > 0);
    for (const { id, operation, path } of forApiKeys) {
      for (const token of [employee, admin]) {
        const response = await h.request(operation.method, path, {
          token,
          body: operation.body === undefined ? undefined : { unexpected: true },
        });
        assert.equal(response.status, 403, `${id}: ${operation.method} ${operation.path} answered ${response.status}`);
      }
    }
  });

  it('answers 403 to an employee on every admin operation — before reading the body or the record', async () => {
    for (const { id, operation, path } of all.filter(({ operation }) => operation.auth === 'admin')) {
      const response = await h.request(operation.method, path, {
        token: employee,
        body: operation.body === undefined ? undefined : { unexpected: true },
      });
      assert.equal(response.status, 403, `${id}: ${operation.method} ${operation.path} answered ${response.status}`);
    }
  });
});
