import type { Selectable } from 'kysely';
import type {
  Employee,
  Post,
  PostStatus,
  Share,
  Suggestion,
  Conversion,
  PointsEntry,
  ContentKind,
  NetworkId,
  PointsReason,
  SuggestionStatus,
  ConversionType,
  Role,
} from '@advocacy-kit/core';
import type { Database } from './schema.js';

/** Turns table rows into the contract's objects (camelCase, parsed JSON, derived status). */

export type EmployeeRow = Selectable<Database['employees']> & { team_name: string | null };

export function toEmployee(row: EmployeeRow): Employee {
  return {
    id: row.id,
    displayName: row.display_name,
    team: row.team_id,
    teamName: row.team_name ?? row.team_id,
    role: row.role as Role,
    locale: row.locale,
    timeZone: row.time_zone,
    avatarUrl: row.avatar_url,
    policyAcceptedAt: row.policy_accepted_at,
    policyVersionAccepted: row.policy_version_accepted ?? null,
  };
}

/** A published post whose publish time is still ahead reads as `scheduled`. */
export function postStatus(row: Database['posts'], now: string): PostStatus {
  if (row.status === 'published' && row.publish_at > now) return 'scheduled';
  return row.status as PostStatus;
}

export function toPost(row: Database['posts'], now: string): Post {
  return {
    id: row.id,
    kind: row.kind as ContentKind,
    status: postStatus(row, now),
    title: row.title,
    summary: row.summary,
    url: row.url,
    imageUrl: row.image_url,
    source: row.source,
    locale: row.locale,
    suggestedCommentary: JSON.parse(row.suggested_commentary),
    hashtags: JSON.parse(row.hashtags),
    topics: JSON.parse(row.topics),
    audience: { teams: JSON.parse(row.audience_teams), roles: JSON.parse(row.audience_roles) },
    networks: JSON.parse(row.networks),
    publishAt: row.publish_at,
    expireAt: row.expire_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toShare(row: Database['shares'], publicUrl: string): Share {
  return {
    id: row.id,
    postId: row.post_id,
    employeeId: row.employee_id,
    network: row.network as NetworkId,
    commentary: row.commentary,
    trackingCode: row.tracking_code,
    trackingUrl: `${publicUrl}/r/${row.tracking_code}`,
    pointsAwarded: Number(row.points_awarded),
    createdAt: row.created_at,
  };
}

export function toPointsEntry(row: Database['points_ledger']): PointsEntry {
  return {
    id: row.id,
    employeeId: row.employee_id,
    delta: Number(row.delta),
    reason: row.reason as PointsReason,
    reference: row.reference,
    createdAt: row.created_at,
    ...(row.note != null && { note: row.note }),
  };
}

export function toSuggestion(row: Database['suggestions']): Suggestion {
  return {
    id: row.id,
    employeeId: row.employee_id,
    url: row.url,
    note: row.note,
    topics: JSON.parse(row.topics),
    status: row.status as SuggestionStatus,
    reviewReason: row.review_reason,
    postId: row.post_id,
    createdAt: row.created_at,
    reviewedAt: row.reviewed_at,
  };
}

export function toConversion(row: Database['conversions']): Conversion {
  return {
    id: row.id,
    code: row.code,
    postId: row.post_id,
    employeeId: row.employee_id,
    type: row.type as ConversionType,
    value: Number(row.value),
    currency: row.currency,
    externalId: row.external_id,
    source: row.source,
    createdAt: row.created_at,
  };
}
