import { mergeRules, versionAt, type Rules, type RulesOverrides } from '@advocacy-kit/core/rules';
import type { Db } from '../db/database.js';

/** A stored version as the awards need it. */
export interface ScheduledVersion {
  id: string;
  rules: RulesOverrides;
  effectiveFrom: string;
}

/**
 * What decides the rules at any time: the configured defaults and every version, earliest
 * effective first (ties: the one created last comes last, and wins). Plain data, so it can be
 * posted to the click worker.
 */
export interface RulesSchedule {
  defaults: Rules;
  versions: readonly ScheduledVersion[];
}

/** A schedule with no versions: the defaults at all times. */
export const fixedSchedule = (defaults: Rules): RulesSchedule => ({ defaults, versions: [] });

/** The rules in effect at `at` (ISO): the defaults with the version in effect then. Versions do not add up. */
export const rulesIn = (schedule: RulesSchedule, at: string): Rules =>
  mergeRules(schedule.defaults, versionAt(schedule.versions, new Date(at).toISOString())?.rules);

/** Every stored version, in the order `versionAt` reads them. */
export async function loadSchedule(db: Db, defaults: Rules): Promise<RulesSchedule> {
  const rows = await db
    .selectFrom('point_rule_versions')
    .select(['id', 'rules', 'effective_from'])
    .orderBy('effective_from')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    defaults,
    versions: rows.map((row) => ({ id: row.id, rules: JSON.parse(row.rules) as RulesOverrides, effectiveFrom: row.effective_from })),
  };
}

/** How long this instance trusts its copy of the versions before reading them again (another instance may have changed them). */
export const SCHEDULE_REFRESH_MS = 10_000;

/**
 * The point rules of this server, cached: the versions are read once and again after an admin
 * change on this instance (`invalidate`) or `refreshMs` later (a change made on another
 * instance), never per award. A future version is in the copy already, so it takes effect at its
 * time without a read. While the database cannot be read, the last copy serves.
 */
export class PointRulesCache {
  private copy: { schedule: RulesSchedule; readAt: number } | null = null;
  private loading: Promise<RulesSchedule> | null = null;
  private generation = 0;

  constructor(
    private readonly db: Db,
    readonly defaults: Rules,
    private readonly refreshMs = SCHEDULE_REFRESH_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The defaults and every version; the same object until a version changes. */
  schedule(): Promise<RulesSchedule> {
    if (this.copy !== null && this.clock() - this.copy.readAt < this.refreshMs) return Promise.resolve(this.copy.schedule);
    this.loading ??= this.load();
    return this.loading;
  }

  /** The rules in effect at `at` (ISO time). */
  async at(at: string): Promise<Rules> {
    return rulesIn(await this.schedule(), at);
  }

  /** Forgets the copy: call after a version changed, once the change is committed. */
  invalidate(): void {
    this.generation++;
    this.copy = null;
    this.loading = null;
  }

  private async load(): Promise<RulesSchedule> {
    const generation = this.generation;
    try {
      const loaded = await loadSchedule(this.db, this.defaults);
      const previous = this.copy?.schedule;
      // Unchanged versions keep the object, so the click worker is told only of real changes.
      const schedule = previous !== undefined && JSON.stringify(previous.versions) === JSON.stringify(loaded.versions) ? previous : loaded;
      if (generation === this.generation) this.copy = { schedule, readAt: this.clock() };
      return schedule;
    } catch (error) {
      if (this.copy !== null) return this.copy.schedule;
      throw error;
    } finally {
      if (generation === this.generation) this.loading = null;
    }
  }
}
