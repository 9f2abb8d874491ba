import { AdvocacyError } from '../backend/errors.js';
import type { Contest, ContestInput, ContestPatch, Employee, LeaderboardEntry } from '../backend/contract.js';
import { isEarning } from '../rules/points.js';
import type { MemoryDb } from './db.js';
import { FieldErrors, validationError } from './validate.js';

/** A contest as stored: the input plus its id and, once ended and read, its frozen standings. */
export interface ContestRow extends Required<Omit<ContestInput, 'team' | 'translations'>> {
  translations?: ContestInput['translations'];
  id: string;
  team: string | null;
  final: LeaderboardEntry[] | null;
  /** An admin called it off before it ended: employees no longer see it. */
  cancelled?: boolean;
}

const RECENT_MS = 30 * 86_400_000;
const TOP = 10;

/** Points earned between the contest's start and end by its members, most first; equal points share a rank. */
function standings(db: MemoryDb, contest: ContestRow): LeaderboardEntry[] {
  const from = Date.parse(contest.startsAt);
  const to = Date.parse(contest.endsAt);
  const totals = new Map<string, number>();
  for (const row of db.ledger) {
    const t = Date.parse(row.createdAt);
    if (t < from || t >= to || !isEarning(row.reason)) continue;
    const employee = db.employees.get(row.employeeId);
    if (!employee || db.deactivated.has(employee.id) || (contest.scope === 'team' && employee.team !== contest.team)) continue;
    totals.set(row.employeeId, (totals.get(row.employeeId) ?? 0) + row.delta);
  }
  const sorted = [...totals].filter(([, points]) => points > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  let rank = 0;
  return sorted.map(([employeeId, points], i) => {
    if (i === 0 || points !== sorted[i - 1]![1]) rank = i + 1;
    const e = db.employees.get(employeeId)!;
    return { rank, employeeId, displayName: e.displayName, avatarUrl: e.avatarUrl, team: e.team, teamName: e.teamName, points };
  });
}

/** Contests running now and those ended in the last 30 days, soonest-ending first; ended ones keep their first computed standings. */
export function listContests(db: MemoryDb, me: Employee): Contest[] {
  const now = db.now().getTime();
  return db.contests
    .filter((c) => !c.cancelled && Date.parse(c.startsAt) <= now && Date.parse(c.endsAt) > now - RECENT_MS)
    .filter((c) => c.scope === 'company' || c.team === me.team)
    .sort((a, b) => Date.parse(a.endsAt) - Date.parse(b.endsAt))
    .map((c) => {
      const ended = Date.parse(c.endsAt) <= now;
      if (ended) c.final ??= standings(db, c);
      // A leaver leaves frozen results too (their rank stays a gap).
      const rows = (c.final ?? standings(db, c)).filter((r) => !db.deactivated.has(r.employeeId));
      const { final, ...rest } = c;
      return {
        ...rest,
        status: ended ? 'ended' : 'active',
        final: final !== null,
        entries: rows.slice(0, TOP),
        me: rows.find((r) => r.employeeId === me.id) ?? null,
      };
    });
}

/** A contest as an admin sees it: any status, final standings once ended, no `me`. */
function present(db: MemoryDb, c: ContestRow): Contest {
  const now = db.now().getTime();
  const ended = Date.parse(c.endsAt) <= now;
  if (ended && !c.cancelled) c.final ??= standings(db, c);
  const scheduled = Date.parse(c.startsAt) > now;
  const rows = c.cancelled || scheduled ? [] : (c.final ?? standings(db, c)).filter((r) => !db.deactivated.has(r.employeeId));
  const { final, cancelled, ...rest } = c;
  return {
    ...rest,
    status: cancelled ? 'cancelled' : ended ? 'ended' : scheduled ? 'scheduled' : 'active',
    final: final !== null,
    entries: rows.slice(0, TOP),
    me: null,
  };
}

/** The translations, each given field non-blank (the schema's limits are checked by the server's validation). */
function checkTranslations(translations: ContestInput['translations']): NonNullable<ContestInput['translations']> {
  const out: NonNullable<ContestInput['translations']> = {};
  for (const [locale, text] of Object.entries(translations ?? {})) {
    for (const key of ['title', 'prize'] as const)
      if (text[key] !== undefined && text[key].trim().length === 0)
        throw validationError(`translations.${locale}.${key}`, 'must not be blank', 'required');
    out[locale] = { ...text };
  }
  return out;
}

function checkWindow(startsAt: string, endsAt: string): void {
  if (!(Date.parse(endsAt) > Date.parse(startsAt))) throw validationError('endsAt', 'must be after startsAt', 'out_of_range');
}

/** Contest administration: every contest, create, edit before the end, cancel. `audited` records the change. */
export function contestsAdmin(
  db: MemoryDb,
  audited: (action: string, target: { kind: string; id: string }, before: unknown, after: unknown) => void,
) {
  const open = (id: string): ContestRow => {
    const contest = db.contests.find((c) => c.id === id);
    if (!contest) throw new AdvocacyError('not_found', `No contest "${id}"`, { status: 404 });
    if (contest.cancelled || Date.parse(contest.endsAt) <= db.now().getTime())
      throw new AdvocacyError('conflict', 'The contest ended or was cancelled', { status: 409 });
    return contest;
  };
  return {
    list: (): Contest[] =>
      [...db.contests].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt) || (a.id < b.id ? -1 : 1)).map((c) => present(db, c)),
    create(input: ContestInput): Contest {
      const e = new FieldErrors();
      e.check(typeof input.title === 'string' && input.title.trim().length > 0, 'title', 'is required', 'required');
      e.check(typeof input.prize === 'string' && input.prize.trim().length > 0, 'prize', 'is required', 'required');
      e.check(input.scope === 'company' || input.scope === 'team', 'scope', 'must be company or team', 'invalid_enum');
      e.check(input.scope !== 'team' || typeof input.team === 'string', 'team', 'is required for a team contest', 'required');
      e.check(input.scope !== 'company' || input.team === undefined, 'team', 'only with scope team', 'invalid_value');
      e.throwIfAny();
      checkWindow(input.startsAt, input.endsAt);
      const row: ContestRow = {
        id: `cst-${db.contests.length + 1}-${Math.random().toString(36).slice(2, 8)}`,
        title: input.title,
        description: input.description ?? '',
        prize: input.prize,
        scope: input.scope,
        team: input.scope === 'team' ? input.team! : null,
        startsAt: new Date(input.startsAt).toISOString(),
        endsAt: new Date(input.endsAt).toISOString(),
        translations: checkTranslations(input.translations),
        final: null,
      };
      db.contests.push(row);
      audited('contest.create', { kind: 'contest', id: row.id }, null, present(db, row));
      return present(db, row);
    },
    update(id: string, patch: ContestPatch): Contest {
      const contest = open(id);
      const before = present(db, contest);
      if (patch.startsAt !== undefined && Date.parse(contest.startsAt) <= db.now().getTime())
        throw validationError('startsAt', 'cannot change once the contest started', 'invalid_value');
      for (const key of ['title', 'prize'] as const)
        if (patch[key] !== undefined && patch[key].trim().length === 0) throw validationError(key, 'is required', 'required');
      const next = { ...contest, ...patch };
      checkWindow(next.startsAt, next.endsAt);
      const translations = patch.translations === undefined ? {} : { translations: checkTranslations(patch.translations) };
      Object.assign(contest, patch, translations, {
        startsAt: new Date(next.startsAt).toISOString(),
        endsAt: new Date(next.endsAt).toISOString(),
      });
      audited('contest.update', { kind: 'contest', id }, before, present(db, contest));
      return present(db, contest);
    },
    cancel(id: string): Contest {
      const contest = open(id);
      const before = present(db, contest);
      contest.cancelled = true;
      audited('contest.cancel', { kind: 'contest', id }, before, present(db, contest));
      return present(db, contest);
    },
  };
}
