import type { DemoSeed } from '@advocacy-kit/core/memory';
import type { Db } from '../db/database.js';

/** The seed's enrollment mode, invitations and answers, and goals; loading it twice adds nothing. */
export async function seedPilots(db: Db, seed: DemoSeed): Promise<void> {
  if (seed.enrollment !== undefined && seed.enrollment !== 'open') {
    await db
      .insertInto('program_enrollment')
      .values({ id: 'program', enrollment: seed.enrollment, updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  for (const member of seed.members ?? []) {
    await db
      .insertInto('program_members')
      .values({
        employee_id: member.employeeId,
        state: member.state,
        invited_at: member.invitedAt,
        invited_via: member.invitedVia,
        responded_at: member.respondedAt,
        updated_at: member.respondedAt ?? member.invitedAt ?? new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('employee_id').doNothing())
      .execute();
  }
  for (const goal of seed.goals ?? []) {
    await db
      .insertInto('program_goals')
      .values({
        id: goal.id,
        title: goal.title,
        metric: goal.metric,
        target: goal.target,
        from_day: goal.from,
        to_day: goal.to,
        team_id: goal.team ?? null,
        archived: 0,
        created_at: goal.createdAt,
        updated_at: goal.createdAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}
