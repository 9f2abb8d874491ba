import type { LeaderboardSettings, Period } from '@advocacy-kit/core';
import { SPENDING_REASONS } from '@advocacy-kit/core/contract';
import { sql } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { DEFAULT_LEADERBOARD_SETTINGS } from '../gamification/leaderboard-settings.js';
import { gamificationDb } from '../gamification/tables.js';
import { BOARD_WORKER_AVAILABLE, BoardWorker } from './board-read.js';
import { periodStart } from './periods.js';

/** One employee's points on a board, and their team when it was read. */
export interface Standing {
  employeeId: string;
  team: string;
  points: number;
}

/** Most points first, ties by employee id (the order of the leaderboard). */
const ahead = (a: { points: number; employeeId: string }, b: { points: number; employeeId: string }): boolean =>
  a.points !== b.points ? a.points > b.points : a.employeeId < b.employeeId;

/** Where `standing` goes in the sorted list: the first place whose standing is not ahead of it. */
function placeOf(list: readonly Standing[], standing: { points: number; employeeId: string }): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ahead(list[middle]!, standing)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many in the sorted list have more than `points`. */
export function countAbove(list: readonly Standing[], points: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.points > points) low = middle + 1;
    else high = middle;
  }
  return low;
}

function take(list: Standing[], standing: Standing): void {
  const at = placeOf(list, standing);
  const index = list[at] === standing ? at : list.indexOf(standing);
  if (index >= 0) list.splice(index, 1);
}

const put = (list: Standing[], standing: Standing): void => void list.splice(placeOf(list, standing), 0, standing);

// Points this process awarded (award() in ledger.ts), in order: each board adds the ones it has
// not seen, so the instance that took a share shows its points at once. Kept bounded: a board
// that fell further behind is read again.
const LOG_KEEP = 20_000;
interface Award {
  employeeId: string;
  delta: number;
  at: string;
}
const awards: Award[] = [];
let firstAward = 0;
const awardsEnd = () => firstAward + awards.length;

/** Tells the leaderboards of this process about points just awarded (spending is not earning and is ignored). */
export function noteAward(employeeId: string, delta: number, reason: string, at: string): void {
  if ((SPENDING_REASONS as readonly string[]).includes(reason)) return;
  awards.push({ employeeId, delta, at });
  if (awards.length > 2 * LOG_KEEP) {
    awards.splice(0, LOG_KEEP);
    firstAward += LOG_KEEP;
  }
}

/**
 * Everyone with points in one period (leavers left out), in leaderboard order, company-wide and
 * per team, as read at `builtAt`, plus the awards this process made since.
 */
export class Board {
  readonly standings: Standing[] = [];
  readonly teams = new Map<string, Standing[]>();
  private readonly byEmployee = new Map<string, Standing>();
  private catchingUp: Promise<void> | null = null;

  constructor(
    readonly from: string | null,
    readonly builtAt: number,
    /** What the directory looked like (see `directoryStamp`). */
    readonly stamp: string,
    readonly optedIn: ReadonlySet<string>,
    /** Awards of this process up to here are in the rows. */
    private applied: number,
    rows: Standing[],
  ) {
    rows.sort((a, b) => (ahead(a, b) ? -1 : 1));
    for (const standing of rows) {
      this.standings.push(standing);
      this.byEmployee.set(standing.employeeId, standing);
      const team = this.teams.get(standing.team);
      if (team === undefined) this.teams.set(standing.team, [standing]);
      else team.push(standing);
    }
  }

  standing(employeeId: string): Standing | undefined {
    return this.byEmployee.get(employeeId);
  }

  /** Whether the awards it has not seen are still in the log. */
  get current(): boolean {
    return this.applied >= firstAward;
  }

