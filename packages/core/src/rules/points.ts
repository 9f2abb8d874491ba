import type { NetworkId } from '../backend/index.js';

/** How many points each kind of contribution earns, and the daily cap on click points. */
export interface PointsRules {
  /** Once per employee, post and network. */
  share: number;
  /** Per unique human click, within `clickDailyCapPerShare`. */
  click: number;
  /** Once per conversion. */
  conversion: number;
  /** Once, when the suggestion is approved. */
  suggestion: number;
  /** Most click points one share earns in one UTC day. */
  clickDailyCapPerShare: number;
}

export const DEFAULT_POINTS: Readonly<PointsRules> = /* @__PURE__ */ Object.freeze({
  share: 10,
  click: 2,
  conversion: 50,
  suggestion: 20,
  clickDailyCapPerShare: 20,
});

// A ledger awards a (reason, reference) pair once; these builders name what each reason counts.

/** Sharing the same post to the same network again earns nothing. */
export const shareReference = (employeeId: string, postId: string, network: NetworkId): string => `${employeeId}:${postId}:${network}`;

/**
 * The `slot`-th click award (from 1) of a tracking link on a UTC day (`YYYY-MM-DD`). Naming the
 * slot makes the daily cap hold across instances: two writers of the same slot collide.
 */
export const clickReference = (code: string, day: string, slot: number): string => `${clickReferencePrefix(code, day)}${slot}`;

/** What every click reference of a link on a day starts with (to count the awards so far). */
export const clickReferencePrefix = (code: string, day: string): string => `${code}:${day}:`;

/** A conversion is awarded once, by its id. */
export const conversionReference = (conversionId: string): string => conversionId;

/** An approved suggestion is awarded once, by its id. */
export const suggestionReference = (suggestionId: string): string => suggestionId;

/** How many click awards one share can earn in a UTC day: the cap divided by the click points. */
export const clickAwardsPerShareDay = (points: PointsRules): number =>
  points.click <= 0 ? 0 : Math.floor(points.clickDailyCapPerShare / points.click);

/** Whether a unique click earns points, given how many clicks of its share earned points that day. */
export const clickEarnsPoints = (points: PointsRules, awardedToday: number): boolean => awardedToday < clickAwardsPerShareDay(points);
