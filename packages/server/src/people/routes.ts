import type { LocalizedText, TaxonomyPatch } from '@advocacy-kit/core';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { recordAudit, type AuditActor } from '../audit/audit.js';
import type { AppEnv, Services } from '../context.js';
import type { Db } from '../db/database.js';
import { decodeCursor, toPage } from '../http/cursor.js';
import { handle } from '../http/operation.js';
import { conflict, invalid, notFound } from '../http/problem.js';
import { newId, nowIso } from '../ids.js';
import { directoryRows, findDirectoryRow, likeEscape, toAdminEmployee } from './directory.js';
import { cleanNames, defaultName, toAdminTeam, toAdminTopic } from './taxonomy.js';

/** What a patch changed, as audit actions: `topic.rename`, `team.reorder`, `topic.archive`, `team.restore`. */
function changes(patch: TaxonomyPatch, before: { names: LocalizedText; position: number; archivedAt: string | null }): string[] {
  const verbs: string[] = [];
  if (patch.names !== undefined && JSON.stringify(patch.names) !== JSON.stringify(before.names)) verbs.push('rename');
  if (patch.position !== undefined && patch.position !== before.position) verbs.push('reorder');
  if (patch.archived !== undefined && patch.archived !== (before.archivedAt !== null)) verbs.push(patch.archived ? 'archive' : 'restore');
  return verbs;
}

/** The next free position: after the last one. */
async function nextPosition(db: Db, table: 'topics' | 'teams'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('last'))
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/**
 * Program admin API of topics and teams (create, rename, reorder, archive, restore) and of the
 * employee directory (search, role and team, deactivate and reactivate). Every write records an
 * audit entry in its own transaction.
 */
