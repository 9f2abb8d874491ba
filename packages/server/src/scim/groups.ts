import type { Context, Hono } from 'hono';
import { recordAudit } from '../audit/audit.js';
import type { AppEnv, Services } from '../context.js';
import { newId, nowIso } from '../ids.js';
import { excluded, isUniqueViolation, listResponse, pageOf, readBody, uniqueness } from './common.js';
import { scimActor, unassignedTeam, UNASSIGNED_TEAM, type Trx } from './employees.js';
import { badRequest, scimJson, scimNotFound } from './errors.js';
import { parseFilter } from './filter.js';
import { scimDb, shared, type ScimDb } from './tables.js';
import { applyPatch, valueOf, type ScimDocument } from './patch.js';

export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

type TeamRow = { id: string; name: string; external_id: string | null; scim_created_at: string | null; scim_updated_at: string | null };
type Member = { id: string; display_name: string };

const NAME_MAX = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Teams created before SCIM have no creation time; their meta says this. */
const EPOCH = '1970-01-01T00:00:00.000Z';

/** Ids in slices small enough for one statement's parameters on both databases. */
function* chunks(ids: string[], size = 500): Generator<string[]> {
  for (let index = 0; index < ids.length; index += size) yield ids.slice(index, index + size);
}

interface GroupInput {
  displayName: string;
  externalId: string | null;
  /** Member ids, or null when the request leaves members alone. */
  members: string[] | null;
}

function readGroup(document: ScimDocument): GroupInput {
  const displayName = valueOf(document, 'displayName');
  if (typeof displayName !== 'string' || displayName.trim() === '') throw badRequest('invalidValue', 'displayName is required.');
  if (displayName.trim().length > NAME_MAX || CONTROL.test(displayName)) {
    throw badRequest('invalidValue', `displayName must be at most ${NAME_MAX} characters without control characters.`);
  }
  const externalId = valueOf(document, 'externalId');
  if (externalId !== undefined && externalId !== null && (typeof externalId !== 'string' || externalId.length > NAME_MAX)) {
    throw badRequest('invalidValue', 'externalId must be a string.');
  }
  const members = valueOf(document, 'members');
  if (members !== undefined && members !== null && !Array.isArray(members)) throw badRequest('invalidValue', 'members must be an array.');
  return {
    displayName: displayName.trim(),
    externalId: typeof externalId === 'string' && externalId !== '' ? externalId : null,
    members:
      members === undefined || members === null
        ? null
        : [
            ...new Set(
              members.map((member) => {
                const value = member !== null && typeof member === 'object' ? valueOf(member as ScimDocument, 'value') : undefined;
                if (typeof value !== 'string') throw badRequest('invalidValue', 'Each member is an object with the User id as value.');
                return value;
              }),
            ),
          ],
  };
}

/**
 * `/Groups`: teams. A member's team is the group; an employee has one team, so adding them to a
 * group moves them out of the one they were in, and removing them from their group leaves them
 * in the Unassigned team. Members listed are the provisioned Users of the team.
 */
