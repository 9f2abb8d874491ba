/**
 * The closed sets of values the contract uses, as plain arrays: cheap to import from browser
 * code, and the source of the schemas' enums (./schemas.ts).
 */

/** Networks an employee can share to. `native` is the device's Web Share sheet. */
export const NETWORK_IDS = [
  'linkedin',
  'x',
  'facebook',
  'threads',
  'bluesky',
  'xing',
  'line',
  'hatena',
  'email',
  'copy',
  'native',
] as const;

/** The 6-3-1 content mix: six curated, three owned, one promotional. */
export const CONTENT_KINDS = ['curated', 'owned', 'promotional'] as const;
export const POST_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
export const ROLES = ['employee', 'admin'] as const;
export const PERIODS = ['week', 'month', 'quarter', 'all'] as const;
export const SCOPES = ['company', 'team'] as const;
/**
 * Why a ledger row exists. `manual` is an admin's grant or deduction (its `note` says why).
 * `reward_hold` (negative) takes a reward's cost when it is requested; `reward_release`
 * (positive) gives it back when the request is rejected or cancelled. An approved request keeps
 * its hold: the points are spent. These two are spending, not earning (`SPENDING_REASONS`):
 * leaderboards, contests and stats count every other reason.
 */
export const POINTS_REASONS = [
  'share',
  'click',
  'conversion',
  'suggestion',
  'adjustment',
  'manual',
  'reward_hold',
  'reward_release',
] as const;
/** Ledger reasons that move points without earning or losing them: rewards requested and released. */
export const SPENDING_REASONS = ['reward_hold', 'reward_release'] as const;
/**
 * A reward request's life: `pending` (points held) → `approved` (spent) → `fulfilled` (handed
 * over); or `rejected` by an admin (with a reason) or `cancelled` by the employee while pending
 * (points released, stock back).
 */
export const REWARD_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'cancelled', 'fulfilled'] as const;
export const SUGGESTION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const EVENT_TYPES = ['feed_view', 'post_open', 'share_intent'] as const;
export const CONVERSION_TYPES = ['lead', 'signup', 'download', 'deal'] as const;
/** Badges an employee can earn, in the order the API lists them. */
export const BADGE_IDS = ['first_share', 'ten_shares', 'first_conversion', 'streak'] as const;
/** `cancelled`: an admin called it off before it ended; employees no longer see it. */
export const CONTEST_STATUSES = ['scheduled', 'active', 'ended', 'cancelled'] as const;
/** Event types a webhook endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'post.published',
  'share.created',
  'click.milestone',
  'conversion.recorded',
  'suggestion.created',
  'suggestion.reviewed',
  'digest.due',
  'reward_request.created',
  'reward_request.updated',
] as const;
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
/** An employee in the program's directory: `deactivated` is a leaver (their row, links and history stay). */
export const EMPLOYEE_STATUSES = ['active', 'deactivated'] as const;
/**
 * The `<slug>` of a problem's `type` (`https://advocacy-kit.dev/problems/<slug>`): `validation`
 * (400, 413, 415, 422), `unauthorized` (401), `forbidden` (403), `not_found` (404), `conflict`
 * (409), `rate_limited` (429, Retry-After), `database_unavailable` (503, Retry-After: the database
 * is unreachable, too slow, full or read-only; nothing was changed, or a retry with the same
 * Idempotency-Key lands once), `identity_provider_unavailable` (503, Retry-After: the identity
 * provider's signing keys cannot be fetched, so a token cannot be checked; the client keeps its
 * token and tries again), `employee_deactivated` (403: the employee was deactivated), `not_a_member` (403: the employee is not a joined member of the program: in invitation enrollment only invited employees who accepted may share; in any mode, someone who declined takes no part until they accept), `policy_required` (403:
 * the employee has not accepted the current social-media policy version; read it from
 * `GET /compliance`, accept it, share again), `blocked_terms` (422: the commentary contains blocked
 * terms; the problem's `blockedTerms` lists them, with field errors on `commentary`), `server` (500).
 */
export const PROBLEM_SLUGS = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'database_unavailable',
  'identity_provider_unavailable',
  'employee_deactivated',
  'policy_required',
  'blocked_terms',
  'not_a_member',
  'server',
] as const;

/* ------------------------------------------------------------ pilots: membership and goals */
/** Who takes part: `open` (everyone who signs in, unless they declined) or `invitation` (only those who accepted one). */
export const ENROLLMENT_MODES = ['open', 'invitation'] as const;
/** An employee's place in the program; `not_invited` only exists in invitation enrollment. */
export const MEMBER_STATES = ['invited', 'joined', 'declined', 'not_invited'] as const;
/** Filters of the member list: a state, or `not_joined` (invited, declined or never invited). */
export const MEMBER_FILTERS = [...MEMBER_STATES, 'not_joined'] as const;
export const INVITATION_DECISIONS = ['accept', 'decline'] as const;
/** What a goal measures; participation is a share of members (0–1), the others are counts or value. */
export const GOAL_METRICS = ['participation', 'shares', 'unique_clicks', 'conversions', 'conversion_value'] as const;
/** Where a goal stands: before its start, ahead of or behind a linear pace, reached, or ended short. */
export const GOAL_STATUSES = ['upcoming', 'on_track', 'behind', 'achieved', 'missed'] as const;

/* ------------------------------------------------------------ delivery: email, Teams, Slack */
/** What the server sends to employees: the weekly digest, a reminder, a program invitation, or an admin's test message. */
export const DELIVERY_KINDS = ['digest', 'nudge', 'invitation', 'test'] as const;
/** Where a message goes: the employee's email over SMTP, or the Teams or Slack workflow / incoming-webhook URL. */
export const DELIVERY_CHANNELS = ['email', 'teams', 'slack'] as const;
/** How the SMTP connection is secured: TLS from the start (port 465), STARTTLS required, or none (tests and local relays only). */
export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
/** An outbox message: waiting or being retried, delivered, failed for good, or skipped (no email address, opted out). */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'skipped'] as const;
/* ------------------------------------------------------------ self-service */
/** The languages an employee may choose for the program (`PUT /me/preferences`): the ones the kit ships. */
export const SUPPORTED_LOCALES = ['en', 'ja'] as const;
