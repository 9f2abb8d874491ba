import { countText, type NetworkId, type PostInput } from '@advocacy-kit/core';
import { networks } from '@advocacy-kit/core/share';
import type { PostEditorStrings } from '../i18n/index.js';

/** The editor's fields that can carry an error message. */
export type PostField = 'url' | 'title' | 'summary' | 'imageUrl' | 'kind' | 'locale' | 'topics' | 'audience' | 'suggestedCommentary' | 'hashtags' | 'publishAt' | 'expireAt' | 'networks' | 'status';

const FIELDS: readonly PostField[] = ['url', 'title', 'summary', 'imageUrl', 'kind', 'locale', 'topics', 'audience', 'suggestedCommentary', 'hashtags', 'publishAt', 'expireAt', 'networks', 'status'];

/** The field a server error path (`topics.0`, `audience.teams.1`, `suggestedCommentary.ja.x`) belongs to. */
export function fieldOf(path: string): PostField | undefined {
  const head = path.replace(/^\//, '').split(/[./]/)[0];
  return FIELDS.find((field) => field === head);
}

const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/**
 * The network a text is counted for and its limit. `default` text goes to every allowed network
 * without a text of its own, so it is held to the strictest of those.
 */
export function commentaryLimit(
  network: NetworkId | 'default',
  allowed: readonly NetworkId[],
  own: readonly (NetworkId | 'default')[] = [],
): { network: NetworkId; limit: number | null } {
  if (network !== 'default') return { network, limit: networks[network].limit };
  const candidates = (allowed.length > 0 ? allowed : (Object.keys(networks) as NetworkId[])).filter(
    (id) => networks[id].limit !== null && !own.includes(id),
  );
  const strictest = candidates.sort((a, b) => networks[a].limit! - networks[b].limit!)[0];
  return strictest ? { network: strictest, limit: networks[strictest].limit } : { network: 'copy', limit: null };
}

/** Is `text` over the limit of the network it is for? */
export function isOverLimit(network: NetworkId | 'default', text: string, allowed: readonly NetworkId[], own: readonly (NetworkId | 'default')[]): boolean {
  const { network: countAs, limit } = commentaryLimit(network, allowed, own);
  return limit !== null && countText(countAs, text) > limit;
}

/** What the editor checks before sending; the server checks again and its errors win. */
export function validatePost(input: PostInput, t: PostEditorStrings): Partial<Record<PostField, string>> {
  const errors: Partial<Record<PostField, string>> = {};
  if (!input.url) errors.url = t.urlRequired;
  else if (!isHttpUrl(input.url)) errors.url = t.urlInvalid;
  if (!input.title) errors.title = t.titleRequired;
  if (input.imageUrl && !isHttpUrl(input.imageUrl)) errors.imageUrl = t.imageInvalid;
  if (input.publishAt && input.expireAt && Date.parse(input.expireAt) <= Date.parse(input.publishAt)) {
    errors.expireAt = t.expireBeforePublish;
  }
  const allowed = input.networks ?? [];
  const tooLong = Object.values(input.suggestedCommentary ?? {}).some((byNetwork) =>
    Object.entries(byNetwork).some(([network, text]) =>
      isOverLimit(network as NetworkId | 'default', text ?? '', allowed, Object.keys(byNetwork) as NetworkId[]),
    ),
  );
  if (tooLong) errors.suggestedCommentary = t.commentaryTooLong;
  return errors;
}
