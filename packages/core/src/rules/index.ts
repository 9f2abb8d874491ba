/**
 * @advocacy-kit/core/rules — the business rules every backend applies: points, network weights and the click cap,
 * ledger references, badges, estimated reach, the content-mix targets, the bound on a
 * conversion's value, and compliance (blocked terms, the disclosure and hashtags of a shared text). No dependencies, so browser code can import it cheaply.
 */
export { DEFAULT_RULES, mergeRules, type Rules, type RulesOverrides } from './rules.js';
export { versionAt, type RulesVersion } from './versions.js';
export {
  DEFAULT_NETWORK_WEIGHTS,
  DEFAULT_POINTS,
  clickAwardsPerPostDay,
  clickEarnsPoints,
  clickReference,
  clickReferencePrefix,
  conversionReference,
  isEarning,
  referencedPost,
  sharePoints,
  shareReference,
  suggestionReference,
  type NetworkWeights,
  type PointsRules,
} from './points.js';
export { DEFAULT_BADGES, badgeStandings, type BadgeRules } from './badges.js';
export { DEFAULT_REACH, estimatedReach, type ReachRules } from './reach.js';
export { DEFAULT_CONTENT_MIX, type ContentMixRules } from './content-mix.js';
export { CONVERSION_VALUE_CEILING, DEFAULT_CONVERSION_SOURCE, DEFAULT_CONVERSIONS, type ConversionRules } from './conversions.js';
export { blockedTermsIn, disclosureFor, normalizeText, withDisclosure } from './compliance.js';
export { GOAL_MAX_DAYS, daysInclusive, goalProgress, utcDay, type GoalSpec } from './goals.js';
export { SEARCH_MAX_TERMS, matchesSearch, searchDocument, searchTerms, type Searchable } from './search.js';
export { ianaTimeZone } from './time-zone.js';
