import type { Post, PostInput } from '../backend/index.js';

/**
 * The input a stored post was made from, so a patch can be merged with it and the whole
 * validated again (an edit form, or a backend's update).
 */
export function inputOf(post: Post): PostInput {
  return {
    kind: post.kind,
    title: post.title,
    summary: post.summary,
    url: post.url,
    imageUrl: post.imageUrl,
    source: post.source,
    locale: post.locale,
    suggestedCommentary: post.suggestedCommentary,
    hashtags: post.hashtags,
    topics: post.topics,
    audience: post.audience,
    networks: post.networks,
    publishAt: post.publishAt,
    expireAt: post.expireAt,
    status: post.status === 'draft' ? 'draft' : 'published',
  };
}
