import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdvocacyError } from '../backend/errors.js';
import { memoryBackend } from '../memory/memory-backend.js';
import { createAdvocacyClient } from '../client/client.js';
import { createAdminClient } from './admin.js';
import { createPostDraft } from './post-draft.js';
import { draftFrom, toPostInput, validateDraft } from './post-draft-rules.js';
import { until } from '../../test/helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const admin = () => memoryBackend({ employeeId: 'emp-haruka', now: () => NOW });

describe('post draft rules', () => {
  it('enforces what the server’s schema does: a title, http(s) links, lengths and counts', () => {
    const draft = draftFrom();
    assert.deepEqual(Object.keys(validateDraft(draft)).sort(), ['title', 'url']);
    const errors = validateDraft({
      ...draft,
      url: 'ftp://example.com',
      title: 't'.repeat(301),
      summary: 's'.repeat(2001),
      imageUrl: 'javascript:alert(1)',
      source: 'x'.repeat(201),
      hashtags: Array.from({ length: 31 }, (_, i) => `tag${i}`).join(' '),
    });
    assert.equal(errors.url?.code, 'invalid_url');
    assert.deepEqual(errors.title, { code: 'too_long', message: 'must be at most 300 characters', max: 300 });
    assert.equal(errors.summary?.max, 2000);
    assert.equal(errors.imageUrl?.code, 'invalid_url');
    assert.equal(errors.source?.max, 200);
    assert.deepEqual([errors.hashtags?.code, errors.hashtags?.max], ['too_many', 30]);
  });

  it('holds commentary to its network’s limit, and the default text to the strictest allowed network', () => {
    const base = { ...draftFrom(), url: 'https://example.com', title: 'A', networks: ['x' as const, 'linkedin' as const] };
    assert.equal(
      validateDraft({ ...base, suggestedCommentary: { en: { default: 'a'.repeat(281) } } }).suggestedCommentary?.code,
      'over_limit',
    );
    assert.equal(
      validateDraft({ ...base, suggestedCommentary: { en: { default: 'a'.repeat(281), x: 'short' } } }).suggestedCommentary,
      undefined,
    );
    assert.equal(
      validateDraft({ ...base, suggestedCommentary: { en: { default: 'a'.repeat(281), x: '' } } }).suggestedCommentary?.code,
      'over_limit',
    );
    assert.equal(
      validateDraft({ ...base, publishAt: '2026-07-01T00:00:00.000Z', expireAt: '2026-06-30T00:00:00.000Z' }).expireAt?.code,
      'before_publish',
    );
  });

  it('maps the draft to PostInput: trimmed text, parsed hashtags, no empty commentary', () => {
    const input = toPostInput(
      {
        ...draftFrom(),
        url: ' https://example.com/a ',
        title: ' A ',
        hashtags: '#launch, product、＃新製品',
        suggestedCommentary: { en: { default: 'Proud', x: ' ' }, ja: { default: '' } },
        audience: { teams: ['t-sales'], roles: ['employee'] },
      },
      'draft',
    );
    assert.equal(input.url, 'https://example.com/a');
    assert.equal(input.title, 'A');
    assert.deepEqual(input.hashtags, ['launch', 'product', '新製品']);
    assert.deepEqual(input.suggestedCommentary, { en: { default: 'Proud' } });
    assert.equal(input.imageUrl, null);
    assert.equal('source' in input, false);
    assert.equal(input.status, 'draft');
  });
});

