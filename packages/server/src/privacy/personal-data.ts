import type { PersonalDataExport } from '@advocacy-kit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { toPointsEntry, toShare, toSuggestion } from '../db/rows.js';
import { getPreferences } from '../engagement/preferences.js';
import { awardBadges } from '../gamification/badges.js';
import type { BadgeRules } from '@advocacy-kit/core/rules';
import { toAuditEntry } from './audit-log.js';

/**
 * Everything stored about one person, read only through their id: their profile, their shares
 * with the counts of clicks and conversions on their links (counts only: visitors are never
 * identified), the ledger, suggestions, badges, preferences, how many events of each type, and the
 * audit entries whose target they are. null when there is no such person.
 */
export async function personalData(
  db: Kysely<Database>,
  employeeId: string,
  options: { publicUrl: string; badges: BadgeRules; now: Date },
): Promise<PersonalDataExport | null> {
  const employee = await db.selectFrom('employees').selectAll().where('id', '=', employeeId).executeTakeFirst();
  if (employee === undefined) return null;
  const [shares, clicksByShare, clicksByDay, conversionsByShare, ledger, suggestions, events, audit] = await Promise.all([
    db.selectFrom('shares').selectAll().where('employee_id', '=', employeeId).orderBy('created_at').orderBy('id').execute(),
    db
      .selectFrom('clicks')
      .innerJoin('shares', 'shares.tracking_code', 'clicks.code')
      .select(['clicks.share_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('shares.employee_id', '=', employeeId)
      .groupBy('clicks.share_id')
      .execute(),
    db
      .selectFrom('clicks')
      .innerJoin('shares', 'shares.tracking_code', 'clicks.code')
      .select(['clicks.day', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('shares.employee_id', '=', employeeId)
      .groupBy('clicks.day')
      .orderBy('clicks.day')
      .execute(),
    db
      .selectFrom('conversions')
      .select(['share_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('employee_id', '=', employeeId)
      .groupBy('share_id')
      .execute(),
    db.selectFrom('points_ledger').selectAll().where('employee_id', '=', employeeId).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('suggestions').selectAll().where('employee_id', '=', employeeId).orderBy('created_at').orderBy('id').execute(),
    db
      .selectFrom('events')
      .select(['type', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('employee_id', '=', employeeId)
      .groupBy('type')
      .orderBy('type')
      .execute(),
    db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_kind', '=', 'employee')
      .where('target_id', '=', employeeId)
      .orderBy('at')
      .orderBy('id')
      .execute(),
  ]);
  const clicks = new Map(clicksByShare.map((row) => [row.share_id, Number(row.n)]));
  const conversions = new Map(conversionsByShare.map((row) => [row.share_id, Number(row.n)]));
  const byDay = clicksByDay.map((row) => ({ day: row.day, clicks: Number(row.n) }));
  return {
    exportedAt: options.now.toISOString(),
    employee: {
      id: employee.id,
      displayName: employee.display_name,
      email: employee.email,
      team: employee.team_id,
      role: employee.role === 'admin' ? 'admin' : 'employee',
      locale: employee.locale,
      timeZone: employee.time_zone,
      avatarUrl: employee.avatar_url,
      policyAcceptedAt: employee.policy_accepted_at,
      status: employee.status === 'deactivated' ? 'deactivated' : 'active',
      createdAt: employee.created_at || null,
      lastActiveAt: employee.last_active_at,
    },
    shares: shares.map((row) => {
      const { employeeId: _self, ...share } = toShare(row, options.publicUrl);
      return { ...share, clicks: clicks.get(row.id) ?? 0, conversions: conversions.get(row.id) ?? 0 };
    }),
    clicks: { total: byDay.reduce((sum, row) => sum + row.clicks, 0), byDay },
    points: ledger.map(toPointsEntry),
    suggestions: suggestions.map(toSuggestion),
    badges: await awardBadges(db, employeeId, options.badges),
    preferences: await getPreferences(db, employeeId),
    events: events.map((row) => ({ type: row.type, count: Number(row.n) })),
    audit: audit.map(toAuditEntry),
  };
}
