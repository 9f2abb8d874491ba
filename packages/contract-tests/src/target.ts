import type { AdvocacyBackend } from '@advocacy-kit/core/backend';

/** A backend, or a promise of one: factories may sign in first. */
export type BackendFactory = () => AdvocacyBackend | Promise<AdvocacyBackend>;

/**
 * What the suite runs against: three views of the same data. Each factory is called once per
 * run. The employee and the other employee must be two different people with the `employee`
 * role; the admin must have the `admin` role.
 */
export interface ContractTarget {
  /** The employee most checks act as. */
  employee: BackendFactory;
  /** A second employee, used to prove that one employee can't see or change another's data. */
  otherEmployee: BackendFactory;
  /** A program admin: creates the posts the checks need and reviews suggestions. */
  admin: BackendFactory;
  /**
   * A third employee the suite may erase for good (anonymised, id replaced): enables the erasure
   * check. Give a test account, never a real person.
   */
  erasable?: BackendFactory;
  /**
   * One of the company's systems (a CRM, a shop) that reports conversions: over HTTP, a backend
   * with an API key and no employee token. Enables the conversion checks.
   */
  conversions?: BackendFactory;
  /**
   * A backend whose credentials the API rejects. Enables the `unauthorized` check; leave it out
   * for backends without authentication (such as the in-memory one).
   */
  unauthenticated?: BackendFactory;
  /**
   * The backends talk to an API over the HTTP contract (core's `httpBackend`). Enables the check
   * that errors carry the right status and RFC 9457 problem details.
   */
  http?: boolean;
  /**
   * Follows a tracking URL once, as a visitor with this User-Agent would, and returns where it
   * redirects to, or `null` when it doesn't redirect (an unknown code). Enables the tracking-link
   * and click checks.
   */
  visitTrackingUrl?: (url: string, userAgent: string) => Promise<string | null>;
}
