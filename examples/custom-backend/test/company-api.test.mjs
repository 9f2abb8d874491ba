// The company API really speaks its own dialect: the adapter is doing the translating.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startCompanyApi } from '../dist/company-api/server.js';

let api;
before(async () => {
  api = await startCompanyApi();
});
after(async () => {
  await api?.close();
});

test('without X-Session the company API answers 401 in its own error format', async () => {
  const response = await fetch(`${api.url}/v2/articles`);
  assert.equal(response.status, 401);
  assert.equal((await response.json()).error.code, 'SESSION_INVALID');
});

test('articles come page-numbered, in snake_case and with the company words', async () => {
  const session = api.openSession('emp-kenji');
  const response = await fetch(`${api.url}/v2/articles?per_page=2&page=2`, { headers: { 'x-session': session } });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.page, 2);
  assert.equal(body.per_page, 2);
  assert.equal(body.results.length, 2);
  assert.ok(body.total > 4);
  const [article] = body.results;
  assert.equal(typeof article.headline, 'string');
  assert.equal(typeof article.link, 'string');
  assert.ok('publish_at' in article && !('title' in article) && !('publishAt' in article));
});
