export { memoryBackend, type MemoryBackend, type MemoryBackendOptions } from './memory-backend.js';
export type { ClickOptions, ClickResult } from './db.js';
export { demoSeed, type DemoSeedOptions } from './demo-seed.js';
export type { DemoSeed, SeedContest, SeedGoal, SeedMember, SeedShare, SeedTeam } from './seed-types.js';
