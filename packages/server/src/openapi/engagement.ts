/** Badges, contests, caps and preferences: operations and schemas, merged into the document (./document.ts). */
import { SCOPES } from '@advocacy-kit/core';
import type { Operation } from './document.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
const int = (extra: Schema = {}): Schema => ({ type: 'integer', ...extra });
const dateTime = str({ format: 'date-time' });
const dateOrTime: Schema = { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }], description: 'Inclusive ISO date (YYYY-MM-DD) or timestamp.' };
const record = (properties: Record<string, Schema>): Schema => ({ type: 'object', properties, required: Object.keys(properties), additionalProperties: false });
const problem = (description: string) => ({ description, schema: 'ProblemDetails', contentType: 'application/problem+json' });

/** Badge ids, in the order the API lists them (core's `BadgeId`). */
export const BADGE_IDS = ['first_share', 'ten_shares', 'first_conversion', 'streak'] as const;
export const CONTEST_STATUSES = ['scheduled', 'active', 'ended'] as const;

export const engagementSchemas: Record<string, Schema> = {
  Badge: record({
    id: str({ enum: [...BADGE_IDS] }),
    awardedAt: { ...dateTime, type: ['string', 'null'] },
    progress: int({ minimum: 0 }),
    target: int({ minimum: 1 }),
  }),
  BadgeList: record({ items: { type: 'array', items: ref('Badge') } }),
  Contest: record({
    id: str(),
    title: str(),
    description: str(),
    prize: str(),
    scope: str({ enum: [...SCOPES] }),
    team: str({ type: ['string', 'null'] }),
    startsAt: dateTime,
    endsAt: dateTime,
    status: str({ enum: [...CONTEST_STATUSES] }),
    final: { type: 'boolean', description: 'The contest ended and its leaderboard is stored: it no longer changes.' },
    entries: { type: 'array', items: ref('LeaderboardEntry') },
    me: { oneOf: [ref('LeaderboardEntry'), { type: 'null' }] },
  }),
  ContestList: record({ items: { type: 'array', items: ref('Contest') } }),
  ContestInput: {
    type: 'object',
    properties: {
      title: str({ minLength: 1, maxLength: 200 }),
      description: str({ maxLength: 2000 }),
      prize: str({ minLength: 1, maxLength: 500 }),
      scope: str({ enum: [...SCOPES] }),
      team: str({ minLength: 1, maxLength: 200, description: 'Required when scope is team.' }),
      startsAt: dateTime,
      endsAt: dateTime,
    },
    required: ['title', 'prize', 'scope', 'startsAt', 'endsAt'],
    additionalProperties: false,
  },
  Preferences: record({ digest: { type: 'boolean' }, nudges: { type: 'boolean' } }),
  PreferencesInput: {
    type: 'object',
    properties: { digest: { type: 'boolean' }, nudges: { type: 'boolean' } },
    minProperties: 1,
    additionalProperties: false,
  },
  Cap: record({ name: str(), limit: int(), unit: str(), description: str() }),
  CapList: record({ items: { type: 'array', items: ref('Cap') } }),
};

const bearer = { security: ['bearer' as const] };
const forbidden = { '403': problem('Not an admin') };

export const engagementOperations: Record<string, Record<string, Operation>> = {
  '/me/badges': {
    get: { operationId: 'listMyBadges', summary: 'Every badge with my progress; each is awarded once', tags: ['me'], ...bearer, responses: { '200': { description: 'OK', schema: 'BadgeList' } } },
  },
  '/me/preferences': {
    get: { operationId: 'getPreferences', summary: 'My digest and reminder preferences', tags: ['me'], ...bearer, responses: { '200': { description: 'OK', schema: 'Preferences' } } },
    put: {
      operationId: 'updatePreferences',
      summary: 'Opt in or out of the weekly digest and the reminders',
      tags: ['me'],
      ...bearer,
      body: { schema: 'PreferencesInput' },
      responses: { '200': { description: 'OK', schema: 'Preferences' } },
    },
  },
  '/contests': {
    get: {
      operationId: 'listContests',
      summary: 'Contests running now and those ended in the last 30 days, with their leaderboards (stored once ended)',
      tags: ['points'],
      ...bearer,
      responses: { '200': { description: 'OK', schema: 'ContestList' } },
    },
  },
  '/admin/contests': {
    post: {
      operationId: 'adminCreateContest',
      summary: 'Create a contest over a date range for the company or one team',
      tags: ['admin'],
      ...bearer,
      body: { schema: 'ContestInput' },
      responses: { '201': { description: 'Created', schema: 'Contest' }, ...forbidden },
    },
  },
  '/admin/exports/crm.csv': {
    get: {
      operationId: 'adminExportCrm',
      summary: 'CSV of conversions with click-level attribution (advocate, post, network, UTM, clicks) for HubSpot or Salesforce imports',
      tags: ['admin'],
      ...bearer,
      query: { from: dateOrTime, to: dateOrTime },
      responses: { '200': { description: 'CSV', contentType: 'text/csv' }, ...forbidden },
    },
  },
  '/admin/caps': {
    get: { operationId: 'adminCaps', summary: 'The anti-gaming caps this server enforces', tags: ['admin'], ...bearer, responses: { '200': { description: 'OK', schema: 'CapList' }, ...forbidden } },
  },
};
