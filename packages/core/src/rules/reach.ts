import type { NetworkId } from '../backend/index.js';

/**
 * Estimated people reached by one share, per network. A documented proxy, not a measurement:
 * a typical employee's audience on each network.
 */
export type ReachRules = Record<NetworkId, number>;

export const DEFAULT_REACH: Readonly<ReachRules> = /* @__PURE__ */ Object.freeze({
  linkedin: 600,
  x: 400,
  facebook: 300,
  threads: 250,
  bluesky: 150,
  xing: 200,
  line: 30,
  hatena: 100,
  email: 5,
  copy: 20,
  native: 20,
});

/** The estimated reach of shares counted per network (an unknown network reaches no one). */
export function estimatedReach(reach: Readonly<ReachRules>, sharesByNetwork: Iterable<readonly [network: string, shares: number]>): number {
  let total = 0;
  for (const [network, shares] of sharesByNetwork) total += shares * (reach[network as NetworkId] ?? 0);
  return total;
}
