import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Post } from '../backend/contract.js';
import { countText, networks, remainingText } from './networks.js';
import { composeShareText, suggestedCommentaryFor, weightedLength } from './text.js';

describe('weightedLength (X)', () => {
  it('counts Japanese as 2, Latin as 1, an emoji as 2 and any URL as 23', () => {
    const url = 'https://adv.example.com/r/Xk3aB9_-qLm2Zt0P';
    const text = composeShareText('Kumo Observe 3.0 をリリースしました🎉', url);
    // "Kumo Observe 3.0 " = 17 × 1; "をリリースしました" = 9 × 2 = 18; 🎉 = 2; " " = 1; URL = 23.
    assert.equal(weightedLength(text), 17 + 18 + 2 + 1 + 23);
    assert.equal(weightedLength(text), 61);
  });

  it('counts a long URL as 23 and accented Latin letters as 1', () => {
    assert.equal(weightedLength(`Café ${'https://example.com/'.padEnd(200, 'a')}`), 5 + 23);
  });

  it('fits 140 Japanese characters in 280, not 141', () => {
    assert.equal(remainingText('x', 'あ'.repeat(140)), 0);
    assert.equal(remainingText('x', 'あ'.repeat(141)), -2);
  });
});

describe('network registry', () => {
  it('knows which intents take text and how each network counts', () => {
    assert.equal(networks.linkedin.takesText, false);
    assert.equal(networks.facebook.takesText, false);
    assert.equal(networks.x.takesText, true);
    assert.equal(networks.bluesky.limit, 300);
    assert.equal(networks.threads.limit, 500);
    // A family emoji is one grapheme for Bluesky, 2 for X.
    assert.equal(countText('bluesky', '👨‍👩‍👧 hi'), 4);
    assert.equal(countText('x', '👨‍👩‍👧 hi'), 5);
    assert.equal(remainingText('facebook', 'anything'), null);
  });

  it('builds intent URLs with the text or only the URL', () => {
    const input = { url: 'https://adv.example.com/r/abc', text: '読んでください https://adv.example.com/r/abc', title: 'Title & more' };
    assert.equal(
      networks.linkedin.intentUrl(input),
      'https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fadv.example.com%2Fr%2Fabc',
    );
    assert.equal(networks.x.intentUrl(input), `https://x.com/intent/post?text=${encodeURIComponent(input.text)}`);
    assert.equal(networks.email.intentUrl(input), `mailto:?subject=Title%20%26%20more&body=${encodeURIComponent(input.text)}`);
    assert.equal(networks.copy.intentUrl(input), null);
  });
});

describe('suggestedCommentaryFor', () => {
  const post = {
    locale: 'ja',
    suggestedCommentary: { ja: { default: '長い日本語の文章', x: '短い文' }, en: { default: 'English text' } },
  } as unknown as Post;

  it('prefers the network’s own text, then the locale’s default, then the post’s language', () => {
    assert.equal(suggestedCommentaryFor(post, 'ja', 'x'), '短い文');
    assert.equal(suggestedCommentaryFor(post, 'ja', 'linkedin'), '長い日本語の文章');
    assert.equal(suggestedCommentaryFor(post, 'en-GB', 'x'), 'English text');
    assert.equal(suggestedCommentaryFor(post, 'de', 'x'), '短い文');
  });
});
