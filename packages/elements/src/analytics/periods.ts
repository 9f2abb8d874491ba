import type { ContentKind } from '@advocacy-kit/core';
import type { AnalyticsPreset } from '@advocacy-kit/core/admin';

/** A period in days back from now (core's analytics presets). */
export type Range = AnalyticsPreset;

/** The chosen window ending now, and the window of the same length just before it. */
export { analyticsWindows as windows } from '@advocacy-kit/core/admin';

/** The 6-3-1 content mix: six curated, three owned, one promotional in ten. */
export const MIX_TARGET: Readonly<Record<ContentKind, number>> = { curated: 0.6, owned: 0.3, promotional: 0.1 };

export type Change = { kind: 'same' } | { kind: 'new' } | { kind: 'ratio'; ratio: number };

/** How `now` compares with `before`: the same, new (nothing before), or a relative change. */
export function compare(now: number, before: number): Change {
  if (now === before) return { kind: 'same' };
  if (before === 0) return { kind: 'new' };
  return { kind: 'ratio', ratio: (now - before) / before };
}
