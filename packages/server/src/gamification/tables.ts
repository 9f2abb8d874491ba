import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Tables of badges, contests and preferences (migration 0201_badges_contests_preferences). */
export type GamificationTables = {
  /** One row per earned badge: the primary key (employee, badge) awards it once. */
  employee_badges: { employee_id: string; badge_id: string; awarded_at: string };
  contests: {
    id: string;
    title: string;
    description: string;
    prize: string;
    scope: string;
    team_id: string | null;
    starts_at: string;
    ends_at: string;
    created_at: string;
    /** Set once, when the final standings were stored. */
    finalized_at: string | null;
    /** When an admin called it off (0281); a cancelled contest is never finalized nor shown to employees. */
    cancelled_at: string | null;
    /** ContestTranslations as JSON (0301): title, description and prize per locale. */
    translations: string;
  };
  /** The frozen leaderboard of an ended contest. */
  contest_results: { contest_id: string; employee_id: string; rank: number; points: number };
  /** Only employees who changed a preference have a row; digest and nudges default to on, show_on_leaderboard (0280) to off. */
  employee_preferences: { employee_id: string; digest: number; nudges: number; show_on_leaderboard: number; updated_at: string };
  /** The anonymous leaderboard setting (0280): one row, id 'program', once an admin changed it. */
  leaderboard_settings: { id: string; anonymous: number; top: number; updated_at: string };
};

export type GamificationDb = Kysely<Database & GamificationTables>;

export const gamificationDb = (db: Kysely<Database>): GamificationDb => db.withTables<GamificationTables>();
