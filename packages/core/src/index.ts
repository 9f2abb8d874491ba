/**
 * @advocacy-kit/core — the headless employee-advocacy SDK. Everything but the in-memory
 * backend (`@advocacy-kit/core/memory`) and the landing-page attribution helper
 * (`@advocacy-kit/core/attribution`), which live on their own entries to keep this one small,
 * and the networks' names, which are on `@advocacy-kit/core/share`.
 */
export * from './backend/index.js';
export * from './feed/index.js';
export * from './share/main.js';
export * from './points/index.js';
export * from './links/index.js';
export * from './events/index.js';
export { createAdvocacyClient } from './client/client.js';
export type * from './client/types.js';
export type { FacadeStore } from './internal/store.js';
