import type { MyPointsEntry, MyShare, NetworkId, Post, PointsEntry, Preferences, PreferencesInput, Share } from '../backend/contract.js';
import { SUPPORTED_LOCALES } from '../contract/enums.js';
import { ianaTimeZone, referencedPost } from '../rules/index.js';
import type { MemoryDb } from './db.js';
import { requestedRewardName } from './rewards.js';
import { FieldErrors } from './validate.js';

// Self-service in the memory backend, as the reference server answers it (server/src/selfservice):
// my shares with what each earned, my ledger rows with what they are about, the networks I shared
// each post to, and my language and time zone. Only ever the employee's own rows.

/** A share with its post's title, unique clicks, conversions and the points it earned. */
export function withResults(db: MemoryDb, share: Share): MyShare {
  const conversions = [...db.conversions.values()].filter((conversion) => db.links.get(conversion.code)?.share.id === share.id);
  const conversionPoints = db.ledger
    .filter((row) => row.reason === 'conversion' && row.employeeId === share.employeeId && conversions.some((c) => c.id === row.reference))
    .reduce((sum, row) => sum + row.delta, 0);
  return {
    ...share,
    postTitle: db.posts.get(share.postId)?.title ?? '',
    clicks: db.clicks.filter((click) => click.shareId === share.id).length,
    conversions: conversions.length,
    points: share.pointsAwarded + conversionPoints,
  };
}

/** A ledger row with the post (and network) or the reward it is about. */
export function described(db: MemoryDb, row: PointsEntry): MyPointsEntry {
  let subject: { postId: string; network: NetworkId | null } | null = referencedPost(row.reason, row.reference, row.employeeId);
  if (row.reason === 'conversion') {
    const conversion = [...db.conversions.values()].find((c) => c.id === row.reference && c.employeeId === row.employeeId);
    if (conversion) subject = { postId: conversion.postId, network: db.links.get(conversion.code)?.share.network ?? null };
  }
  if (row.reason === 'suggestion') {
    const suggestion = db.suggestions.get(row.reference);
    if (suggestion?.employeeId === row.employeeId && suggestion.postId) subject = { postId: suggestion.postId, network: null };
  }
  const rewardName =
    row.reason === 'reward_hold' || row.reason === 'reward_release' ? requestedRewardName(db, row.employeeId, row.reference) : null;
  return {
    ...row,
    postId: subject?.postId ?? null,
    postTitle: subject ? (db.posts.get(subject.postId)?.title ?? null) : null,
    network: subject?.network ?? null,
    rewardName,
  };
}

/** The post as the employee reads it: with the networks they shared it to. */
export function withShared(db: MemoryDb, employeeId: string, post: Post): Post {
  const networks = new Set(db.shares.filter((share) => share.employeeId === employeeId && share.postId === post.id).map((s) => s.network));
  return { ...post, sharedNetworks: [...networks].sort() };
}

const DEFAULT_SWITCHES = { digest: true, nudges: true, showOnLeaderboard: false };

/** My switches, language and time zone (the language only where the kit ships it). */
export function preferencesOf(db: MemoryDb, employeeId: string): Preferences {
  const employee = db.employees.get(employeeId);
  const locale = SUPPORTED_LOCALES.find((supported) => supported === employee?.locale.toLowerCase().split('-')[0]);
  return {
    ...DEFAULT_SWITCHES,
    ...db.preferences.get(employeeId),
    ...(locale === undefined ? {} : { locale }),
    ...(employee ? { timeZone: employee.timeZone } : {}),
  };
}

/** Changes my preferences; a language the kit does not ship or a zone Intl does not know is a field error. */
export function updatePreferences(db: MemoryDb, employeeId: string, input: PreferencesInput): Preferences {
  const e = new FieldErrors();
  for (const key of ['digest', 'nudges', 'showOnLeaderboard'] as const)
    e.check(input[key] === undefined || typeof input[key] === 'boolean', key, 'must be true or false', 'wrong_type');
  e.check(
    input.locale === undefined || (SUPPORTED_LOCALES as readonly string[]).includes(input.locale),
    'locale',
    `must be one of ${SUPPORTED_LOCALES.join(', ')}`,
    'invalid_enum',
  );
  const timeZone = input.timeZone === undefined ? undefined : typeof input.timeZone === 'string' ? ianaTimeZone(input.timeZone) : null;
  e.check(timeZone !== null, 'timeZone', 'must be an IANA time zone, e.g. Asia/Tokyo', 'invalid_time_zone');
  e.throwIfAny();
  const { locale, timeZone: _zone, ...switches } = input;
  db.preferences.set(employeeId, { ...DEFAULT_SWITCHES, ...db.preferences.get(employeeId), ...switches });
  const employee = db.employees.get(employeeId);
  if (employee && (locale !== undefined || timeZone !== undefined)) {
    db.employees.set(employeeId, { ...employee, ...(locale === undefined ? {} : { locale }), ...(timeZone ? { timeZone } : {}) });
  }
  return preferencesOf(db, employeeId);
}
