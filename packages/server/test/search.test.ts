import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Post } from '@advocacy-kit/core';
import { matchesSearch, searchDocument, searchTerms } from '@advocacy-kit/core/rules';
import { Migrator, sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { migrationProvider } from '../src/migrations.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

forEachDatabase('search: the feed’s q over title, summary and suggested commentary', (open) => {
  let h: Harness;
  let ann: string;
  let ada: string;

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    ada = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  const found = async (q: string) =>
    (
      (await json(await h.request('GET', `${API}/feed?limit=100&q=${encodeURIComponent(q)}`, { token: ann }), 200)).items as {
        id: string;
      }[]
    ).map((post) => post.id);

  it('follows a post through create, edit and archive', async () => {
    const post = await json(
      await h.request('POST', `${API}/admin/posts`, {
        token: ada,
        body: {
          kind: 'owned',
          title: '障害対応の振り返り',
          summary: 'Blameless reviews',
          url: 'https://example.com/review',
          locale: 'ja',
          suggestedCommentary: { ja: { x: '読んでほしい記事です' } },
        },
      }),
      201,
    );
    assert.deepEqual(await found('障害'), [post.id], 'a two-character term finds the new post');
    assert.deepEqual(await found('blameless 読んで'), [post.id], 'summary and commentary are searched, Latin without case');
    await json(await h.request('PATCH', `${API}/admin/posts/${post.id}`, { token: ada, body: { title: '移行の振り返り' } }), 200);
    assert.deepEqual(await found('障害'), [], 'the old title no longer matches after an edit');
    assert.deepEqual(await found('移行の振り'), [post.id], 'the new title does (a trigram term)');
    await json(await h.request('POST', `${API}/admin/posts/${post.id}/archive`, { token: ada }), 200);
    assert.deepEqual(await found('移行の振り'), [], 'an archived post leaves the results');
  });

  it('reads terms literally, as the core rule does: LIKE wildcards, quotes and FTS syntax are text', async () => {
    const all = (await json(await h.request('GET', `${API}/feed?limit=100`, { token: ann }), 200)).items as Post[];
    for (const q of ['%', '_', '"', 'a OR b', 'NEAR(x y)', '*', '\\', 'post', 'ＰＯＳＴ p', 'st p1']) {
      const expected = all.filter((post) => matchesSearch(searchDocument(post), searchTerms(q))).map((post) => post.id);
      assert.deepEqual(await found(q), expected, `q=${q}`);
    }
    assert.ok((await found('ＰＯＳＴ')).length > 0, 'a common word finds posts');
  });

  it('keeps the trigram index where the database has one', async () => {
    const { db } = h.advocacy.services;
    if (h.advocacy.services.dialect === 'sqlite') {
      const plan = await sql<{
        detail: string;
      }>`explain query plan select post_id from post_search where id in (select rowid from post_search_fts where post_search_fts match ${'"障害対応"'})`.execute(
        db,
      );
      assert.ok(
        plan.rows.some((row) => /VIRTUAL TABLE INDEX/.test(row.detail)),
        JSON.stringify(plan.rows),
      );
    } else {
      const index = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'post_search_trgm'`.execute(db);
      assert.match(index.rows[0]?.indexdef ?? '', /gin_trgm_ops/);
    }
  });
});

forEachDatabase('search: migration 0330 indexes the posts already there', (open) => {
  describe('an existing database', () => {
    it('gets the searchable text of every post', async () => {
      const database = await open();
      const { db } = openDatabase({ databaseUrl: database.databaseUrl, sqliteFile: database.sqliteFile });
      try {
        const migrator = new Migrator({ db, provider: migrationProvider });
        const before = await migrator.migrateTo('0281_contest_cancellation');
        assert.equal(before.error, undefined);
        const now = new Date().toISOString();
        await db
          .insertInto('posts')
          .values({
            id: 'pst-old',
            kind: 'curated',
            status: 'published',
            title: 'ＣＬＯＵＤ 障害',
            summary: 'Summary',
            url: 'https://example.com/old',
            image_url: null,
            source: 'example.com',
            locale: 'ja',
            suggested_commentary: JSON.stringify({ en: { default: 'Read  THIS' } }),
            hashtags: '[]',
            topics: '[]',
            audience_teams: '[]',
            audience_roles: '[]',
            networks: '[]',
            publish_at: now,
            expire_at: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const after = await migrator.migrateToLatest();
        assert.equal(after.error, undefined);
        const row = await db.selectFrom('post_search').selectAll().where('post_id', '=', 'pst-old').executeTakeFirstOrThrow();
        assert.equal(row.body, 'cloud 障害\nsummary\nread this');
      } finally {
        await db.destroy();
        await database.drop();
      }
    });
  });
});
