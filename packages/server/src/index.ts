export { createApp, API_PREFIX, type AdvocacyApp } from './app.js';
export { createServer, closeOnSignals, type RunningServer } from './server.js';
export type { ClickShutdown } from './tracking/click-recorder.js';
export { loadConfig, resolveConfig, type ServerConfig, type AuthConfig, type RateLimit, type LogLevel } from './config.js';
export { RulesOverridesSchema } from './rules/overrides.js';
export { openDatabase, type Db, type Dialect } from './db/database.js';
export { migrateToLatest } from './migrations.js';
export { loadSeed, type SeedResult } from './seed.js';
export { openApiDocument } from '@advocacy-kit/core/contract';
export { mintDemoToken } from './auth/tokens.js';
export { runCli } from './cli.js';
export {
  verifyWebhookSignature,
  signWebhookPayload,
  SIGNATURE_HEADER,
  type VerifyWebhookOptions,
  type WebhookVerification,
} from './webhooks/signature.js';
export {
  verifyStandardWebhook,
  standardWebhookHeaders,
  toStandardWebhookSecret,
  STANDARD_WEBHOOK_HEADERS,
  type VerifyStandardWebhookOptions,
  type StandardWebhookVerification,
} from './webhooks/standard.js';
export { WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventType } from './webhooks/events.js';
export { rebuildRollups, createRollupTriggers, dropRollupTriggers } from './analytics/rollups.js';
