import type { Hono } from 'hono';
import { recordAudit } from '../audit/audit.js';
import type { AppEnv, Services } from '../context.js';
import { nowIso } from '../ids.js';
import { excluded, isUniqueViolation, listResponse, pageOf, readBody, uniqueness } from './common.js';
import {
  employeeAction,
  employeeColumns,
  employeeRow,
  employeeSnapshot,
  scimActor,
  teamNamed,
  unassignedTeam,
  UNASSIGNED_TEAM,
  type EmployeeRow,
  type Trx,
} from './employees.js';
import { badRequest, ScimError, scimJson, scimNotFound } from './errors.js';
import { parseFilter } from './filter.js';
import { scimDb, shared } from './tables.js';
import { applyPatch } from './patch.js';
import { ENTERPRISE_SCHEMA, readUser, USER_SCHEMA, type UserInput } from './user-attributes.js';

const ID_MAX = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A SCIM User as this server answers it; `base` is the SCIM base URL. */
export function toScimUser(row: EmployeeRow, base: string, options: { groups?: boolean } = {}) {
  const teamName = row.team_name ?? row.team_id;
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
    id: row.id,
    ...(row.external_id === null ? {} : { externalId: row.external_id }),
    userName: row.user_name ?? row.id,
    name: {
      formatted: row.display_name,
      ...(row.given_name === null ? {} : { givenName: row.given_name }),
      ...(row.family_name === null ? {} : { familyName: row.family_name }),
    },
    displayName: row.display_name,
    emails: row.email === null ? [] : [{ value: row.email, type: 'work', primary: true }],
    preferredLanguage: row.locale,
    locale: row.locale,
    timezone: row.time_zone,
    active: row.status === 'active',
    [ENTERPRISE_SCHEMA]: { department: teamName },
    ...(options.groups === false || row.team_id === UNASSIGNED_TEAM
      ? {}
      : { groups: [{ value: row.team_id, display: teamName, $ref: `${base}/Groups/${encodeURIComponent(row.team_id)}` }] }),
    meta: {
      resourceType: 'User',
      created: row.created_at,
      lastModified: row.updated_at ?? row.created_at,
      location: `${base}/Users/${encodeURIComponent(row.id)}`,
      version: `W/"${row.updated_at ?? row.created_at}"`,
    },
  };
}

const USER_FILTERS = ['username', 'externalid', 'id'] as const;
const COLUMN = { username: 'user_name', externalid: 'external_id', id: 'id' } as const;

/**
 * `/Users`: employees provisioned by SCIM (those with a userName). The employee id is the SCIM
 * attribute SCIM_EMPLOYEE_ID names (externalId or userName), the value the sign-in token's subject
 * claim carries, so the employee who signs in later is the same row.
 */
