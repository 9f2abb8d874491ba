import type { InvitationResult } from '@advocacy-kit/core';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.js';
import type { AppEnv, Services } from '../context.js';
import { decodeCursor, toPage } from '../http/cursor.js';
import { handle } from '../http/operation.js';
import { invalid, notFound } from '../http/problem.js';
import { nowIso } from '../ids.js';
import { deliveryContext, queueInvitation } from '../delivery/outbox.js';
import { enrollmentOf, membershipOf, stateOf, toMember, type MemberListRow } from './membership.js';

/** Enrollment, the member list, invitations and the employee's answer. */
export function pilotRoutes(api: Hono<AppEnv>, s: Services): void {
  const delivery = deliveryContext(s.config, s.clickSalt);
  handle(api, s, 'getMyMembership', async (c, { reply }) => reply(await membershipOf(s.db, c.get('employee').id)));

  handle(api, s, 'respondToInvitation', async (c, { body, reply }) => {
    const me = c.get('employee');
    await s.limits.writes.take(me.id);
    const now = nowIso();
    await s.db.transaction().execute(async (trx) => {
      const { enrollment } = await enrollmentOf(trx);
      const before = await trx.selectFrom('program_members').selectAll().where('employee_id', '=', me.id).executeTakeFirst();
      // In invitation enrollment only an invitation can be answered; in open enrollment anyone may join or opt out.
      if (before === undefined && enrollment === 'invitation') throw notFound('There is no invitation to answer.');
      const state = body.decision === 'accept' ? 'joined' : 'declined';
      const after = {
        employee_id: me.id,
        state,
        invited_at: before?.invited_at ?? null,
        invited_via: before?.invited_via ?? null,
        responded_at: now,
        updated_at: now,
      };
      await trx
        .insertInto('program_members')
        .values(after)
        .onConflict((oc) => oc.column('employee_id').doUpdateSet({ state, responded_at: now, updated_at: now }))
        .execute();
      await recordAudit(trx, {
        actor: { kind: 'employee', id: me.id },
        action: `program.${body.decision}`,
        target: { kind: 'employee', id: me.id },
        before: before ?? null,
        after,
        at: now,
      });
    });
    return reply(await membershipOf(s.db, me.id));
  });

  handle(api, s, 'adminGetEnrollment', async (_c, { reply }) => reply(await enrollmentOf(s.db)));

  handle(api, s, 'adminSetEnrollment', async (c, { body, reply }) => {
    const now = nowIso();
    await s.db.transaction().execute(async (trx) => {
      const before = await enrollmentOf(trx);
      await trx
        .insertInto('program_enrollment')
        .values({ id: 'program', enrollment: body.enrollment, updated_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ enrollment: body.enrollment, updated_at: now }))
        .execute();
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: 'settings.update',
        target: { kind: 'program', id: 'enrollment' },
        before,
        after: { enrollment: body.enrollment, updatedAt: now },
        at: now,
      });
    });
    return reply({ enrollment: body.enrollment, updatedAt: now });
  });

  handle(api, s, 'adminListMembers', async (_c, { query, reply }) => {
    const { enrollment } = await enrollmentOf(s.db);
    const open = enrollment === 'open';
    const cursor = decodeCursor(query.cursor);
    let select = s.db
      .selectFrom('employees as e')
      .leftJoin('teams as t', 't.id', 'e.team_id')
      .leftJoin('program_members as m', 'm.employee_id', 'e.id')
      .select([
        'e.id',
        'e.display_name',
        'e.team_id',
        't.name as team_name',
        'e.status',
        'm.state',
        'm.invited_at',
        'm.invited_via',
        'm.responded_at',
      ])
      .orderBy('e.id')
      .limit(query.limit + 1);
    if (cursor !== null) select = select.where('e.id', '>', cursor.id);
    if (query.team !== undefined) select = select.where('e.team_id', '=', query.team);
    // Without a row an employee is joined in open enrollment, not invited otherwise.
    const state = sql<string>`coalesce(m.state, ${open ? 'joined' : 'not_invited'})`;
    if (query.state === 'not_joined') select = select.where(state, '<>', 'joined');
    else if (query.state !== undefined) select = select.where(state, '=', query.state);
    const rows: MemberListRow[] = await select.execute();
    return reply(
      toPage(
        rows,
        query.limit,
        (row) => toMember(row, enrollment),
        (row) => ({ key: '', id: row.id }),
      ),
    );
  });

  handle(api, s, 'adminInvite', async (c, { body, reply }) => {
    const admin = c.get('employee');
    const employeeIds = body.employeeIds ?? [];
    const teams = body.teams ?? [];
    if (employeeIds.length + teams.length === 0) {
      throw invalid(422, 'Name at least one employee or team.', [
        { field: 'employeeIds', message: 'name someone to invite', code: 'required' },
      ]);
    }
    const now = nowIso();
    const result = await s.db.transaction().execute(async (trx) => {
      const { enrollment } = await enrollmentOf(trx);
      const named = employeeIds.length === 0 ? [] : await trx.selectFrom('employees').select('id').where('id', 'in', employeeIds).execute();
      const knownTeams = teams.length === 0 ? [] : await trx.selectFrom('teams').select('id').where('id', 'in', teams).execute();
      const errors = [
        ...employeeIds.flatMap((id, i) =>
          named.some((row) => row.id === id)
            ? []
            : [{ field: `employeeIds.${i}`, message: `unknown employee "${id}"`, code: 'unknown_employee' }],
        ),
        ...teams.flatMap((id, i) =>
          knownTeams.some((row) => row.id === id) ? [] : [{ field: `teams.${i}`, message: `unknown team "${id}"`, code: 'unknown_team' }],
        ),
      ];
      if (errors.length > 0) throw invalid(422, 'Unknown employees or teams.', errors);
      // The team's members now: people who join it later are not invited by this invitation.
      const teamMembers =
        teams.length === 0 ? [] : await trx.selectFrom('employees').select(['id', 'team_id']).where('team_id', 'in', teams).execute();
      const targets = new Map<string, string | null>(employeeIds.map((id) => [id, null]));
      for (const row of teamMembers) if (!targets.has(row.id)) targets.set(row.id, row.team_id);
      const ids = [...targets.keys()].sort();
      const people = new Map<string, { status: string; state: string | null; row: Record<string, unknown> | null }>();
      for (let i = 0; i < ids.length; i += 5000) {
        const chunk = ids.slice(i, i + 5000);
        const found = await trx
          .selectFrom('employees as e')
          .leftJoin('program_members as m', 'm.employee_id', 'e.id')
          .select(['e.id', 'e.status', 'm.state', 'm.invited_at', 'm.invited_via', 'm.responded_at', 'm.updated_at'])
          .where('e.id', 'in', chunk)
          .execute();
        for (const row of found) {
          const { id, status, ...member } = row;
          people.set(id, { status, state: row.state, row: row.state === null ? null : { employee_id: id, ...member } });
        }
      }
      const outcome: InvitationResult = { invited: [], unchanged: [] };
      for (const id of ids) {
        const person = people.get(id)!;
        const state = stateOf(person.state === null ? null : { state: person.state }, enrollment);
        // Joined members stay joined and invitations are not repeated; someone who declined is asked again.
        if (person.status !== 'active' || state === 'joined' || state === 'invited') {
          outcome.unchanged.push(id);
          continue;
        }
        const after = { employee_id: id, state: 'invited', invited_at: now, invited_via: targets.get(id) ?? null, updated_at: now };
        await trx
          .insertInto('program_members')
          .values({ ...after, responded_at: null })
          .onConflict((oc) =>
            oc.column('employee_id').doUpdateSet({ state: 'invited', invited_at: now, invited_via: after.invited_via, updated_at: now }),
          )
          .execute();
        await recordAudit(trx, {
          actor: { kind: 'admin', id: admin.id },
          action: 'program.invite',
          target: { kind: 'employee', id },
          before: person.row,
          after,
          at: now,
        });
        // The invitation goes out by email, Teams or Slack as the delivery settings route it, once per invitation.
        await queueInvitation(trx, delivery, id, now);
        outcome.invited.push(id);
      }
      return outcome;
    });
    return reply(result);
  });
}
