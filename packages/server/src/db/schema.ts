import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Timestamps are ISO 8601 UTC strings (`toISOString()`) in both
 * dialects, so they compare and sort the same way on SQLite and PostgreSQL; JSON columns are
 * text.
 */
export interface Database {
  meta: { key: string; value: string };
  /** `name` is the default of `names` (JSON, per locale); archived teams leave lists and pickers (0220). */
  teams: { id: string; name: string; names: Generated<string>; position: Generated<number>; archived_at: string | null };
  employees: {
    id: string;
    display_name: string;
    team_id: string;
    role: string;
    locale: string;
    time_zone: string;
    avatar_url: string | null;
    policy_accepted_at: string | null;
    created_at: string;
    email: string | null;
    /** active | deactivated. A deactivated employee keeps their row, history and links. */
    status: Generated<string>;
    last_active_at: string | null;
    deactivated_at: string | null;
    updated_at: string | null;
    /** A role a program admin set over the token's (0220); null: the token's role. */
    granted_role: string | null;
    /** The social-media policy version the employee accepted last (policy/). */
    policy_version_accepted: number | null;
    /** 1 once the employee chose their language (selfservice, 0320): sign-in no longer replaces it. */
    locale_chosen: Generated<number>;
    /** 1 once the employee chose their time zone (selfservice, 0320): sign-in no longer replaces it. */
    time_zone_chosen: Generated<number>;
    /** The employee's number, given once and kept through renames (0470): the share packs name employees by it. */
    seq: Generated<number>;
  };
  /** Archived topics leave lists and pickers; posts keep them (0220). */
  topics: { id: string; names: string; position: Generated<number>; archived_at: string | null };
  posts: {
    id: string;
    kind: string;
    /** draft | published | archived; `scheduled` is a published post whose publish_at is ahead. */
    status: string;
    title: string;
    summary: string;
    url: string;
    image_url: string | null;
    source: string;
    locale: string;
    suggested_commentary: string;
    hashtags: string;
    topics: string;
    audience_teams: string;
    audience_roles: string;
    networks: string;
    publish_at: string;
    expire_at: string | null;
    created_at: string;
    updated_at: string;
  };
  post_topics: { post_id: string; topic_id: string };
  post_audience: { post_id: string; kind: string; value: string };
  shares: {
    id: string;
    employee_id: string;
    post_id: string;
    network: string;
    commentary: string;
    idempotency_key: string;
    request_hash: string;
    tracking_code: string;
    destination: string;
    points_awarded: number;
    created_at: string;
    /** Keyed hash of the network the share was made from (`networkHash`); null when unknown. */
    sharer_network: string | null;
    /** 1 on the employee's first share of the post to the network; null on older repeats. */
    first_to_network: number | null;
  };
  /** Idempotency-Keys answered with the employee's earlier share of the same post and network. */
  share_repeats: { employee_id: string; idempotency_key: string; request_hash: string; share_id: string; created_at: string };
  /** Networks (hashed per day) that earned an employee click points for a post on a day. */
  click_point_visitors: { employee_id: string; post_id: string; day: string; visitor: string };
  clicks: {
    code: string;
    day: string;
    visitor_hash: string;
    share_id: string;
    created_at: string;
  };
  rollup_network: Rollup & { network: string };
  rollup_team: Rollup & { team_id: string };
  rollup_post: Rollup & { post_id: string };
  /** Per UTC hour (`h`) and day (`d`), its shares' sharers as 4-byte employee numbers; null once its shares changed (analytics/share-packs.ts, 0470). */
  share_packs: { level: string; bucket: string; data: Buffer | null };
  conversions: {
    id: string;
    code: string;
    share_id: string;
    post_id: string;
    employee_id: string;
    type: string;
    value: number;
    currency: string | null;
    external_id: string;
    /** The reporting system (its API key's source name); (source, external_id) is unique. */
    source: string;
    request_hash: string;
    created_at: string;
  };
  points_ledger: {
    id: string;
    employee_id: string;
    delta: number;
    reason: string;
    reference: string;
    created_at: string;
    /** An admin's reason for a `manual` row (migration 0270); null otherwise. */
    note: string | null;
  };
  suggestions: {
    id: string;
    employee_id: string;
    url: string;
    note: string;
    topics: string;
    status: string;
    review_reason: string | null;
    post_id: string | null;
    idempotency_key: string | null;
    created_at: string;
    reviewed_at: string | null;
  };
  events: {
    employee_id: string;
    id: string;
    type: string;
    at: string;
    post_id: string | null;
    network: string | null;
    received_at: string;
  };
  /** Admin, SCIM and system changes; written in the change's own transaction (audit/audit.ts). */
  audit_log: {
    id: string;
    at: string;
    actor_kind: string;
    actor_id: string;
    action: string;
    target_kind: string;
    target_id: string;
    before: string | null;
    after: string | null;
  };
  /* policy: the social-media policy and compliance (policy/) */
  /** One version of the policy: `draft` (at most one, the newest) or `published` (never changes). */
  policy_versions: { version: number; status: string; texts: string; created_at: string; updated_at: string; published_at: string | null };
  /** Who accepted which policy version, when. */
  policy_acceptances: { employee_id: string; version: number; accepted_at: string };
  blocked_terms: { id: string; locale: string; term: string; term_key: string; reason: string; created_at: string };
  disclosures: { locale: string; text: string; updated_at: string };
  /* pilots: enrollment, invitations, goals (pilots/) */
  /** The enrollment mode; one row (`id` = 'program') once an admin sets it, `open` without it. */
  program_enrollment: { id: string; enrollment: string; updated_at: string };
  /** Employees invited to the program and their answer; no row = never invited. */
  program_members: {
    employee_id: string;
    /** invited | joined | declined */
    state: string;
    invited_at: string | null;
    invited_via: string | null;
    responded_at: string | null;
    updated_at: string;
  };
  program_goals: {
    id: string;
    title: string;
    metric: string;
    target: number;
    from_day: string;
    to_day: string;
    team_id: string | null;
    archived: number;
    created_at: string;
    updated_at: string;
  };
  /** Privacy: admin-editable settings by key (`click_retention_days`: JSON number or null). */
  privacy_settings: { key: string; value: string; updated_at: string };
  /** Erased people: a keyed hash of the original id (never the id) and the pseudonym that replaced it. */
  erasures: { subject_hash: string; pseudonym: string; erased_at: string };
  /** The rewards catalogue (rewards/, migration 0271). */
  rewards: {
    id: string;
    /** LocalizedText JSON. */
    name: string;
    description: string;
    image_url: string | null;
    cost: number;
    /** Left to request; null for unlimited. */
    stock: number | null;
    starts_at: string | null;
    ends_at: string | null;
    team_id: string | null;
    /** 1 or 0. */
    active: number;
    created_at: string;
    updated_at: string;
  };
  /** Employees' reward requests; a pending one holds its cost in points_ledger (`reward_hold`). */
  reward_requests: {
    id: string;
    reward_id: string;
    employee_id: string;
    /** LocalizedText JSON, as the reward was named when requested. */
    reward_name: string;
    cost: number;
    status: string;
    reason: string | null;
    created_at: string;
    decided_at: string | null;
    fulfilled_at: string | null;
    /** The Idempotency-Key the request came with (0300); unique per employee, null when none was sent. */
    idempotency_key: string | null;
  };
  /* search: full-text search over posts (search/) */
  /** A post's searchable text (title, summary, suggested commentary; normalised, one per line). */
  post_search: { post_id: string; body: string };
  /** RSS, Atom and JSON feeds an admin curates from (sources/). */
  curated_sources: {
    id: string;
    url: string;
    title: string;
    locale: string;
    /** JSON array of topic ids. */
    topics: string;
    interval_minutes: number;
    paused: number;
    etag: string | null;
    last_modified: string | null;
    last_fetched_at: string | null;
    last_success_at: string | null;
    last_error: string | null;
    failures: number;
    next_fetch_at: string;
    created_at: string;
  };
  /** New items of curated sources: pending, published (as post_id) or dismissed. */
  curation_items: {
    id: string;
    source_id: string;
    item_key: string;
    status: string;
    url: string;
    title: string;
    summary: string;
    image_url: string | null;
    site_name: string | null;
    published_at: string | null;
    found_at: string;
    post_id: string | null;
  };
  /**
   * Versions of the point rules (point-rules/, migration 0290): `rules` is JSON (`points`,
   * `networkWeights`) over the configured defaults, in effect from `effective_from` until the next.
   */
  point_rule_versions: {
    id: string;
    rules: string;
    effective_from: string;
    note: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
}

/** Counts per time bucket of one analytics dimension (see analytics/rollups.ts). */
export interface Rollup {
  level: string;
  bucket: string;
  shares: number;
  clicks: number;
  conversions: number;
  conversion_value: number;
}