  /** Adds this process's awards made since it was read (one at a time; new names' teams are looked up). */
  catchUp(db: Db): Promise<void> {
    if (this.applied >= awardsEnd()) return this.catchingUp ?? Promise.resolve();
    this.catchingUp ??= (async () => {
      try {
        while (this.applied < awardsEnd()) {
          const end = awardsEnd();
          const fresh = awards.slice(this.applied - firstAward, end - firstAward).filter((a) => this.from === null || a.at >= this.from);
          const unknown = [...new Set(fresh.map((a) => a.employeeId).filter((id) => !this.byEmployee.has(id)))];
          const teams = new Map<string, string>();
          if (unknown.length > 0) {
            const people = await db
              .selectFrom('employees')
              .select(['id', 'team_id'])
              .where('id', 'in', unknown)
              .where('status', '<>', 'deactivated')
              .execute();
            for (const person of people) teams.set(person.id, person.team_id);
          }
          for (const award of fresh) this.add(award.employeeId, teams.get(award.employeeId), award.delta);
          this.applied = end;
        }
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  private add(employeeId: string, team: string | undefined, delta: number): void {
    let standing = this.byEmployee.get(employeeId);
    if (standing === undefined) {
      // Someone new to the board: a leaver (no team found) earns nothing on it.
      if (team === undefined) return;
      standing = { employeeId, team, points: 0 };
      this.byEmployee.set(employeeId, standing);
    } else if (standing.points > 0) {
      take(this.standings, standing);
      take(this.teams.get(standing.team) ?? [], standing);
    }
    standing.points += delta;
    if (standing.points > 0) {
      put(this.standings, standing);
      const members = this.teams.get(standing.team);
      if (members === undefined) this.teams.set(standing.team, [standing]);
      else put(members, standing);
    }
  }
}

/**
 * What the leaderboards depend on besides points — who left or moved team, who opted in to be
 * named, the program's setting: each write there moves an `updated_at`, so a board read before it
 * is read again at once — and, in the same statement, the program's leaderboard settings and the
 * caller's own points in the window.
 */
async function directoryStamp(
  db: Db,
  employeeId: string,
  from: string | null,
): Promise<{ stamp: string; mine: number; settings: LeaderboardSettings }> {
  const since = from === null ? sql`` : sql`and created_at >= ${from}`;
  const { rows } = await sql<{
    employees: string | null;
    preferences: string | null;
    settings: string | null;
    anonymous: string | number | null;
    top: string | number | null;
    mine: string | number | null;
  }>`
    select (select max(updated_at) from employees) as employees,
           (select max(updated_at) from employee_preferences) as preferences,
           s.updated_at as settings, s.anonymous, s.top,
           (select sum(delta) from points_ledger
             where employee_id = ${employeeId} and reason not in (${sql.join([...SPENDING_REASONS])}) ${since}) as mine
    from (select 1 as one) program left join leaderboard_settings s on s.id = 'program'`.execute(db);
  const row = rows[0]!;
  const settings: LeaderboardSettings =
    row.settings === null
      ? { ...DEFAULT_LEADERBOARD_SETTINGS }
      : { anonymous: Number(row.anonymous) === 1, top: Number(row.top), updatedAt: row.settings };
  return { stamp: `${row.employees ?? ''}|${row.preferences ?? ''}|${row.settings ?? ''}`, mine: Number(row.mine ?? 0), settings };
}

interface Slot {
  board: Board | null;
  building: Promise<Board> | null;
}

/**
 * The leaderboards of one database, one board per period, each read in one pass over the ledger
 * and kept for at most `stalenessMs`: after that the next request starts reading it again and is
 * answered from the board it replaces until it is ready. A board is read again before answering
 * when the directory changed (a leaver, a team move, an opt-in, the anonymous setting). Points
 * awarded by this process are added to its boards at once; points awarded by other instances (or
 * clicks recorded on the click worker) show once the board is read again.
 */
export class Boards {
  private readonly slots = new Map<Period, Slot>();
  private readonly worker: BoardWorker | null;

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    private readonly stalenessMs: number,
    /** The SQLite file, read on a worker thread (null: PostgreSQL, or an in-memory SQLite read in place). */
    sqliteFile: string | null,
  ) {
    this.worker = sqliteFile !== null && sqliteFile !== ':memory:' && BOARD_WORKER_AVAILABLE ? new BoardWorker(sqliteFile) : null;
  }

  /** The period's board, the caller's own points in the period now, and the program's leaderboard settings now. */
  async get(period: Period, employeeId: string): Promise<{ board: Board; mine: number; settings: LeaderboardSettings }> {
    const { stamp, mine, settings } = await directoryStamp(this.db, employeeId, periodStart(period, new Date()));
    let slot = this.slots.get(period);
    if (slot === undefined) this.slots.set(period, (slot = { board: null, building: null }));
    let board = slot.board;
    if (board === null || board.stamp !== stamp || !board.current || this.stalenessMs === 0) {
      board = await this.build(slot, period, stamp, true);
    } else if (Date.now() - board.builtAt >= this.stalenessMs && slot.building === null) {
      // Served from the board it replaces meanwhile; a failed read leaves the board for the next request to retry.
      this.build(slot, period, stamp, false).catch(() => {});
    }
    await board.catchUp(this.db);
    return { board, mine, settings };
  }

  private build(slot: Slot, period: Period, stamp: string, wait: boolean): Promise<Board> {
    if (slot.building !== null && !wait) return slot.building;
    const building = this.read(period, stamp).then(
      (board) => {
        if (slot.building === building) slot.building = null;
        slot.board = board;
        return board;
      },
      (error: unknown) => {
        if (slot.building === building) slot.building = null;
        throw error;
      },
    );
    slot.building = building;
    return building;
  }

  private async read(period: Period, stamp: string): Promise<Board> {
    const builtAt = Date.now();
    const from = periodStart(period, new Date(builtAt));
    if (this.worker !== null) {
      // Holding the connection (no transaction of this process open) until the worker's read
      // began: the board holds exactly the awards noted so far.
      const { applied, rows } = await this.db.connection().execute(async () => {
        const applied = awardsEnd();
        const read = this.worker!.read(from);
        await read.started;
        return { applied, rows: read.rows };
      });
      const board = await rows;
      return new Board(
        from,
        builtAt,
        stamp,
        new Set(board.optedIn),
        applied,
        board.employees.map((employeeId, i) => ({ employeeId, team: board.teams[i]!, points: board.points[i]! })),
      );
    }
    // SQLite's planner prefers reading in employee order (no grouping sort) even for a one-week
    // window; for a window, the range on points_period reads a fraction of the ledger.
    const index = this.dialect === 'sqlite' && from !== null ? sql`indexed by points_period` : sql``;
    const since = from === null ? sql`` : sql`and l.created_at >= ${from}`;
    // On one connection: on SQLite no transaction of this process is open meanwhile, so the
    // awards noted so far are exactly those committed.
    return this.db.connection().execute(async (connection) => {
      const applied = awardsEnd();
      const { rows } = await sql<{ employee_id: string; team_id: string; points: string | number }>`
        with totals as (
          select l.employee_id, sum(l.delta) as points
          from points_ledger l ${index}
          where l.reason not in (${sql.join([...SPENDING_REASONS])}) ${since}
          group by l.employee_id
          having sum(l.delta) > 0
        )
        select totals.employee_id, e.team_id, totals.points
        from totals join employees e on e.id = totals.employee_id
        where e.status <> 'deactivated'`.execute(connection);
      const optedIn = await gamificationDb(connection)
        .selectFrom('employee_preferences')
        .select('employee_id')
        .where('show_on_leaderboard', '=', 1)
        .execute();
      return new Board(
        from,
        builtAt,
        stamp,
        new Set(optedIn.map((row) => row.employee_id)),
        applied,
        rows.map((row) => ({ employeeId: row.employee_id, team: row.team_id, points: Number(row.points) })),
      );
    });
  }
}

const cache = new WeakMap<Db, Boards>();

/** The boards of this database (one set per app). */
export function boardsOf(db: Db, dialect: Dialect, stalenessMs: number, sqliteFile: string | null): Boards {
  let boards = cache.get(db);
  if (boards === undefined) cache.set(db, (boards = new Boards(db, dialect, stalenessMs, sqliteFile)));
  return boards;
}
