import type {
  AdminEmployee,
  AdminTeam,
  AdminTopic,
  Employee,
  EmployeeDirectoryQuery,
  EmployeePatch,
  LocalizedText,
  Page,
  TaxonomyInput,
  TaxonomyPatch,
  Team,
  Topic,
} from '../backend/contract.js';
import { ROLES, EMPLOYEE_STATUSES } from '../backend/contract.js';
import { AdvocacyError, PROBLEM_TYPE_BASE } from '../backend/errors.js';
import type { MemoryDb } from './db.js';
import type { SeedTeam } from './seed-types.js';
import { FieldErrors, pageLimit, validationError } from './validate.js';

/** What the directory knows of an employee beyond `Employee`. */
interface Person {
  email: string | null;
  lastActiveAt: string | null;
  deactivatedAt: string | null;
  createdAt: string;
}

interface Order {
  position: number;
  archivedAt: string | null;
}

/** The people data of one memory backend: order and archive state of topics and teams, team names, the directory. */
interface PeopleData {
  topics: Map<string, Order>;
  teams: Map<string, Order & { names: LocalizedText }>;
  people: Map<string, Person>;
}

const data = new WeakMap<MemoryDb, PeopleData>();
const of = (db: MemoryDb): PeopleData => {
  let people = data.get(db);
  if (people === undefined) {
    people = { topics: new Map(), teams: new Map(), people: new Map() };
    data.set(db, people);
  }
  return people;
};

/** An item's order: as set by an admin, else its place in the seed (as the reference server's seed stores it). */
const orderIn = (map: Map<string, Order>, list: ReadonlyArray<{ id: string }>, id: string): Order =>
  map.get(id) ?? {
    position: Math.max(
      0,
      list.findIndex((item) => item.id === id),
    ),
    archivedAt: null,
  };
const byPosition = <T extends { id: string; position: number }>(a: T, b: T) =>
  a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const LOCALE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const SLUG = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Names as the contract takes them: at least one, each a locale → 1–100 characters with something in them. */
function checkNames(e: FieldErrors, names: unknown): LocalizedText | null {
  if (names === null || typeof names !== 'object' || Array.isArray(names)) {
    e.add('names', 'must be an object of names by locale', 'invalid_type');
    return null;
  }
  const entries = Object.entries(names as Record<string, unknown>);
  if (entries.length === 0) e.add('names', 'needs at least one name', 'required');
  const clean: LocalizedText = {};
  for (const [locale, name] of entries) {
    if (!LOCALE.test(locale)) e.add(`names.${locale}`, 'is not a language tag', 'invalid_locale');
    else if (typeof name !== 'string' || name.trim() === '' || name.length > 100)
      e.add(`names.${locale}`, 'must be 1 to 100 characters', 'invalid_name');
    else clean[locale] = name.trim();
  }
  return clean;
}

function checkPosition(e: FieldErrors, position: unknown): void {
  if (position !== undefined && (!Number.isInteger(position) || (position as number) < 0 || (position as number) > 1_000_000))
    e.add('position', 'must be an integer from 0 to 1000000', 'out_of_range');
}

const defaultName = (names: LocalizedText) => names.en ?? Object.values(names)[0] ?? '';

/** The error a deactivated employee's calls get, as the reference server's 403 `employee_deactivated`. */
export function deactivatedError(): AdvocacyError {
  const detail = 'This employee has been deactivated in the advocacy program; ask a program admin to reactivate you.';
  return new AdvocacyError('forbidden', detail, {
    status: 403,
    problem: { type: `${PROBLEM_TYPE_BASE}employee_deactivated`, title: 'Employee deactivated', status: 403, detail },
  });
}

/** Notes that the employee used the backend: last activity to the hour, as the server keeps it. */
export function touch(db: MemoryDb, employeeId: string): void {
  const person = personOf(db, employeeId);
  const now = db.now();
  if (person.lastActiveAt === null || now.getTime() - Date.parse(person.lastActiveAt) >= 3600_000) person.lastActiveAt = now.toISOString();
}

/** The email address an employee's record holds (from claims, SCIM or an admin), if any. */
export const emailOf = (db: MemoryDb, employeeId: string): string | null => of(db).people.get(employeeId)?.email ?? null;

function personOf(db: MemoryDb, id: string): Person {
  const people = of(db).people;
  let person = people.get(id);
  if (person === undefined) {
    person = { email: null, lastActiveAt: null, deactivatedAt: null, createdAt: db.now().toISOString() };
    people.set(id, person);
  }
  return person;
}

/** Topics employees choose from: not archived, by position then id. */
export function activeTopics(db: MemoryDb): Topic[] {
  const topics = of(db).topics;
  return db.topics
    .filter((t) => orderIn(topics, db.topics, t.id).archivedAt === null)
    .map((t) => ({ topic: t, id: t.id, position: orderIn(topics, db.topics, t.id).position }))
    .sort(byPosition)
    .map(({ topic }) => topic);
}

