/**
 * @advocacy-kit/core — the headless employee-advocacy SDK for the browser. The in-memory backend
 * (`@advocacy-kit/core/memory`), the landing-page attribution helper (`/attribution`), the
 * tracking-link and UTM helpers servers use (`/links`), the networks' brand names (`/share`), the
 * admin stores (`/admin`), the rewards store (`/rewards`), the business rules (`/rules`) and the contract's schemas
 * (`/contract`) live on their own entries to keep this one small.
 */
export * from './backend/index.js';
export * from './feed/index.js';
export * from './share/main.js';
export * from './points/index.js';
export * from './events/index.js';
export { createAdvocacyClient } from './client/client.js';
export type * from './client/types.js';
export type { FacadeStore } from './internal/store.js';
export { createMembership, type MembershipController, type MembershipState } from './pilots/membership-store.js';
