import type {
  BlockedTerm,
  Contest,
  ConversionType,
  Employee,
  EnrollmentMode,
  GoalInput,
  NetworkId,
  PolicyVersion,
  Post,
  Reward,
  Suggestion,
  Team,
  Topic,
} from '../backend/contract.js';

/** A team in a seed: its default name, and its names in other languages (as admins give them). */
export type SeedTeam = Team & { names?: Record<string, string> };

/** A past share in a seed, with what it earned, so stats and leaderboards start non-empty. */
export interface SeedShare {
  id: string;
  postId: string;
  employeeId: string;
  network: NetworkId;
  commentary: string;
  createdAt: string;
  /** Unique human clicks it received (spread over the days after `createdAt`). */
  uniqueClicks: number;
  /** What it converted; `currency` (ISO 4217) goes with a value. */
  conversions: Array<{ type: ConversionType; value: number; currency?: string; externalId: string }>;
}

/**
 * A demo company. The memory backend starts from one and the reference server's `seed`
 * command loads the same one, so the demo looks the same on both.
 */
export interface DemoSeed {
  teams: SeedTeam[];
  employees: Employee[];
  topics: Topic[];
  posts: Post[];
  shares: SeedShare[];
  suggestions: Suggestion[];
  /** Points contests; their standings come from the points the seed earns. */
  contests?: SeedContest[];
  /** Social-media policy versions, oldest first. */
  policyVersions?: PolicyVersion[];
  /** Words and phrases shared commentary may not contain. */
  blockedTerms?: BlockedTerm[];
  /** The disclosure every shared text carries, per locale. */
  disclosures?: Record<string, string>;
  /** The enrollment mode (default `open`). */
  enrollment?: EnrollmentMode;
  /** Who was invited and how they answered; employees not listed were never invited. */
  members?: SeedMember[];
  /** The program's goals. */
  goals?: SeedGoal[];
  /** The rewards catalogue (no requests: every balance is what the seed earned). */
  rewards?: Reward[];
}

export interface SeedMember {
  employeeId: string;
  state: 'invited' | 'joined' | 'declined';
  invitedAt: string | null;
  invitedVia: string | null;
  respondedAt: string | null;
}

export type SeedGoal = GoalInput & { id: string; createdAt: string };

export type SeedContest = Omit<Contest, 'status' | 'final' | 'entries' | 'me'>;
