import type { ContentKind, ConversionType, EventType, NetworkId, Period, PostStatus, Scope } from '@advocacy-kit/core';

/*
 * The enumerations of the contract, spelled out here so the document needs no runtime import of
 * core; `satisfies` makes the compiler reject a value core does not have, and the drift test
 * checks nothing is missing.
 */
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
] as const satisfies readonly NetworkId[];
export const CONTENT_KINDS = ['curated', 'owned', 'promotional'] as const satisfies readonly ContentKind[];
export const POST_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const satisfies readonly PostStatus[];
export const PERIODS = ['week', 'month', 'quarter', 'all'] as const satisfies readonly Period[];
export const SCOPES = ['company', 'team'] as const satisfies readonly Scope[];
export const EVENT_TYPES = ['feed_view', 'post_open', 'share_intent'] as const satisfies readonly EventType[];
export const CONVERSION_TYPES = ['lead', 'signup', 'download', 'deal'] as const satisfies readonly ConversionType[];
