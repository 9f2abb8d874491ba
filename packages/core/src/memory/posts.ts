import { CONTENT_KINDS, NETWORK_IDS, type Employee, type Post, type PostInput, type PostStatus, type Topic } from '../backend/contract.js';
import { FieldErrors, isHttpUrl, isTimestamp, nonEmpty } from './validate.js';

/** The status a post has at `now`: a published post whose time has not come is `scheduled`. */
export function statusAt(post: Post, now: Date): PostStatus {
  if (post.status !== 'published' && post.status !== 'scheduled') return post.status;
  return Date.parse(post.publishAt) > now.getTime() ? 'scheduled' : 'published';
}

/** Whether the employee's feed shows the post at `now`: published, not expired, in the audience. */
export function isVisible(post: Post, employee: Employee, now: Date): boolean {
  const { teams, roles } = post.audience;
  return (
    statusAt(post, now) === 'published' &&
    (post.expireAt === null || Date.parse(post.expireAt) > now.getTime()) &&
    (teams.length === 0 || teams.includes(employee.team)) &&
    (roles.length === 0 || roles.includes(employee.role))
  );
}

/** A copy of the post with its status as of `now`. */
export const present = (post: Post, now: Date): Post => ({ ...structuredClone(post), status: statusAt(post, now) });

export const TITLE_MAX = 300;
export const SUMMARY_MAX = 2000;
export const COMMENTARY_MAX = 3000;

/** Checks a complete post input against the contract and the known topics and teams. */
export function validatePostInput(input: PostInput, topics: Topic[], teamIds: string[]): void {
  const e = new FieldErrors();
  e.check(CONTENT_KINDS.includes(input.kind), 'kind', 'must be curated, owned or promotional', 'invalid_enum');
  if (e.check(nonEmpty(input.title), 'title', 'is required', 'required')) {
    e.check(input.title.length <= TITLE_MAX, 'title', `must be at most ${TITLE_MAX} characters`, 'too_long');
  }
  e.check(typeof input.summary === 'string', 'summary', 'must be text', 'invalid_type');
  if (typeof input.summary === 'string') {
    e.check(input.summary.length <= SUMMARY_MAX, 'summary', `must be at most ${SUMMARY_MAX} characters`, 'too_long');
  }
  e.check(isHttpUrl(input.url), 'url', 'must be an http(s) URL', 'invalid_url');
  if (input.imageUrl != null) e.check(isHttpUrl(input.imageUrl), 'imageUrl', 'must be an http(s) URL', 'invalid_url');
  e.check(nonEmpty(input.locale), 'locale', 'is required', 'required');
  (input.topics ?? []).forEach((topic, i) =>
    e.check(
      topics.some((t) => t.id === topic),
      `topics.${i}`,
      `unknown topic "${topic}"`,
      'unknown_topic',
    ),
  );
  (input.networks ?? []).forEach((network, i) =>
    e.check(NETWORK_IDS.includes(network), `networks.${i}`, `unknown network "${network}"`, 'unknown_network'),
  );
  (input.audience?.teams ?? []).forEach((team, i) =>
    e.check(teamIds.includes(team), `audience.teams.${i}`, `unknown team "${team}"`, 'unknown_team'),
  );
  (input.audience?.roles ?? []).forEach((role, i) =>
    e.check(role === 'employee' || role === 'admin', `audience.roles.${i}`, 'must be employee or admin', 'invalid_enum'),
  );
  for (const [locale, byNetwork] of Object.entries(input.suggestedCommentary ?? {})) {
    for (const [network, text] of Object.entries(byNetwork)) {
      const field = `suggestedCommentary.${locale}.${network}`;
      if (network !== 'default' && !e.check(NETWORK_IDS.includes(network as never), field, 'unknown network', 'unknown_network')) continue;
      e.check(typeof text === 'string' && text.length <= COMMENTARY_MAX, field, `must be at most ${COMMENTARY_MAX} characters`, 'too_long');
    }
  }
  if (input.publishAt != null) e.check(isTimestamp(input.publishAt), 'publishAt', 'must be an ISO 8601 time', 'invalid_date');
  if (input.expireAt != null && e.check(isTimestamp(input.expireAt), 'expireAt', 'must be an ISO 8601 time', 'invalid_date')) {
    if (input.publishAt != null && isTimestamp(input.publishAt)) {
      e.check(Date.parse(input.expireAt) > Date.parse(input.publishAt), 'expireAt', 'must be after publishAt', 'out_of_range');
    }
  }
  if (input.status !== undefined) {
    e.check(input.status === 'draft' || input.status === 'published', 'status', 'must be draft or published', 'invalid_enum');
  }
  e.throwIfAny();
}

/** Builds a stored post from a validated input. */
export function postFromInput(id: string, input: PostInput, now: Date, createdAt = now.toISOString()): Post {
  const iso = (value: string) => new Date(value).toISOString();
  return {
    id,
    kind: input.kind,
    status: input.status === 'draft' ? 'draft' : 'published',
    title: input.title.trim(),
    summary: input.summary,
    url: input.url,
    imageUrl: input.imageUrl ?? null,
    source: input.source ?? new URL(input.url).hostname,
    locale: input.locale,
    suggestedCommentary: structuredClone(input.suggestedCommentary ?? {}),
    hashtags: [...(input.hashtags ?? [])],
    topics: [...(input.topics ?? [])],
    audience: { teams: [...(input.audience?.teams ?? [])], roles: [...(input.audience?.roles ?? [])] },
    networks: [...(input.networks ?? [])],
    publishAt: input.publishAt ? iso(input.publishAt) : now.toISOString(),
    expireAt: input.expireAt ? iso(input.expireAt) : null,
    createdAt,
    updatedAt: now.toISOString(),
  };
}
