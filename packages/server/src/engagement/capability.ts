import type { Capability } from '../capability.js';
import { announcementsMigration } from './migrations/0203_engagement_announcements.js';
import { engagementMigration } from './migrations/0202_engagement_sends.js';

/** Digests, reminders and announcements (sent by the scheduler service; no routes of its own). */
export const engagementCapability: Capability = {
  name: 'engagement',
  migrations: {
    '0202_engagement_sends': engagementMigration,
    '0203_engagement_announcements': announcementsMigration,
  },
};