/** Teams employees choose from: not archived, by position, name, id, named in the locale. */
export function activeTeams(db: MemoryDb, locale: string): Team[] {
  const teams = of(db).teams;
  return db.teams
    .filter((t) => orderIn(teams, db.teams, t.id).archivedAt === null)
    .map((t) => {
      const names = teams.get(t.id)?.names ?? (t as SeedTeam).names ?? {};
      return {
        id: t.id,
        name: names[locale] ?? names[locale.split('-')[0]!] ?? t.name,
        position: orderIn(teams, db.teams, t.id).position,
        sort: t.name,
      };
    })
    .sort((a, b) => a.position - b.position || (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.id < b.id ? -1 : 1))
    .map(({ id, name }) => ({ id, name }));
}

/**
 * The people half of the memory backend's admin API: topics and teams (create, rename, reorder,
 * archive), the employee directory, role and team changes, deactivation. `adminId` is the
 * signed-in admin; the caller has checked the role.
 */
export function peopleAdmin(db: MemoryDb, adminId: string) {
  const p = of(db);
  const adminTopic = (topic: Topic): AdminTopic => ({ id: topic.id, names: topic.names, ...orderIn(p.topics, db.topics, topic.id) });
  const adminTeam = (team: Team): AdminTeam => {
    const meta = p.teams.get(team.id);
    return {
      id: team.id,
      name: team.name,
      names: meta?.names ?? (team as SeedTeam).names ?? { en: team.name },
      ...orderIn(p.teams, db.teams, team.id),
    };
  };
  const nextPosition = (map: Map<string, Order>, list: ReadonlyArray<{ id: string }>) => {
    const positions = list.map((item) => orderIn(map, list, item.id).position);
    return positions.length === 0 ? 0 : Math.max(...positions) + 1;
  };
  const checkCreate = (input: TaxonomyInput, taken: (id: string) => boolean): { id: string; names: LocalizedText } => {
    const e = new FieldErrors();
    if (input.id !== undefined)
      e.check(typeof input.id === 'string' && SLUG.test(input.id), 'id', 'must be a lower-case slug', 'invalid_id');
    const names = checkNames(e, input.names);
    checkPosition(e, input.position);
    e.throwIfAny();
    const id = input.id ?? db.nextId('t');
    if (taken(id)) throw new AdvocacyError('conflict', `The id "${id}" is taken`, { status: 409 });
    return { id, names: names! };
  };
  const checkPatch = (patch: TaxonomyPatch): LocalizedText | undefined => {
    const e = new FieldErrors();
    if (Object.keys(patch).length === 0) e.add('', 'change at least one of names, position, archived', 'required');
    const names = patch.names === undefined ? undefined : checkNames(e, patch.names);
    checkPosition(e, patch.position);
    if (patch.archived !== undefined) e.check(typeof patch.archived === 'boolean', 'archived', 'must be true or false', 'invalid_type');
    e.throwIfAny();
    return names ?? undefined;
  };
  const applyOrder = (map: Map<string, Order>, list: ReadonlyArray<{ id: string }>, id: string, patch: TaxonomyPatch) => {
    const current = orderIn(map, list, id);
    const next = { ...map.get(id), ...current };
    if (patch.position !== undefined) next.position = patch.position;
    if (patch.archived !== undefined) next.archivedAt = patch.archived ? (current.archivedAt ?? db.now().toISOString()) : null;
    map.set(id, next);
  };

  const present = (employee: Employee): AdminEmployee => {
    const person = personOf(db, employee.id);
    return {
      ...employee,
      email: person.email,
      status: db.deactivated.has(employee.id) ? 'deactivated' : 'active',
      lastActiveAt: person.lastActiveAt,
      deactivatedAt: person.deactivatedAt,
      createdAt: person.createdAt,
    } as AdminEmployee;
  };
  const employee = (id: string): Employee => {
    const found = db.employees.get(id);
    if (!found) throw new AdvocacyError('not_found', `No employee "${id}"`, { status: 404 });
    return found;
  };
  const pick = (e: AdminEmployee): AdminEmployee => ({
    id: e.id,
    displayName: e.displayName,
    email: e.email,
    team: e.team,
    teamName: e.teamName,
    role: e.role,
    locale: e.locale,
    timeZone: e.timeZone,
    status: e.status,
    lastActiveAt: e.lastActiveAt,
    deactivatedAt: e.deactivatedAt,
    createdAt: e.createdAt,
  });

  return {
    listTopics: (): AdminTopic[] => db.topics.map(adminTopic).sort(byPosition),
    createTopic(input: TaxonomyInput): AdminTopic {
      const { id, names } = checkCreate(input, (id) => db.topics.some((t) => t.id === id));
      const position = input.position ?? nextPosition(p.topics, db.topics);
      db.topics.push({ id, names });
      p.topics.set(id, { position, archivedAt: null });
      return adminTopic({ id, names });
    },
    updateTopic(id: string, patch: TaxonomyPatch): AdminTopic {
      const names = checkPatch(patch);
      const topic = db.topics.find((t) => t.id === id);
      if (!topic) throw new AdvocacyError('not_found', `No topic "${id}"`, { status: 404 });
      if (names !== undefined) topic.names = names;
      applyOrder(p.topics, db.topics, id, patch);
      return adminTopic(topic);
    },
    listTeams: (): AdminTeam[] => db.teams.map(adminTeam).sort(byPosition),
    createTeam(input: TaxonomyInput): AdminTeam {
      const { id, names } = checkCreate(input, (id) => db.teams.some((t) => t.id === id));
      const position = input.position ?? nextPosition(p.teams, db.teams);
      const team = { id, name: defaultName(names) };
      db.teams.push(team);
      p.teams.set(id, { names, position, archivedAt: null });
      return adminTeam(team);
    },
    updateTeam(id: string, patch: TaxonomyPatch): AdminTeam {
      const names = checkPatch(patch);
      const team = db.teams.find((t) => t.id === id);
      if (!team) throw new AdvocacyError('not_found', `No team "${id}"`, { status: 404 });
      applyOrder(p.teams, db.teams, id, patch);
      if (names !== undefined) {
        team.name = defaultName(names);
        p.teams.get(id)!.names = names;
        for (const e of db.employees.values()) if (e.team === id) e.teamName = team.name;
      }
      return adminTeam(team);
    },
    listEmployees(query: EmployeeDirectoryQuery = {}): Page<AdminEmployee> {
      const e = new FieldErrors();
      if (query.role) e.check(ROLES.includes(query.role), 'role', 'must be employee or admin', 'invalid_enum');
      if (query.status) e.check(EMPLOYEE_STATUSES.includes(query.status), 'status', 'must be active or deactivated', 'invalid_enum');
      e.throwIfAny();
      const limit = pageLimit(query.limit ?? undefined);
      const q = query.q?.trim().toLowerCase();
      const language = query.language?.toLowerCase();
      let after: [string, string] | null = null;
      if (query.cursor) {
        try {
          after = JSON.parse(decodeURIComponent(atob(query.cursor))) as [string, string];
        } catch {
          throw validationError('cursor', 'is not a cursor this backend issued', 'invalid_cursor');
        }
      }
      const rows = [...db.employees.values()]
        .map(present)
        .filter(
          (row) =>
            (!q || [row.displayName, row.email ?? '', row.id].some((text) => text.toLowerCase().includes(q))) &&
            (!query.team || row.team === query.team) &&
            (!query.role || row.role === query.role) &&
            (!query.status || row.status === query.status) &&
            (!language || row.locale.toLowerCase() === language || row.locale.toLowerCase().startsWith(`${language}-`)),
        )
        .sort((a, b) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .filter((row) => after === null || row.displayName > after[0] || (row.displayName === after[0] && row.id > after[1]));
      const items = rows.slice(0, limit).map(pick);
      const last = items.at(-1);
      return {
        items,
        nextCursor: rows.length > limit && last ? btoa(encodeURIComponent(JSON.stringify([last.displayName, last.id]))) : null,
      };
    },
    updateEmployee(id: string, patch: EmployeePatch): AdminEmployee {
      const e = new FieldErrors();
      if (Object.keys(patch).length === 0) e.add('', 'change the role or the team', 'required');
      if (patch.role !== undefined) e.check(ROLES.includes(patch.role), 'role', 'must be employee or admin', 'invalid_enum');
      const target = employee(id);
      if (patch.team !== undefined && patch.team !== target.team) {
        const team = db.teams.find((t) => t.id === patch.team);
        if (!team) e.add('team', 'no team with this id', 'unknown_team');
        else if (orderIn(p.teams, db.teams, team.id).archivedAt !== null) e.add('team', 'the team is archived', 'archived_team');
      }
      e.throwIfAny();
      if (patch.role !== undefined && patch.role !== target.role) {
        if (id === adminId) throw new AdvocacyError('conflict', 'You cannot change your own role', { status: 409 });
        target.role = patch.role;
      }
      if (patch.team !== undefined && patch.team !== target.team) {
        target.team = patch.team;
        target.teamName = db.teams.find((t) => t.id === patch.team)!.name;
      }
      return pick(present(target));
    },
    deactivateEmployee(id: string): AdminEmployee {
      const target = employee(id);
      if (id === adminId) throw new AdvocacyError('conflict', 'You cannot deactivate yourself', { status: 409 });
      if (!db.deactivated.has(id)) {
        db.deactivated.add(id);
        personOf(db, id).deactivatedAt = db.now().toISOString();
      }
      return pick(present(target));
    },
    reactivateEmployee(id: string): AdminEmployee {
      const target = employee(id);
      db.deactivated.delete(id);
      personOf(db, id).deactivatedAt = null;
      return pick(present(target));
    },
  };
}
