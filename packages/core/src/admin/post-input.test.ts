import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Post } from '../backend/index.js';
import { inputOf } from './index.js';

const post: Post = {
  id: 'post-1',
  kind: 'owned',
  status: 'scheduled',
  title: 'Our new office',
  summary: 'Opening in May',
  url: 'https://example.com/office',
  imageUrl: null,
  source: 'example.com',
  locale: 'en',
  suggestedCommentary: { en: { default: 'Come and see' } },
  hashtags: ['office'],
  topics: ['news'],
  audience: { teams: [], roles: [] },
  networks: ['linkedin'],
  publishAt: '2026-05-01T09:00:00.000Z',
  expireAt: null,
  createdAt: '2026-04-01T09:00:00.000Z',
  updatedAt: '2026-04-01T09:00:00.000Z',
};

describe('inputOf', () => {
  it('gives back the input a post was made from, so a patch can be merged and checked whole', () => {
    const input = { ...inputOf(post), title: 'Our new Tokyo office' };
    assert.equal(input.title, 'Our new Tokyo office');
    assert.deepEqual(
      [input.kind, input.url, input.publishAt, input.networks],
      ['owned', 'https://example.com/office', '2026-05-01T09:00:00.000Z', ['linkedin']],
    );
    assert.equal('id' in input || 'createdAt' in input, false);
  });

  it('keeps a scheduled post published and a draft a draft', () => {
    assert.equal(inputOf(post).status, 'published');
    assert.equal(inputOf({ ...post, status: 'draft' }).status, 'draft');
  });
});
