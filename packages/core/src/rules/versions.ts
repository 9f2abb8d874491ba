import type { RulesOverrides } from './rules.js';

/** A version of the rules: what it changes over the defaults, from when. */
export interface RulesVersion {
  rules: RulesOverrides;
  /** From when it applies (UTC, as `toISOString()` writes it), until a later version takes over. */
  effectiveFrom: string;
}

/**
 * The version in effect at `at` (as `toISOString()` writes it) among `versions` in effective
 * order (earliest first; on a tie, the one created last wins): the last one not after `at`.
 * Versions do not add up: the rules then are `mergeRules(defaults, versionAt(versions, at)?.rules)`.
 */
export function versionAt<V extends RulesVersion>(versions: readonly V[], at: string): V | undefined {
  let found: V | undefined;
  for (const version of versions) if (version.effectiveFrom <= at) found = version;
  return found;
}
