export { createApp, API_PREFIX, type AdvocacyApp } from './app.js';
export { createServer, closeOnSignals, type RunningServer } from './server.js';
export { loadConfig, resolveConfig, DEFAULT_POINTS, type ServerConfig, type AuthConfig, type PointsRules, type RateLimit, type LogLevel } from './config.js';
export { openDatabase, migrateToLatest, type Db, type Dialect } from './db/database.js';
export { loadSeed, type SeedResult } from './seed.js';
export { openApiDocument } from './openapi/document.js';
export { mintDemoToken } from './auth/tokens.js';
export { runCli } from './cli.js';
