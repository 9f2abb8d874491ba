import { randomBytes } from 'node:crypto';

/** A new record id: a type prefix and 128 random bits (`shr_…`). */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(16).toString('base64url')}`;

/** A tracking code: 96 random bits as 16 base64url characters, not derivable from anything. */
export const newTrackingCode = (): string => randomBytes(12).toString('base64url');

/** Tracking codes this server issues; anything else is rejected before touching the database. */
export const TRACKING_CODE = /^[A-Za-z0-9_-]{16}$/;

export const nowIso = (): string => new Date().toISOString();
