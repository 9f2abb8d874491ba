// Compiled by scripts/check-types.mjs against the BUILT package (dist/*.d.ts, through the
// package's exports) with no DOM library and `skipLibCheck: false`, as in a Node service that
// uses the SDK. Every entry point is imported, so a DOM-only type in any public signature fails.
import { createAdvocacyClient, type StorageLike } from '@advocacy-kit/core';
import { httpBackend } from '@advocacy-kit/core/backend';
import { memoryBackend } from '@advocacy-kit/core/memory';
import { openShareWindow } from '@advocacy-kit/core/share';
import '@advocacy-kit/core/feed';
import '@advocacy-kit/core/points';
import '@advocacy-kit/core/links';
import '@advocacy-kit/core/attribution';
import '@advocacy-kit/core/events';
import '@advocacy-kit/core/contract';
import '@advocacy-kit/core/rules';
import '@advocacy-kit/core/admin';
import '@advocacy-kit/core/rewards';
import '@advocacy-kit/core/self-service';

// A Map is storage enough on a server.
const entries = new Map<string, string>();
const storage: StorageLike = {
  getItem: (key) => entries.get(key) ?? null,
  setItem: (key, value) => void entries.set(key, value),
  removeItem: (key) => void entries.delete(key),
};
export const client = createAdvocacyClient({ backend: memoryBackend(), storage });
export const http = httpBackend;
export const target = openShareWindow();

// The project really has no DOM: these names must not exist.
// @ts-expect-error -- no DOM library in a Node project
export type NoWindow = Window;
// @ts-expect-error -- no DOM library in a Node project
export type NoStorage = Storage;
