import type { AnalyticsQuery } from '@advocacy-kit/core';

/** A period in days back from now. */
export type Range = '7' | '30' | '90' | '365';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The chosen window ending now, and the window of the same length just before it. */
export function windows(range: Range, now: Date): { current: AnalyticsQuery; previous: AnalyticsQuery } {
  const length = Number(range) * DAY_MS;
  const to = now.getTime();
  const from = to - length;
  const iso = (ms: number) => new Date(ms).toISOString();
  return { current: { from: iso(from), to: iso(to) }, previous: { from: iso(from - length), to: iso(from - 1) } };
}

export type Change = { kind: 'same' } | { kind: 'new' } | { kind: 'ratio'; ratio: number };

/** How `now` compares with `before`: the same, new (nothing before), or a relative change. */
export function compare(now: number, before: number): Change {
  if (now === before) return { kind: 'same' };
  if (before === 0) return { kind: 'new' };
  return { kind: 'ratio', ratio: (now - before) / before };
}
