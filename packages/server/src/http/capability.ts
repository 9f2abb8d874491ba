import type { Capability } from '../capability.js';
import { rateLimitBucketsMigration } from './migrations/0410_rate_limit_buckets.js';

/** The HTTP layer's own table: rate-limit buckets shared by the instances on one PostgreSQL (rate-limit.ts). */
export const httpCapability: Capability = {
  name: 'http',
  migrations: { '0410_rate_limit_buckets': rateLimitBucketsMigration },
};
