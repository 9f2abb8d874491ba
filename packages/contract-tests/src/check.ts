import type { AdvocacyBackend, Employee, Post, PostInput, Team, Topic } from '@advocacy-kit/core/backend';
import type { ContractTarget } from './target.js';

/** Capabilities the checks are grouped by; `--only` takes these ids. */
export type GroupId =
  | 'identity'
  | 'feed'
  | 'pagination'
  | 'share'
  | 'points'
  | 'leaderboard'
  | 'suggestions'
  | 'conversions'
  | 'admin'
  | 'events'
  | 'errors'
  | 'isolation'
  | 'people'
  | 'policy'
  | 'pilots'
  | 'privacy'
  | 'rewards'
  | 'contests'
  | 'delivery'
  | 'search'
  | 'selfservice';

export const GROUPS: ReadonlyArray<{ id: GroupId; title: string }> = [
  { id: 'identity', title: 'Identity: who the targets are' },
  { id: 'feed', title: 'Feed visibility' },
  { id: 'pagination', title: 'Cursor pagination' },
  { id: 'share', title: 'Shares and tracking links' },
  { id: 'points', title: 'Points ledger and stats' },
  { id: 'leaderboard', title: 'Leaderboard' },
  { id: 'suggestions', title: 'Suggestions and review' },
  { id: 'conversions', title: 'Conversions' },
  { id: 'admin', title: 'Program admin results' },
  { id: 'events', title: 'Participation events' },
  { id: 'errors', title: 'Error shapes' },
  { id: 'isolation', title: 'Isolation between employees' },
  { id: 'people', title: 'Topics, teams and the employee directory' },
  { id: 'policy', title: 'Social-media policy and compliance' },
  { id: 'pilots', title: 'Program membership, invitations and goals' },
  { id: 'privacy', title: 'Audit log, personal data and erasure' },
  { id: 'rewards', title: 'Rewards, points balance and manual adjustments' },
  { id: 'contests', title: 'Contest administration' },
  { id: 'delivery', title: 'Email, Teams and Slack delivery settings' },
  { id: 'search', title: 'Search over posts' },
  { id: 'selfservice', title: 'Self-service: my shares, ledger, suggestions and preferences' },
];

/** What a check gets: the three signed-in backends, who they are, and helpers for test data. */
export interface CheckContext {
  readonly target: ContractTarget;
  readonly employee: AdvocacyBackend;
  readonly otherEmployee: AdvocacyBackend;
  readonly admin: AdvocacyBackend;
  readonly me: Employee;
  readonly other: Employee;
  readonly adminMe: Employee;
  readonly topics: Topic[];
  readonly teams: Team[];
  /** Unique to this run; put into titles, URLs and keys so the run's data can be told apart. */
  readonly runTag: string;
  /** A value unique within the run, prefixed with the run tag. */
  unique(label: string): string;
  /**
   * Creates a post through the admin backend with the run tag in its title and a unique URL.
   * The suite archives it when the check ends.
   */
  createPost(input?: Partial<PostInput>): Promise<Post>;
  /** Registers a post made some other way (e.g. by approving a suggestion) for archiving. */
  adopt(postId: string): void;
  /** Ends the check as skipped: the target lacks what it needs. */
  skip(reason: string): never;
}

export interface Check {
  /** Stable id, `<group>.<slug>`. */
  id: string;
  group: GroupId;
  /** What the backend must do, as a sentence. */
  name: string;
  run(context: CheckContext): Promise<void>;
}
