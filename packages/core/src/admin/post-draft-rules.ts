import type { NetworkId, PostInput, SuggestedCommentary } from '../backend/contract.js';
import { NETWORK_IDS } from '../backend/contract.js';
import { isHttpUrl } from '../links/url.js';
import { countText, networks } from '../share/networks.js';
import type { DraftErrors, DraftFieldError, DraftSource, PostDraft, PostField } from './types.js';

/** The limits the reference server's schema enforces on a post (`PostInput`). */
export const POST_LIMITS = {
  title: 300,
  summary: 2000,
  source: 200,
  url: 2048,
  commentary: 3000,
  hashtag: 100,
  hashtags: 30,
  topics: 30,
  teams: 200,
} as const;

/** The draft field a server error path (`topics.0`, `/audience/teams/1`, `suggestedCommentary.ja.x`) belongs to. */
export function fieldOf(path: string): PostField | undefined {
  const head = path.replace(/^\//, '').split(/[./]/)[0]!;
  // The fields are the draft's own keys.
  return Object.hasOwn(draftFrom(), head) ? (head as PostField) : undefined;
}

/** A draft from a post being edited, a suggestion being approved, prefilled values, or nothing. */
export function draftFrom(source: DraftSource = {}): PostDraft {
  const { post, suggestion } = source;
  const from: Omit<Partial<PostInput>, 'status'> & { status?: string } = post ?? source.prefill ?? {};
  return {
    kind: from.kind ?? 'curated',
    title: from.title ?? '',
    summary: from.summary ?? suggestion?.note ?? '',
    url: from.url ?? suggestion?.url ?? '',
    imageUrl: from.imageUrl ?? '',
    source: from.source ?? '',
    locale: from.locale ?? source.locale ?? 'en',
    topics: [...(from.topics ?? suggestion?.topics ?? [])],
    audience: { teams: [...(from.audience?.teams ?? [])], roles: [...(from.audience?.roles ?? [])] },
    networks: [...(from.networks ?? [])],
    suggestedCommentary: structuredClone(from.suggestedCommentary ?? {}),
    hashtags: (from.hashtags ?? []).join(' '),
    publishAt: from.publishAt ?? null,
    expireAt: from.expireAt ?? null,
    status: from.status === 'draft' ? 'draft' : 'published',
  };
}

/** Hashtags as typed (`#launch, product`) as the contract's list (`['launch', 'product']`). */
export const parseHashtags = (text: string): string[] =>
  text
    .split(/[\s,、]+/)
    .map((tag) => tag.replace(/^[#＃]/, ''))
    .filter(Boolean);

/** The draft as the contract's `PostInput`: text trimmed, empty commentary dropped. */
export function toPostInput(draft: PostDraft, status: 'draft' | 'published' = draft.status): PostInput {
  const commentary: SuggestedCommentary = {};
  for (const [locale, byNetwork] of Object.entries(draft.suggestedCommentary)) {
    const kept = Object.fromEntries(Object.entries(byNetwork).filter(([, text]) => text?.trim()));
    if (Object.keys(kept).length > 0) commentary[locale] = kept;
  }
  const source = draft.source.trim();
  return {
    kind: draft.kind,
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    url: draft.url.trim(),
    imageUrl: draft.imageUrl.trim() || null,
    ...(source ? { source } : {}),
    locale: draft.locale,
    suggestedCommentary: commentary,
    hashtags: parseHashtags(draft.hashtags),
    topics: [...draft.topics],
    audience: { teams: [...draft.audience.teams], roles: [...draft.audience.roles] },
    networks: [...draft.networks],
    publishAt: draft.publishAt,
    expireAt: draft.expireAt,
    status,
  };
}

/** Deep equality of JSON values, ignoring key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** What an update has to send: the fields that differ from `original`, and the status. */
export function toPatch(original: PostDraft, draft: PostDraft, status: 'draft' | 'published' = draft.status): Partial<PostInput> {
  const before = toPostInput(original) as unknown as Record<string, unknown>;
  const after = toPostInput(draft, status) as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = { status };
  for (const [key, value] of Object.entries(after)) if (!sameValue(before[key], value)) patch[key] = value;
  return patch as Partial<PostInput>;
}

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
  const candidates = (allowed.length > 0 ? allowed : NETWORK_IDS).filter((id) => networks[id].limit !== null && !own.includes(id));
  const strictest = [...candidates].sort((a, b) => networks[a].limit! - networks[b].limit!)[0];
  return strictest ? { network: strictest, limit: networks[strictest].limit } : { network: 'copy', limit: null };
}

/**
 * How long the text of one slot (`default` or a network) of one language's commentary counts on
 * the network it goes to, and whether that is over the network's limit.
 */
export function commentaryCount(
  byNetwork: Partial<Record<NetworkId | 'default', string>>,
  slot: NetworkId | 'default',
  allowed: readonly NetworkId[],
): { used: number; limit: number | null; over: boolean } {
  const { network, limit } = commentaryLimit(slot, allowed, Object.keys(byNetwork) as (NetworkId | 'default')[]);
  const used = countText(network, byNetwork[slot] ?? '');
  return { used, limit, over: limit !== null && used > limit };
}

const error = (code: DraftFieldError['code'], message: string, max?: number): DraftFieldError =>
  max === undefined ? { code, message } : { code, message, max };
const tooLong = (max: number) => error('too_long', `must be at most ${max} characters`, max);
const tooMany = (max: number) => error('too_many', `must have at most ${max} items`, max);

/**
 * The draft's errors by field: what the server's schema enforces (a title, http(s) links, lengths
 * and counts) and what the editor adds (expiry after publishing, commentary within its networks'
 * limits). The server checks again, and its errors win.
 */
export function validateDraft(draft: PostDraft): DraftErrors {
  const errors: DraftErrors = {};
  const input = toPostInput(draft);
  // Each field reports its first problem: missing, then not a link, then too long or too many.
  const fail = (field: PostField, problem: DraftFieldError) => (errors[field] ??= problem);
  for (const field of ['url', 'title', 'locale'] as const) if (!input[field]) fail(field, error('required', 'is required'));
  for (const field of ['url', 'imageUrl'] as const) {
    const link = input[field];
    if (link && !isHttpUrl(link)) fail(field, error('invalid_url', 'must be an http(s) URL'));
  }
  for (const field of ['url', 'title', 'summary', 'source'] as const) {
    if ((input[field] ?? '').length > POST_LIMITS[field]) fail(field, tooLong(POST_LIMITS[field]));
  }
  const hashtags = input.hashtags ?? [];
  if (hashtags.length > POST_LIMITS.hashtags) fail('hashtags', tooMany(POST_LIMITS.hashtags));
  if (hashtags.some((tag) => tag.length > POST_LIMITS.hashtag)) fail('hashtags', tooLong(POST_LIMITS.hashtag));
  if (draft.topics.length > POST_LIMITS.topics) fail('topics', tooMany(POST_LIMITS.topics));
  if (draft.audience.teams.length > POST_LIMITS.teams) fail('audience', tooMany(POST_LIMITS.teams));
  if (input.publishAt && input.expireAt && Date.parse(input.expireAt) <= Date.parse(input.publishAt)) {
    fail('expireAt', error('before_publish', 'must be after publishAt'));
  }
  for (const byNetwork of Object.values(input.suggestedCommentary ?? {})) {
    for (const [slot, text] of Object.entries(byNetwork)) {
      if ((text ?? '').length > POST_LIMITS.commentary) fail('suggestedCommentary', tooLong(POST_LIMITS.commentary));
      else if (commentaryCount(byNetwork, slot as NetworkId | 'default', draft.networks).over) {
        fail('suggestedCommentary', error('over_limit', 'is longer than its network allows'));
      }
    }
  }
  return errors;
}
