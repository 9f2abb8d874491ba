/** What a weekly digest or a reminder says, before it is rendered for Teams, Slack or email. */
export interface EngagementMessage {
  kind: 'digest' | 'nudge';
  /** The language it is written in: the employee's (Japanese or English). */
  locale: 'en' | 'ja';
  employee: { id: string; displayName: string; team: string; timeZone: string };
  /** Local ISO week, e.g. `2026-W10`: one message of each kind per employee per week. */
  week: string;
  /** Posts published in the last 7 days that the employee may share, topics they shared before first. */
  posts: Array<{ id: string; title: string; summary: string; url: string }>;
  points: { lastSevenDays: number; total: number };
  /** Rank by points over the last 7 days, or null without points. */
  rank: { rank: number; participants: number } | null;
  /** What the employee's shares earned in the last 7 days. */
  results: { shares: number; clicks: number; conversions: number };
  /** Whole days since the last share; null when the employee never shared. */
  daysSinceLastShare: number | null;
}

/** Japanese for employees whose locale is Japanese, English for everyone else. */
export const messageLocale = (locale: string): 'en' | 'ja' => (locale.toLowerCase().startsWith('ja') ? 'ja' : 'en');
