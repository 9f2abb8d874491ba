import { DEFAULT_BADGES, type BadgeRules } from './badges.js';
import { DEFAULT_CONTENT_MIX, type ContentMixRules } from './content-mix.js';
import { DEFAULT_CONVERSIONS, type ConversionRules } from './conversions.js';
import { DEFAULT_NETWORK_WEIGHTS, DEFAULT_POINTS, type NetworkWeights, type PointsRules } from './points.js';
import { DEFAULT_REACH, type ReachRules } from './reach.js';

/** The business rules of a program: what earns points, badges, estimated reach, the content-mix targets and the bound on conversions. */
export interface Rules {
  points: PointsRules;
  /** What a share to each network earns, as a factor of `points.share`. */
  networkWeights: NetworkWeights;
  badges: BadgeRules;
  /** Estimated people reached by one share, per network. */
  reach: ReachRules;
  /** The content-mix targets (6-3-1 by default). */
  contentMix: ContentMixRules;
  /** The largest value one reported conversion may carry. */
  conversions: ConversionRules;
}

/** Any part of the rules, to change only what differs from the defaults. */
export type RulesOverrides = { [Group in keyof Rules]?: Partial<Rules[Group]> };

/** The rules the reference server and the memory backend apply unless configured otherwise. */
export const DEFAULT_RULES: Readonly<Rules> = /* @__PURE__ */ Object.freeze({
  points: DEFAULT_POINTS,
  networkWeights: DEFAULT_NETWORK_WEIGHTS,
  badges: DEFAULT_BADGES,
  reach: DEFAULT_REACH,
  contentMix: DEFAULT_CONTENT_MIX,
  conversions: DEFAULT_CONVERSIONS,
});

/** Copies only the values that are set: an `undefined` in an override keeps the base value. */
function merge<T extends object>(base: T, override: Partial<T> | undefined): T {
  const merged = { ...base };
  for (const [key, value] of Object.entries(override ?? {})) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** New rules: `base` with every value set in `overrides` replaced; neither argument changes. */
export function mergeRules(base: Readonly<Rules>, overrides: RulesOverrides = {}): Rules {
  return {
    points: merge(base.points, overrides.points),
    networkWeights: merge(base.networkWeights, overrides.networkWeights),
    badges: merge(base.badges, overrides.badges),
    reach: merge(base.reach, overrides.reach),
    contentMix: merge(base.contentMix, overrides.contentMix),
    conversions: merge(base.conversions, overrides.conversions),
  };
}
