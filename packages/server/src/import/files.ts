import { CONTENT_KINDS, CONVERSION_TYPES, NETWORK_IDS, POINTS_REASONS, ROLES } from '@advocacy-kit/core/contract';
import type { PostInput } from '@advocacy-kit/core';
import { TRACKING_CODE } from '../ids.js';
import { FieldError, id, localized, number, oneOf, optionalText, optionalTime, strings, text, time, webUrl } from './fields.js';

/**
 * The import files, in the order they are read: each names the records the later ones refer to.
 * Every file is optional; see docs/importing.md for one example line of each.
 */
export const IMPORT_FILES = ['teams', 'topics', 'employees', 'posts', 'shares', 'clicks', 'conversions', 'points'] as const;
export type ImportFile = (typeof IMPORT_FILES)[number];

/** Column types, for PostgreSQL's `unnest` casts. */
export type ColumnType = 'text' | 'integer' | 'double precision';

/** A table the import fills with plain rows: its columns and their types. */
export interface TableSpec {
  table: string;
  columns: ReadonlyArray<readonly [string, ColumnType]>;
}

type Obj = Record<string, unknown>;

export const TEAMS: TableSpec = {
  table: 'teams',
  columns: [
    ['id', 'text'],
    ['name', 'text'],
    ['names', 'text'],
  ],
};
export const teamRow = (line: Obj) => {
  const name = text(line, 'name', undefined, 200);
  return [id(line, 'id'), name, JSON.stringify(line.names === undefined ? {} : localized(line, 'names'))];
};

export const TOPICS: TableSpec = {
  table: 'topics',
  columns: [
    ['id', 'text'],
    ['names', 'text'],
  ],
};
export const topicRow = (line: Obj) => [id(line, 'id'), JSON.stringify(localized(line, 'names'))];

export const EMPLOYEES: TableSpec = {
  table: 'employees',
  columns: [
    ['id', 'text'],
    ['display_name', 'text'],
    ['team_id', 'text'],
    ['role', 'text'],
    ['locale', 'text'],
    ['time_zone', 'text'],
    ['email', 'text'],
    ['status', 'text'],
    ['created_at', 'text'],
    ['deactivated_at', 'text'],
  ],
};
/** An employee row; index 2 is the team it refers to. */
export const employeeRow = (line: Obj) => {
  const status = oneOf(line, 'status', ['active', 'deactivated'] as const, 'active');
  const createdAt = time(line, 'createdAt');
  return [
    id(line, 'id'),
    text(line, 'displayName', undefined, 200),
    id(line, 'teamId'),
    oneOf(line, 'role', ROLES, 'employee'),
    text(line, 'locale', 'en', 35),
    text(line, 'timeZone', 'UTC', 64),
    optionalText(line, 'email', 320),
    status,
    createdAt,
    status === 'deactivated' ? (optionalTime(line, 'deactivatedAt') ?? createdAt) : null,
  ];
};

/** A post as the admin API takes it, with its id and creation time. */
export function postOf(line: Obj): { id: string; createdAt: string; input: PostInput } {
  const publishAt = time(line, 'publishAt');
  const url = webUrl(line, 'url');
  return {
    id: id(line, 'id'),
    createdAt: time(line, 'createdAt', publishAt),
    input: {
      kind: oneOf(line, 'kind', CONTENT_KINDS, 'curated'),
      status: oneOf(line, 'status', ['published', 'archived'] as const, 'published'),
      title: text(line, 'title', undefined, 500),
      summary: text(line, 'summary', ''),
      url,
      source: text(line, 'source', new URL(url).hostname, 200),
      locale: text(line, 'locale', 'en', 35),
      topics: strings(line, 'topics'),
      hashtags: strings(line, 'hashtags'),
      networks: strings(line, 'networks').map((network) => oneOf({ network }, 'network', NETWORK_IDS)),
      publishAt,
      expireAt: optionalTime(line, 'expireAt'),
    } as PostInput,
  };
}

export const SHARES: TableSpec = {
  table: 'shares',
  columns: [
    ['id', 'text'],
    ['employee_id', 'text'],
    ['post_id', 'text'],
    ['network', 'text'],
    ['commentary', 'text'],
    ['idempotency_key', 'text'],
    ['request_hash', 'text'],
    ['tracking_code', 'text'],
    ['destination', 'text'],
    ['points_awarded', 'integer'],
    ['created_at', 'text'],
  ],
};

/** Imported shares are told apart by their idempotency key. */
export const IMPORT_KEY_PREFIX = 'import:';

export interface ShareLine {
  id: string;
  employeeId: string;
  postId: string;
  network: (typeof NETWORK_IDS)[number];
  commentary: string;
  trackingCode: string | null;
  createdAt: string;
}

export function shareOf(line: Obj): ShareLine {
  const trackingCode = optionalText(line, 'trackingCode', 16);
  if (trackingCode !== null && !TRACKING_CODE.test(trackingCode))
    throw new FieldError('"trackingCode" must be 16 characters of A-Z, a-z, 0-9, _ or - (omit it to have one made)');
  return {
    id: id(line, 'id'),
    employeeId: id(line, 'employeeId'),
    postId: id(line, 'postId'),
    network: oneOf(line, 'network', NETWORK_IDS),
    commentary: text(line, 'commentary', '', 5000),
    trackingCode,
    createdAt: time(line, 'createdAt'),
  };
}

export const CLICKS: TableSpec = {
  table: 'clicks',
  columns: [
    ['code', 'text'],
    ['day', 'text'],
    ['visitor_hash', 'text'],
    ['share_id', 'text'],
    ['created_at', 'text'],
  ],
};

export const clickOf = (line: Obj) => ({
  shareId: id(line, 'shareId'),
  createdAt: time(line, 'createdAt'),
  visitor: line.visitor === undefined || line.visitor === null ? null : id(line, 'visitor'),
});

export const CONVERSIONS: TableSpec = {
  table: 'conversions',
  columns: [
    ['id', 'text'],
    ['code', 'text'],
    ['share_id', 'text'],
    ['post_id', 'text'],
    ['employee_id', 'text'],
    ['type', 'text'],
    ['value', 'double precision'],
    ['currency', 'text'],
    ['external_id', 'text'],
    ['source', 'text'],
    ['request_hash', 'text'],
    ['created_at', 'text'],
  ],
};

export const conversionOf = (line: Obj) => {
  const conversionId = id(line, 'id');
  return {
    id: conversionId,
    shareId: id(line, 'shareId'),
    type: oneOf(line, 'type', CONVERSION_TYPES),
    value: number(line, 'value', { fallback: 0, min: 0 }),
    currency: optionalText(line, 'currency', 3),
    externalId: line.externalId === undefined ? conversionId : id(line, 'externalId'),
    createdAt: time(line, 'createdAt'),
  };
};

export const POINTS: TableSpec = {
  table: 'points_ledger',
  columns: [
    ['id', 'text'],
    ['employee_id', 'text'],
    ['delta', 'integer'],
    ['reason', 'text'],
    ['reference', 'text'],
    ['note', 'text'],
    ['created_at', 'text'],
  ],
};

/** A ledger row; index 1 is the employee it refers to. */
export const pointsRow = (line: Obj) => {
  const rowId = id(line, 'id');
  return [
    rowId,
    id(line, 'employeeId'),
    number(line, 'delta', { integer: true }),
    oneOf(line, 'reason', POINTS_REASONS, 'adjustment'),
    line.reference === undefined ? `${IMPORT_KEY_PREFIX}${rowId}` : id(line, 'reference'),
    optionalText(line, 'note', 500),
    time(line, 'createdAt'),
  ];
};
