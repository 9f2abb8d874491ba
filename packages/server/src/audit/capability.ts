import type { Capability } from '../capability.js';
import { auditLogMigration } from './migrations/0210_audit_log.js';

/** The audit log of admin, SCIM and system changes (`recordAudit()` in audit.ts). */
export const auditCapability: Capability = {
  name: 'audit',
  migrations: { '0210_audit_log': auditLogMigration },
};