export function groupRoutes(scim: Hono<AppEnv>, s: Services, base: string): void {
  const db = scimDb(s.db);
  const toGroup = (team: TeamRow, members: Member[] | null) => ({
    schemas: [GROUP_SCHEMA],
    id: team.id,
    ...(team.external_id === null ? {} : { externalId: team.external_id }),
    displayName: team.name,
    ...(members === null
      ? {}
      : {
          members: members.map((member) => ({
            value: member.id,
            display: member.display_name,
            $ref: `${base}/Users/${encodeURIComponent(member.id)}`,
          })),
        }),
    meta: {
      resourceType: 'Group',
      created: team.scim_created_at ?? EPOCH,
      lastModified: team.scim_updated_at ?? team.scim_created_at ?? EPOCH,
      location: `${base}/Groups/${encodeURIComponent(team.id)}`,
    },
  });

  const membersOf = (db: Trx | ScimDb, teamId: string): Promise<Member[]> =>
    db
      .selectFrom('employees')
      .select(['id', 'display_name'])
      .where('team_id', '=', teamId)
      .where('user_name', 'is not', null)
      .orderBy('id')
      .execute();

  const team = async (db: Trx | ScimDb, id: string): Promise<TeamRow> => {
    const row =
      id === UNASSIGNED_TEAM
        ? undefined
        : await db
            .selectFrom('teams')
            .select(['id', 'name', 'external_id', 'scim_created_at', 'scim_updated_at'])
            .where('id', '=', id)
            .where('archived_at', 'is', null)
            .executeTakeFirst();
    if (row === undefined) throw scimNotFound(`No Group with id "${id}".`);
    return row;
  };

  const nameTaken = async (trx: Trx, name: string, except: string | null) => {
    let query = trx
      .selectFrom('teams')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .where('archived_at', 'is', null);
    if (except !== null) query = query.where('id', '!=', except);
    return (await query.executeTakeFirst()) !== undefined;
  };

  /** Moves the listed provisioned Users into the team and those no longer listed to Unassigned; unknown ids are skipped. */
  const setMembers = async (trx: Trx, teamId: string, wanted: string[], current: Member[]) => {
    const now = nowIso();
    const gone = current.filter((member) => !wanted.includes(member.id)).map((member) => member.id);
    if (gone.length > 0) {
      const unassigned = await unassignedTeam(trx);
      for (const ids of chunks(gone)) {
        await trx
          .updateTable('employees')
          .set({ team_id: unassigned, updated_at: now })
          .where('id', 'in', ids)
          .where('team_id', '=', teamId)
          .execute();
      }
    }
    const added = wanted.filter((id) => !current.some((member) => member.id === id));
    for (const ids of chunks(added)) {
      await trx
        .updateTable('employees')
        .set({ team_id: teamId, updated_at: now })
        .where('id', 'in', ids)
        .where('user_name', 'is not', null)
        .execute();
    }
  };

  const snapshot = (row: TeamRow, members: Member[]) => ({
    id: row.id,
    name: row.name,
    externalId: row.external_id,
    members: members.map((member) => member.id),
  });

  const write = async <T>(work: (trx: Trx) => Promise<T>): Promise<T> => {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw uniqueness('A Group with this displayName exists already.');
      throw error;
    }
  };

  const answer = (c: Context<AppEnv>, row: TeamRow, members: Member[], status = 200) =>
    scimJson(
      toGroup(row, excluded(c, 'members') ? null : members),
      status,
      status === 201 ? { Location: `${base}/Groups/${encodeURIComponent(row.id)}` } : {},
    );

  scim.post('/Groups', async (c) => {
    const input = readGroup(await readBody(c));
    const { row, members } = await write(async (trx) => {
      if (await nameTaken(trx, input.displayName, null)) throw uniqueness(`A Group named "${input.displayName}" exists already.`);
      const now = nowIso();
      const row: TeamRow = {
        id: newId('team'),
        name: input.displayName,
        external_id: input.externalId,
        scim_created_at: now,
        scim_updated_at: now,
      };
      await trx.insertInto('teams').values(row).execute();
      await setMembers(trx, row.id, input.members ?? [], []);
      const members = await membersOf(trx, row.id);
      await recordAudit(shared(trx), {
        actor: scimActor,
        action: 'team.create',
        target: { kind: 'team', id: row.id },
        after: snapshot(row, members),
      });
      return { row, members };
    });
    return answer(c, row, members, 201);
  });

  scim.get('/Groups', async (c) => {
    const { offset, count } = pageOf(c);
    const filter = c.req.query('filter');
    const comparisons =
      filter === undefined || filter.trim() === '' ? [] : parseFilter(filter, ['displayname', 'externalid', 'id', 'members.value']);
    let query = db.selectFrom('teams').where('teams.id', '!=', UNASSIGNED_TEAM).where('teams.archived_at', 'is', null);
    for (const { attribute, value, within } of comparisons) {
      const text = String(value);
      if (within === 'members') {
        query = query.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('employees')
              .select('employees.id')
              .whereRef('employees.team_id', '=', 'teams.id')
              .where('employees.id', '=', text)
              .where('employees.user_name', 'is not', null),
          ),
        );
      } else if (attribute === 'displayname') {
        query = query.where((eb) => eb(eb.fn('lower', ['teams.name']), '=', text.toLowerCase()));
      } else {
        query = query.where(attribute === 'id' ? 'teams.id' : 'teams.external_id', '=', text);
      }
    }
    const { total } = await query.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    const rows =
      count === 0
        ? []
        : await query
            .select(['teams.id', 'teams.name', 'teams.external_id', 'teams.scim_created_at', 'teams.scim_updated_at'])
            .orderBy('teams.id')
            .offset(offset)
            .limit(count)
            .execute();
    const withMembers = !excluded(c, 'members');
    const resources = [];
    for (const row of rows) resources.push(toGroup(row, withMembers ? await membersOf(db, row.id) : null));
    return scimJson(listResponse(resources, Number(total), offset));
  });

  scim.get('/Groups/:id', async (c) => {
    const row = await team(db, c.req.param('id'));
    return answer(c, row, await membersOf(db, row.id));
  });

  const update = async (c: Context<AppEnv>, next: (current: ScimDocument) => GroupInput) => {
    const { row, members } = await write(async (trx) => {
      const current = await team(trx, c.req.param('id')!);
      const currentMembers = await membersOf(trx, current.id);
      const input = next(toGroup(current, currentMembers));
      if (input.displayName.toLowerCase() !== current.name.toLowerCase() && (await nameTaken(trx, input.displayName, current.id))) {
        throw uniqueness(`A Group named "${input.displayName}" exists already.`);
      }
      const row: TeamRow = {
        ...current,
        name: input.displayName,
        external_id: input.externalId,
        scim_created_at: current.scim_created_at ?? nowIso(),
        scim_updated_at: nowIso(),
      };
      await trx.updateTable('teams').set(row).where('id', '=', current.id).execute();
      if (input.members !== null) await setMembers(trx, current.id, input.members, currentMembers);
      const members = await membersOf(trx, current.id);
      await recordAudit(shared(trx), {
        actor: scimActor,
        action: current.name === row.name ? 'team.update' : 'team.rename',
        target: { kind: 'team', id: current.id },
        before: snapshot(current, currentMembers),
        after: snapshot(row, members),
      });
      return { row, members };
    });
    return answer(c, row, members);
  };

  scim.put('/Groups/:id', async (c) => {
    const body = await readBody(c);
    return update(c, () => {
      const input = readGroup(body);
      return { ...input, members: input.members ?? [] };
    });
  });

  scim.patch('/Groups/:id', async (c) => {
    const body = await readBody(c);
    const patch = await update(c, (current) => readGroup(applyPatch(current, body)));
    // Entra ID and Okta ignore the body of a PATCH on a Group; Okta accepts 204 as well.
    return patch;
  });

  /**
   * A deleted Group's members go to the Unassigned team and the team is archived, as an admin
   * archives one: shares and rollups keep the team id, and it is no longer a SCIM resource.
   */
  scim.delete('/Groups/:id', async (c) => {
    await db.transaction().execute(async (trx) => {
      const current = await team(trx, c.req.param('id'));
      const members = await trx.selectFrom('employees').select('id').where('team_id', '=', current.id).execute();
      if (members.length > 0) {
        const unassigned = await unassignedTeam(trx);
        await trx.updateTable('employees').set({ team_id: unassigned, updated_at: nowIso() }).where('team_id', '=', current.id).execute();
      }
      await trx.updateTable('teams').set({ archived_at: nowIso(), external_id: null }).where('id', '=', current.id).execute();
      await recordAudit(shared(trx), {
        actor: scimActor,
        action: 'team.delete',
        target: { kind: 'team', id: current.id },
        before: { id: current.id, name: current.name, externalId: current.external_id, members: members.map((member) => member.id) },
      });
    });
    return c.body(null, 204);
  });
}
