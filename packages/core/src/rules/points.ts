import type { NetworkId } from '../backend/index.js';

/** How many points each kind of contribution earns, and the daily cap on click points. */
export interface PointsRules {
  /** Once per employee, post and network, times the network's weight (`sharePoints`). */
  share: number;
  /** Per unique human visitor (network address) of an employee's links to a post, within `clickDailyCapPerPost`. */
  click: number;
  /** Once per conversion. */
  conversion: number;
  /** Once, when the suggestion is approved. */
  suggestion: number;
  /** Most click points one employee earns from one post in one UTC day, across all their shares of it. */
  clickDailyCapPerPost: number;
}

/**
 * Clicks are the main source by default: a unique human click on the tracking link is proof that
 * the share reached someone, so two clicks earn as much as a share to a network and three earn
 * more; the cap (ten click awards per employee, post and day) keeps a viral post from swamping the
 * leaderboard.
 */
export const DEFAULT_POINTS: Readonly<PointsRules> = /* @__PURE__ */ Object.freeze({
  share: 10,
  click: 5,
  conversion: 50,
  suggestion: 20,
  clickDailyCapPerPost: 50,
});

/**
 * What a share to each network earns, as a factor of `points.share` (0 to 10); a network not
 * listed weighs 1. Copying the link, sending it by email or through the device's share sheet
 * leaves no public post anyone could check, so these earn a fifth by default; their clicks still
 * earn in full.
 */
export type NetworkWeights = Partial<Record<NetworkId, number>>;

export const DEFAULT_NETWORK_WEIGHTS: Readonly<NetworkWeights> = /* @__PURE__ */ Object.freeze({ email: 0.2, copy: 0.2, native: 0.2 });

/** The points a first share to `network` earns: the share points times its weight, rounded (an unknown network weighs 1). */
export const sharePoints = (rules: { points: PointsRules; networkWeights: Readonly<NetworkWeights> }, network: string): number =>
  Math.round(rules.points.share * (rules.networkWeights[network as NetworkId] ?? 1));

// A ledger awards a (reason, reference) pair once; these builders name what each reason counts.

/** Sharing the same post to the same network again earns nothing. */
export const shareReference = (employeeId: string, postId: string, network: NetworkId): string => `${employeeId}:${postId}:${network}`;

/**
 * The `slot`-th click award (from 1) of an employee for a post on a UTC day (`YYYY-MM-DD`),
 * whichever of their shares of the post was clicked. Naming the slot makes the daily cap hold
 * across instances: two writers of the same slot collide.
 */
export const clickReference = (employeeId: string, postId: string, day: string, slot: number): string =>
  `${clickReferencePrefix(employeeId, postId, day)}${slot}`;

/**
 * What every click reference of an employee and post on a day starts with (to count the awards
 * so far). The ids are URI-encoded, so no ':' inside one makes another pair's prefix.
 */
export const clickReferencePrefix = (employeeId: string, postId: string, day: string): string =>
  `${encodeURIComponent(employeeId)}:${encodeURIComponent(postId)}:${day}:`;

/** A conversion is awarded once, by its id. */
export const conversionReference = (conversionId: string): string => conversionId;

/** An approved suggestion is awarded once, by its id. */
export const suggestionReference = (suggestionId: string): string => suggestionId;

/**
 * How many click awards one employee can earn from one post in a UTC day, across all their shares
 * of it: the cap divided by the click points.
 */
export const clickAwardsPerPostDay = (points: PointsRules): number =>
  points.click <= 0 ? 0 : Math.floor(points.clickDailyCapPerPost / points.click);

/**
 * Whether a new point-earning visitor earns points, given how many click awards the employee had
 * from that post that day. A visitor earns once per employee, post and day, counted by network
 * address and never by user agent; the sharer's own clicks earn nothing (backends decide who that is).
 */
export const clickEarnsPoints = (points: PointsRules, awardedToday: number): boolean => awardedToday < clickAwardsPerPostDay(points);

/**
 * Whether a ledger row counts as points earned (leaderboards, contests, stats): every reason but
 * the reward holds and releases, which only move points the employee already earned. A manual
 * grant or deduction by an admin does count.
 */
export const isEarning = (reason: string): boolean => reason !== 'reward_hold' && reason !== 'reward_release';

/**
 * The post (and network, for a share) a `share` or `click` ledger row of `employeeId` is about,
 * read back from its reference; `null` for other reasons or a reference these builders did not
 * make. Conversions, suggestions and rewards name their row by id: a backend looks those up.
 */
export function referencedPost(
  reason: string,
  reference: string,
  employeeId: string,
): { postId: string; network: NetworkId | null } | null {
  if (reason === 'share') {
    const prefix = `${employeeId}:`;
    if (!reference.startsWith(prefix)) return null;
    const rest = reference.slice(prefix.length);
    const split = rest.lastIndexOf(':');
    return split > 0 ? { postId: rest.slice(0, split), network: rest.slice(split + 1) as NetworkId } : null;
  }
  if (reason === 'click') {
    const [employee, post] = reference.split(':');
    try {
      return employee !== undefined && post && decodeURIComponent(employee) === employeeId
        ? { postId: decodeURIComponent(post), network: null }
        : null;
    } catch {
      return null;
    }
  }
  return null;
}
