import { isAdvocacyError } from '@advocacy-kit/core/backend';
import { memoryBackend, type MemoryBackend } from '@advocacy-kit/core/memory';
import type { ContractTarget } from '../src/index.js';

/** The demo company's people the suite acts as: two employees in different teams and an admin. */
export const DEMO = { employee: 'emp-kenji', otherEmployee: 'emp-yui', admin: 'emp-haruka', erasable: 'emp-oliver' } as const;

/** The tracking code is the last path segment of a tracking URL (`…/r/<code>`). */
export function trackingCode(url: string): string {
  return new URL(url).pathname.split('/').pop() ?? '';
}

/** A contract target over one in-memory backend, seen by three people of the demo company. */
export function memoryTarget(backend: MemoryBackend = memoryBackend()): ContractTarget {
  return {
    employee: () => backend.as(DEMO.employee),
    otherEmployee: () => backend.as(DEMO.otherEmployee),
    admin: () => backend.as(DEMO.admin),
    erasable: () => backend.as(DEMO.erasable),
    // The memory backend reports conversions as its one source.
    conversions: () => backend,
    // One visitor for the whole run, as one browser would be over HTTP.
    async visitTrackingUrl(url, userAgent) {
      try {
        return backend.recordClick(trackingCode(url), { userAgent, visitorId: 'contract-tests-visitor' }).destination;
      } catch (error) {
        if (isAdvocacyError(error) && error.code === 'not_found') return null;
        throw error;
      }
    },
  };
}
