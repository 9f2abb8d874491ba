import { invalid } from '../http/problem.js';
import { DAY_MS } from '../points/periods.js';

export interface Window {
  /** Inclusive ISO start. */
  from: string;
  /** Inclusive ISO end; a date-only `to` covers that whole day. */
  to: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The window from `from`/`to` query values (already format-checked); default the last 30 days. */
export function analyticsWindow(query: { from?: string; to?: string }, now: Date): Window {
  const to = query.to === undefined ? now.getTime() : Date.parse(query.to) + (DATE_ONLY.test(query.to) ? DAY_MS - 1 : 0);
  const from = query.from === undefined ? to - 30 * DAY_MS + 1 : Date.parse(query.from);
  if (Number.isNaN(from) || Number.isNaN(to) || from > to) {
    throw invalid(400, 'The window must start before it ends.', [
      { field: 'from', message: 'must not be after `to`', code: 'invalid_range' },
    ]);
  }
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