export function peopleRoutes(api: Hono<AppEnv>, s: Services): void {
  const actorOf = (id: string): AuditActor => ({ kind: 'admin', id });

  /* ------------------------------------------------------------ topics */

  handle(api, s, 'adminListTopics', async (_c, { reply }) => {
    const rows = await s.db.selectFrom('topics').selectAll().orderBy('position').orderBy('id').execute();
    return reply({ items: rows.map(toAdminTopic) });
  });

  handle(api, s, 'adminCreateTopic', async (c, { body, reply }) => {
    const admin = c.get('employee');
    await s.limits.writes.take(admin.id);
    const topic = await s.db.transaction().execute(async (trx) => {
      const id =
        body.id ??
        newId('top')
          .toLowerCase()
          .replace(/[^a-z0-9_-]/g, '')
          .slice(0, 40);
      const row = {
        id,
        names: JSON.stringify(cleanNames(body.names)),
        position: body.position ?? (await nextPosition(trx, 'topics')),
        archived_at: null,
      };
      const inserted = await trx
        .insertInto('topics')
        .values(row)
        .onConflict((oc) => oc.column('id').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted === undefined) throw conflict(`A topic with the id "${id}" exists already.`);
      const created = toAdminTopic(inserted);
      await recordAudit(trx, { actor: actorOf(admin.id), action: 'topic.create', target: { kind: 'topic', id }, after: created });
      return created;
    });
    return reply(topic, 201);
  });

  handle(api, s, 'adminUpdateTopic', async (c, { params, body, reply }) => {
    const admin = c.get('employee');
    await s.limits.writes.take(admin.id);
    const topic = await s.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('topics').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (row === undefined) throw notFound('No topic with this id.');
      const before = toAdminTopic(row);
      const names = body.names === undefined ? undefined : cleanNames(body.names);
      const patch = { ...body, ...(names === undefined ? {} : { names }) };
      const verbs = changes(patch, before);
      if (verbs.length === 0) return before;
      const updated = await trx
        .updateTable('topics')
        .set({
          ...(names === undefined ? {} : { names: JSON.stringify(names) }),
          ...(body.position === undefined ? {} : { position: body.position }),
          ...(body.archived === undefined ? {} : { archived_at: body.archived ? (row.archived_at ?? nowIso()) : null }),
        })
        .where('id', '=', params.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toAdminTopic(updated);
      for (const verb of verbs) {
        await recordAudit(trx, { actor: actorOf(admin.id), action: `topic.${verb}`, target: { kind: 'topic', id: row.id }, before, after });
      }
      return after;
    });
    return reply(topic);
  });

  /* ------------------------------------------------------------ teams */

  handle(api, s, 'adminListTeams', async (_c, { reply }) => {
    const rows = await s.db.selectFrom('teams').selectAll().orderBy('position').orderBy('id').execute();
    return reply({ items: rows.map(toAdminTeam) });
  });

  handle(api, s, 'adminCreateTeam', async (c, { body, reply }) => {
    const admin = c.get('employee');
    await s.limits.writes.take(admin.id);
    const team = await s.db.transaction().execute(async (trx) => {
      const id =
        body.id ??
        newId('team')
          .toLowerCase()
          .replace(/[^a-z0-9_-]/g, '')
          .slice(0, 40);
      const names = cleanNames(body.names);
      const inserted = await trx
        .insertInto('teams')
        .values({
          id,
          name: defaultName(names),
          names: JSON.stringify(names),
          position: body.position ?? (await nextPosition(trx, 'teams')),
          archived_at: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted === undefined) throw conflict(`A team with the id "${id}" exists already.`);
      const created = toAdminTeam(inserted);
      await recordAudit(trx, { actor: actorOf(admin.id), action: 'team.create', target: { kind: 'team', id }, after: created });
      return created;
    });
    return reply(team, 201);
  });

  handle(api, s, 'adminUpdateTeam', async (c, { params, body, reply }) => {
    const admin = c.get('employee');
    await s.limits.writes.take(admin.id);
    const team = await s.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('teams').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (row === undefined) throw notFound('No team with this id.');
      const before = toAdminTeam(row);
      const names = body.names === undefined ? undefined : cleanNames(body.names);
      const verbs = changes({ ...body, ...(names === undefined ? {} : { names }) }, before);
      if (verbs.length === 0) return before;
      const updated = await trx
        .updateTable('teams')
        .set({
          ...(names === undefined ? {} : { names: JSON.stringify(names), name: defaultName(names) }),
          ...(body.position === undefined ? {} : { position: body.position }),
          ...(body.archived === undefined ? {} : { archived_at: body.archived ? (row.archived_at ?? nowIso()) : null }),
        })
        .where('id', '=', params.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toAdminTeam(updated);
      for (const verb of verbs) {
        await recordAudit(trx, { actor: actorOf(admin.id), action: `team.${verb}`, target: { kind: 'team', id: row.id }, before, after });
      }
      return after;
    });
    return reply(team);
  });

  /* ------------------------------------------------------------ employee directory */

  handle(api, s, 'adminListEmployees', async (_c, { query, reply }) => {
    let select = directoryRows(s.db);
    const q = query.q?.trim().toLowerCase();
    if (q) {
      const pattern = `%${likeEscape(q)}%`;
      select = select.where((eb) =>
        eb.or([
          sql<boolean>`lower(employees.display_name) like ${pattern} escape '\\'`,
          sql<boolean>`lower(employees.email) like ${pattern} escape '\\'`,
          sql<boolean>`lower(employees.id) like ${pattern} escape '\\'`,
        ]),
      );
    }
    if (query.team) select = select.where('employees.team_id', '=', query.team);
    if (query.role === 'admin') select = select.where(sql<boolean>`coalesce(employees.granted_role, employees.role) = 'admin'`);
    if (query.role === 'employee') select = select.where(sql<boolean>`coalesce(employees.granted_role, employees.role) <> 'admin'`);
    if (query.status) select = select.where('employees.status', '=', query.status);
    if (query.language) {
      const language = query.language.toLowerCase();
      select = select.where((eb) =>
        eb.or([
          sql<boolean>`lower(employees.locale) = ${language}`,
          sql<boolean>`lower(employees.locale) like ${`${likeEscape(language)}-%`} escape '\\'`,
        ]),
      );
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor !== null) {
      select = select.where(
        sql<boolean>`(employees.display_name > ${cursor.key} or (employees.display_name = ${cursor.key} and employees.id > ${cursor.id}))`,
      );
    }
    const rows = await select
      .orderBy('employees.display_name')
      .orderBy('employees.id')
      .limit(query.limit + 1)
      .execute();
    return reply(toPage(rows, query.limit, toAdminEmployee, (row) => ({ key: row.display_name, id: row.id })));
  });

  handle(api, s, 'adminUpdateEmployee', async (c, { params, body, reply }) => {
    const admin = c.get('employee');
    await s.limits.writes.take(admin.id);
    const employee = await s.db.transaction().execute(async (trx) => {
      const row = await findDirectoryRow(trx, params.id);
      if (row === undefined) throw notFound('No employee with this id.');
      const before = toAdminEmployee(row);
      const actions: string[] = [];
      const set: { granted_role?: string | null; team_id?: string; updated_at?: string } = {};
      if (body.role !== undefined && body.role !== before.role) {
        // Demoting yourself could leave the program without an admin; another admin can do it.
        if (row.id === admin.id) throw conflict('You cannot change your own role; ask another program admin.');
        // Back to the identity provider's role: the grant goes, so the token decides again.
        set.granted_role = body.role === row.role ? null : body.role;
        actions.push('employee.role');
      }
      if (body.team !== undefined && body.team !== row.team_id) {
        const team = await trx.selectFrom('teams').select(['id', 'archived_at']).where('id', '=', body.team).executeTakeFirst();
        if (team === undefined || team.archived_at !== null) {
          const code = team === undefined ? 'unknown_team' : 'archived_team';
          throw invalid(422, 'The team is not one employees can be moved to.', [
            { field: 'team', message: team === undefined ? 'no team with this id' : 'the team is archived', code },
          ]);
        }
        set.team_id = body.team;
        actions.push('employee.team');
      }
      if (actions.length === 0) return before;
      await trx
        .updateTable('employees')
        .set({ ...set, updated_at: nowIso() })
        .where('id', '=', row.id)
        .execute();
      const after = toAdminEmployee((await findDirectoryRow(trx, row.id))!);
      for (const action of actions) {
        await recordAudit(trx, { actor: actorOf(admin.id), action, target: { kind: 'employee', id: row.id }, before, after });
      }
      return after;
    });
    return reply(employee);
  });

  const setStatus = async (adminId: string, id: string, status: 'active' | 'deactivated') => {
    await s.limits.writes.take(adminId);
    return s.db.transaction().execute(async (trx) => {
      const row = await findDirectoryRow(trx, id);
      if (row === undefined) throw notFound('No employee with this id.');
      // An admin deactivating themselves could lock the program out; another admin can do it.
      if (status === 'deactivated' && id === adminId) throw conflict('You cannot deactivate yourself; ask another program admin.');
      const before = toAdminEmployee(row);
      if (row.status === status) return before;
      const at = nowIso();
      await trx
        .updateTable('employees')
        .set({ status, deactivated_at: status === 'deactivated' ? at : null, updated_at: at })
        .where('id', '=', id)
        .execute();
      const after = toAdminEmployee((await findDirectoryRow(trx, id))!);
      await recordAudit(trx, {
        actor: actorOf(adminId),
        action: status === 'deactivated' ? 'employee.deactivate' : 'employee.reactivate',
        target: { kind: 'employee', id },
        before,
        after,
      });
      return after;
    });
  };

  handle(api, s, 'adminDeactivateEmployee', async (c, { params, reply }) =>
    reply(await setStatus(c.get('employee').id, params.id, 'deactivated')),
  );
  handle(api, s, 'adminReactivateEmployee', async (c, { params, reply }) =>
    reply(await setStatus(c.get('employee').id, params.id, 'active')),
  );
}
