import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { AnalyticsQuery } from '../backend/contract.js';
import { facade, resource } from '../internal/store.js';
import type { AnalyticsController, AnalyticsPreset, AnalyticsReport, AnalyticsWindow } from './types.js';

export const ANALYTICS_PRESETS: readonly AnalyticsPreset[] = ['7', '30', '90', '365'];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The window asked for (a preset ends now) and the window of the same length just before it,
 * which the report compares against.
 */
export function analyticsWindows(window: AnalyticsWindow, now: Date = new Date()): { current: AnalyticsQuery; previous: AnalyticsQuery } {
  const iso = (ms: number) => new Date(ms).toISOString();
  const to = typeof window === 'string' ? now.getTime() : Date.parse(window.to);
  const from = typeof window === 'string' ? to - Number(window) * DAY_MS : Date.parse(window.from);
  const current = typeof window === 'string' ? { from: iso(from), to: iso(to) } : { from: window.from, to: window.to };
  const length = Math.max(to - from, 0);
  return { current, previous: { from: iso(from - length), to: iso(from - 1) } };
}

export interface AnalyticsOptions {
  backend: AdvocacyBackend;
  /** Default `30` (the last 30 days). */
  window?: AnalyticsWindow;
  now?: () => Date;
}

/**
 * The program's results as a lazy store: the summaries of the window and of the window before
 * it, with the team names. Changing the window refetches while subscribed; a slower answer for
 * an older window never replaces a newer one.
 */
export function createAnalytics(options: AnalyticsOptions): AnalyticsController {
  const { backend, now = () => new Date() } = options;
  const $window = atom<AnalyticsWindow>(options.window ?? '30');
  const report = resource<AnalyticsReport>(async () => {
    const { current, previous } = analyticsWindows($window.value!, now());
    const [summary, before, teams] = await Promise.all([
      backend.admin.getAnalytics(current),
      backend.admin.getAnalytics(previous),
      backend.listTeams(),
    ]);
    return { current: summary, previous: before, teams };
  });
  return {
    store: report.store,
    window: facade($window),
    setWindow(window) {
      const current = $window.value!;
      const same =
        typeof window === 'string' || typeof current === 'string'
          ? window === current
          : window.from === current.from && window.to === current.to;
      if (!same) report.set($window, window);
    },
    refresh: report.refresh,
  };
}
