import type { NetworkId } from '@advocacy-kit/core';

/**
 * Estimated people reached by one share, per network: a documented proxy, not a measurement
 * (a typical employee's audience there). The same figures as core's memory backend.
 */
export const ESTIMATED_REACH: Record<NetworkId, number> = {
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
};
