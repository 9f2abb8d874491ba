import type { AnalyticsPreset } from '@advocacy-kit/core/admin';

/** A period in days back from now (core's analytics presets). */
export type Range = AnalyticsPreset;

/** The chosen window ending now, and the window of the same length just before it. */
export { analyticsWindows as windows } from '@advocacy-kit/core/admin';

export type Change = { kind: 'same' } | { kind: 'new' } | { kind: 'ratio'; ratio: number };

/** How `now` compares with `before`: the same, new (nothing before), or a relative change. */
export function compare(now: number, before: number): Change {
  if (now === before) return { kind: 'same' };
  if (before === 0) return { kind: 'new' };
  return { kind: 'ratio', ratio: (now - before) / before };
}