describe('createPostDraft', () => {
  it('tracks edits as dirty, creates the post, and starts over from the saved post', async () => {
    const backend = admin();
    const draft = createPostDraft({ backend, now: () => NOW });
    assert.equal(draft.store.get().dirty, false);
    draft.update({ url: 'https://example.com/launch', title: 'We launched' });
    draft.toggle('networks', 'linkedin');
    draft.toggle('teams', 'team-sales');
    draft.setCommentary('en', 'default', 'Proud of the team');
    assert.equal(draft.store.get().dirty, true);
    const saving = draft.save('published');
    assert.equal(draft.store.get().busy, 'publish');
    const result = await saving;
    assert.equal(result!.post.status, 'published');
    assert.deepEqual(result!.post.networks, ['linkedin']);
    assert.deepEqual(result!.post.audience, { teams: ['team-sales'], roles: [] });
    const state = draft.store.get();
    assert.deepEqual([state.busy, state.outcome, state.dirty, state.post?.id], [null, 'published', false, result!.post.id]);
    draft.toggle('networks', 'linkedin');
    draft.toggle('networks', 'linkedin');
    assert.equal(draft.store.get().dirty, false, 'undoing an edit is not a change');
  });

  it('updates an existing post with only what changed', async () => {
    const backend = admin();
    const post = (await backend.admin.listPosts({ status: 'published', limit: 1 })).items[0]!;
    const patches: unknown[] = [];
    const real = backend.admin.updatePost.bind(backend.admin);
    backend.admin.updatePost = (id, patch) => (patches.push(patch), real(id, patch));
    const draft = createPostDraft({ backend, source: { post }, now: () => NOW });
    assert.equal(draft.store.get().draft.title, post.title);
    draft.update({ title: 'A better title' });
    assert.deepEqual(draft.toPatch('published'), { status: 'published', title: 'A better title' });
    const result = await draft.save('published');
    assert.equal(result!.post.title, 'A better title');
    assert.equal(result!.post.summary, post.summary);
    assert.deepEqual(patches, [{ status: 'published', title: 'A better title' }]);
  });

  it('says scheduled for a future publish time, and archives', async () => {
    const draft = createPostDraft({ backend: admin(), now: () => NOW });
    draft.update({ url: 'https://example.com/later', title: 'Later', publishAt: '2031-01-10T00:00:00.000Z' });
    const saved = await draft.save('published');
    assert.equal(saved!.post.status, 'scheduled');
    assert.equal(draft.store.get().outcome, 'scheduled');
    const archived = await draft.archive();
    assert.equal(archived!.post.status, 'archived');
    assert.equal(draft.store.get().outcome, 'archived');
  });

  it('stops on its own field errors, puts the server’s under their fields, and rejects on other failures', async () => {
    const backend = admin();
    const draft = createPostDraft({ backend, now: () => NOW });
    assert.equal(await draft.save('published'), null);
    assert.equal(draft.store.get().errors.url?.code, 'required');
    draft.update({ url: 'https://example.com/a', title: 'A' });
    const create = backend.admin.createPost;
    backend.admin.createPost = async () => {
      throw new AdvocacyError('validation', 'Invalid post', {
        status: 422,
        fieldErrors: [{ field: 'audience.teams.0', message: 'unknown team "t-x"' }],
      });
    };
    assert.equal(await draft.save('published'), null);
    assert.deepEqual(draft.store.get().errors, { audience: { code: 'server', message: 'unknown team "t-x"' } });
    backend.admin.createPost = create;
    backend.fail('server');
    await assert.rejects(draft.save('published'), { code: 'server' });
    assert.equal(draft.store.get().error?.code, 'server');
    assert.equal(draft.store.get().busy, null);
  });

  it('approves a suggestion as the post through the admin client’s queue, which drops it, and the leaderboard shows the sender’s points', async () => {
    const backend = admin();
    const client = createAdvocacyClient({ backend, storage: null });
    const adminClient = createAdminClient(client);
    const stop = adminClient.suggestions.store.listen(() => undefined);
    const stopBoard = client.leaderboard.store.listen(() => undefined);
    const pointsOf = (employeeId: string) =>
      client.leaderboard.store.get().data?.entries.find((entry) => entry.employeeId === employeeId)?.points ?? 0;
    await until(client.leaderboard.store, (board) => board.status === 'ready');
    const { items } = await until(adminClient.suggestions.store, (s) => s.status === 'ready');
    const suggestion = items[0]!;
    const draft = adminClient.createDraft({ suggestion, locale: 'ja' });
    assert.deepEqual(
      [draft.store.get().draft.url, draft.store.get().draft.summary, draft.store.get().draft.locale],
      [suggestion.url, suggestion.note, 'ja'],
    );
    draft.update({ title: 'Approved as a post' });
    const before = pointsOf(suggestion.employeeId);
    const result = await draft.save('published');
    assert.equal(result!.suggestion?.status, 'approved');
    assert.equal(result!.post.title, 'Approved as a post');
    assert.equal(draft.store.get().suggestion, null);
    assert.ok(!adminClient.suggestions.store.get().items.some((item) => item.id === suggestion.id));
    const after = await until(client.leaderboard.store, (board) => board.status === 'ready' && pointsOf(suggestion.employeeId) > before);
    assert.ok(after.data!.entries.some((entry) => entry.employeeId === suggestion.employeeId));
    stop();
    stopBoard();
    await client.destroy();
  });

  it('fills only the empty fields from the link’s preview, and says why a link has none', async () => {
    const backend = admin();
    const known = (await backend.admin.listPosts({ limit: 1 })).items[0]!;
    const draft = createPostDraft({ backend, now: () => NOW });
    assert.equal(draft.canPreview, true);
    draft.update({ url: known.url, title: 'My own title' });
    await draft.fillFromLink();
    const filled = draft.store.get();
    assert.deepEqual(
      [filled.draft.title, filled.draft.summary, filled.draft.source, filled.outcome],
      ['My own title', known.summary, known.source, 'preview-filled'],
    );
    draft.update({ url: 'not a link' });
    await draft.fillFromLink();
    assert.equal(draft.store.get().errors.url?.code, 'invalid_url');
    backend.admin.getLinkPreview = async () => {
      throw new AdvocacyError('validation', 'No preview', { fieldErrors: [{ field: 'url', message: 'not on the public internet' }] });
    };
    draft.update({ url: 'https://intranet.local/' });
    await draft.fillFromLink();
    assert.deepEqual(draft.store.get().errors.url, { code: 'server', message: 'not on the public internet' });
    delete backend.admin.getLinkPreview;
    assert.equal(draft.canPreview, false);
  });
});
