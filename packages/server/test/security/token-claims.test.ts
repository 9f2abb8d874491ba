import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

// A verified token's claims still come from outside: an employee is created from them on first
// sight. PostgreSQL refuses a NUL character in text (a 500 on every signed-in route), and nothing
// bounded their length.

forEachDatabase("security: a token's claims are checked before they become an employee", (open) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(await open());
  });
  after(() => h.close());

  const me = async (token: string) => h.request('GET', `${API}/me`, { token });

  describe('the subject is the employee id', () => {
    it('with a control character (NUL) it is refused: 401, not a 500', async () => {
      const problem = await json(await me(await signToken('emp\u0000x')), 401);
      assert.match(problem.detail, /subject/);
    });

    it('longer than 200 characters it is refused', async () => {
      await json(await me(await signToken(`emp-${'x'.repeat(10_000)}`)), 401);
    });
  });

  describe('name, team and locale are cleaned', () => {
    it('a NUL in the name is dropped, and a long name is cut to 200 characters', async () => {
      const token = await signToken('emp-claims-1', { claims: { name: `Ann\u0000 ${'a'.repeat(10_000)}`, team: 'sales\u0000' } });
      const employee = await json(await me(token), 200);
      assert.equal(employee.displayName.includes('\u0000'), false);
      assert.equal(employee.displayName.length, 200);
      assert.equal(employee.displayName.startsWith('Ann '), true);
      assert.equal(employee.team, 'sales');
    });

    it('a locale that is not a language tag falls back to en', async () => {
      for (const [sub, locale] of [
        ['emp-claims-2', '\u0000'],
        ['emp-claims-3', 'x'.repeat(10_000)],
        ['emp-claims-4', '<script>'],
      ] as const) {
        const employee = await json(await me(await signToken(sub, { claims: { locale } })), 200);
        assert.equal(employee.locale, 'en', `locale ${JSON.stringify(locale.slice(0, 20))}`);
      }
      const japanese = await json(await me(await signToken('emp-claims-5', { claims: { locale: 'ja-JP' } })), 200);
      assert.equal(japanese.locale, 'ja-JP');
    });
  });
});