export function userRoutes(scim: Hono<AppEnv>, s: Services, base: string): void {
  const db = scimDb(s.db);
  const idAttribute = s.config.scim.employeeId;

  const employeeIdOf = (input: UserInput): string => {
    const id = idAttribute === 'externalId' ? input.externalId : input.userName;
    if (id === null) {
      throw badRequest(
        'invalidValue',
        'externalId is required: it becomes the employee id and must be what sign-in tokens carry as their subject (map objectId to externalId in Entra ID, or set SCIM_EMPLOYEE_ID=userName).',
      );
    }
    if (id.length > ID_MAX || CONTROL.test(id)) throw badRequest('invalidValue', `${idAttribute} must be at most ${ID_MAX} characters.`);
    return id;
  };

  const userNameTaken = async (trx: Trx, userName: string, except: string | null) => {
    let query = trx
      .selectFrom('employees')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['user_name']), '=', userName.toLowerCase()));
    if (except !== null) query = query.where('id', '!=', except);
    return (await query.executeTakeFirst()) !== undefined;
  };

  const provisioned = async (trx: Trx, id: string): Promise<EmployeeRow> => {
    const row = await employeeRow(trx, id);
    if (row === undefined || row.user_name === null) throw scimNotFound(`No User with id "${id}".`);
    return row;
  };

  const teamOf = async (trx: Trx, input: UserInput, current: EmployeeRow | null): Promise<string> => {
    if (input.department !== null && input.department.toLowerCase() !== (current?.team_name ?? '').toLowerCase()) {
      return teamNamed(trx, input.department);
    }
    return current?.team_id ?? (await unassignedTeam(trx));
  };

  /** Writes, translating a unique index's refusal (a concurrent create) into SCIM's 409. */
  const write = async <T>(work: (trx: Trx) => Promise<T>): Promise<T> => {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw uniqueness('A User with this userName exists already.');
      throw error;
    }
  };

  const update = async (id: string, next: (current: EmployeeRow) => UserInput) =>
    write(async (trx) => {
      const current = await provisioned(trx, id);
      const input = next(current);
      const immutable = idAttribute === 'externalId' ? input.externalId : input.userName;
      if (immutable !== current.id) {
        throw new ScimError(
          400,
          `${idAttribute} is the employee id, which sign-in tokens carry: it cannot change (it is "${current.id}").`,
          'mutability',
        );
      }
      if (await userNameTaken(trx, input.userName, current.id)) throw uniqueness(`userName "${input.userName}" is taken by another User.`);
      const now = nowIso();
      const columns = employeeColumns(input, current, now);
      await trx
        .updateTable('employees')
        .set({
          ...columns,
          team_id: await teamOf(trx, input, current),
          ...ownProfile(input, current),
        })
        .where('id', '=', current.id)
        .execute();
      const after = (await employeeRow(trx, current.id))!;
      await recordAudit(shared(trx), {
        actor: scimActor,
        action: employeeAction(current, after),
        target: { kind: 'employee', id: current.id },
        before: employeeSnapshot(current),
        after: employeeSnapshot(after),
      });
      return after;
    });

  scim.post('/Users', async (c) => {
    const input = readUser(await readBody(c));
    const id = employeeIdOf(input);
    const row = await write(async (trx) => {
      if (await userNameTaken(trx, input.userName, null)) throw uniqueness(`userName "${input.userName}" is taken by another User.`);
      const existing = (await employeeRow(trx, id)) ?? null;
      if (existing !== null && existing.user_name !== null) {
        throw uniqueness(`A User with ${idAttribute} "${id}" exists already.`);
      }
      const now = nowIso();
      // A User created (or provisioned again) without `active` is active.
      const columns = employeeColumns({ ...input, active: input.active ?? true }, existing, now);
      const team_id = await teamOf(trx, input, existing);
      if (existing === null) {
        await trx
          .insertInto('employees')
          .values({
            id,
            ...columns,
            team_id,
            role: 'employee',
            locale: input.locale ?? 'en',
            time_zone: input.timeZone ?? 'UTC',
            avatar_url: null,
            policy_accepted_at: null,
            created_at: now,
          })
          .execute();
      } else {
        // Someone who signed in before provisioning: SCIM takes over their profile, never their role.
        await trx
          .updateTable('employees')
          .set({
            ...columns,
            team_id,
            ...ownProfile(input, existing),
          })
          .where('id', '=', id)
          .execute();
      }
      const after = (await employeeRow(trx, id))!;
      await recordAudit(shared(trx), {
        actor: scimActor,
        action: existing === null ? 'employee.create' : 'employee.provision',
        target: { kind: 'employee', id },
        before: existing === null ? null : employeeSnapshot(existing),
        after: employeeSnapshot(after),
      });
      return after;
    });
    const user = toScimUser(row, base);
    return scimJson(user, 201, { Location: user.meta.location, ETag: user.meta.version });
  });

  scim.get('/Users', async (c) => {
    const { offset, count } = pageOf(c);
    const filter = c.req.query('filter');
    const comparisons = filter === undefined || filter.trim() === '' ? [] : parseFilter(filter, USER_FILTERS);
    let query = db.selectFrom('employees').leftJoin('teams', 'teams.id', 'employees.team_id').where('employees.user_name', 'is not', null);
    for (const { attribute, value } of comparisons) {
      const column = COLUMN[attribute as keyof typeof COLUMN];
      const text = String(value);
      query =
        column === 'user_name'
          ? query.where((eb) => eb(eb.fn('lower', ['employees.user_name']), '=', text.toLowerCase()))
          : query.where(`employees.${column}`, '=', text);
    }
    const { total } = await query.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    const rows =
      count === 0
        ? []
        : await query
            .selectAll('employees')
            .select('teams.name as team_name')
            .orderBy('employees.id')
            .offset(offset)
            .limit(count)
            .execute();
    const groups = !excluded(c, 'groups');
    return scimJson(
      listResponse(
        rows.map((row) => toScimUser(row, base, { groups })),
        Number(total),
        offset,
      ),
    );
  });

  scim.get('/Users/:id', async (c) => {
    const row = await employeeRow(db, c.req.param('id'));
    if (row === undefined || row.user_name === null) throw scimNotFound(`No User with id "${c.req.param('id')}".`);
    return scimJson(toScimUser(row, base, { groups: !excluded(c, 'groups') }));
  });

  /** A PUT replaces the User; one that leaves out the externalId keeps it (Okta sends only what it maps). */
  scim.put('/Users/:id', async (c) => {
    const body = await readBody(c);
    const row = await update(c.req.param('id'), (current) => {
      const input = readUser(body);
      return input.externalId === null ? { ...input, externalId: current.external_id } : input;
    });
    return scimJson(toScimUser(row, base));
  });

  scim.patch('/Users/:id', async (c) => {
    const body = await readBody(c);
    const row = await update(c.req.param('id'), (current) => readUser(applyPatch(toScimUser(current, base), body)));
    return scimJson(toScimUser(row, base));
  });

  /**
   * A deleted User is deprovisioned: deactivated (their shares, links and points stay, as for any
   * leaver) and no longer a SCIM resource. Provisioning them again takes the same row back.
   */
  scim.delete('/Users/:id', async (c) => {
    await db.transaction().execute(async (trx) => {
      const current = await provisioned(trx, c.req.param('id'));
      const now = nowIso();
      await trx
        .updateTable('employees')
        .set({
          user_name: null,
          external_id: null,
          status: 'deactivated',
          deactivated_at: current.status === 'active' ? now : (current.deactivated_at ?? now),
          updated_at: now,
        })
        .where('id', '=', current.id)
        .execute();
      const after = (await employeeRow(trx, current.id))!;
      await recordAudit(shared(trx), {
        actor: scimActor,
        action: 'employee.deprovision',
        target: { kind: 'employee', id: current.id },
        before: employeeSnapshot(current),
        after: employeeSnapshot(after),
      });
    });
    return c.body(null, 204);
  });
}

/**
 * The language and time zone the identity provider sends, except those the employee chose
 * themselves (`PUT /me/preferences`, see selfservice/): theirs stay, as they do over sign-in claims.
 */
function ownProfile(
  input: { locale: string | null; timeZone: string | null },
  row: { locale_chosen?: number | string | null; time_zone_chosen?: number | string | null },
): { locale?: string; time_zone?: string } {
  return {
    ...(input.locale === null || Number(row.locale_chosen) === 1 ? {} : { locale: input.locale }),
    ...(input.timeZone === null || Number(row.time_zone_chosen) === 1 ? {} : { time_zone: input.timeZone }),
  };
}
