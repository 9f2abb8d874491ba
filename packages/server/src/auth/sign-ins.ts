import { WriteWatch } from '../db/write-watch.js';
import type { EmployeeWithStatus } from './employees.js';
import type { TokenIdentity } from './tokens.js';

/** Most tokens kept (the least recently verified go first). */
export const SIGN_IN_CACHE_ENTRIES = 10_000;
/** A longer token is verified on every request, never kept: 10,000 of them must stay a few tens of MB. */
const LONGEST_KEPT_TOKEN = 8_192;

/** The tables an employee's sign-in reads (`employeeForToken`). */
const SIGN_IN_TABLES = ['employees', 'teams'];
/** The hourly `last_active_at` stamp `employeeForToken` writes, which no kept sign-in shows. */
const LAST_ACTIVE_ONLY = /^update "employees" set "last_active_at" = (?:\?|\$1) where "id" = (?:\?|\$2)$/;

/** Watches the writes that make a kept sign-in's employee stale. */
export const signInWatch = (): WriteWatch => new WriteWatch(SIGN_IN_TABLES, (sql) => LAST_ACTIVE_ONLY.test(sql));

interface Entry {
  identity: TokenIdentity;
  /** Until when the verification stands: the token's expiry and maximum age, and at most the cache time after it was verified. */
  verifiedUntil: number;
  employee: EmployeeWithStatus;
  /** Until when the employee read may answer a read request. */
  readUntil: number;
  /** The watch's version before the employee was read. */
  version: number;
}

/**
 * Tokens verified lately, by the exact token string, with the employee each signed in as.
 *
 * - A token's signature and claims are checked again once `ttlMs` has passed since they were
 *   (a key the identity provider withdrew stops working within the JWKS refresh plus this), and
 *   it is never accepted past its expiry or maximum age (AUTH_MAX_TOKEN_AGE). Refused tokens are
 *   not kept.
 * - The employee (status, role, team, policy acceptance) is read again on every request that
 *   changes something and on every admin request (`exact`). A read request (GET) may be
 *   answered with the employee read for the same token less than `ttlMs` ago — unless a write
 *   to `employees` or `teams` went through this process since (a deactivation, a role grant, a
 *   team move, an accepted policy, a changed preference), which makes every kept employee stale
 *   at once. A change made through another instance (or the CLI) shows on reads within `ttlMs`.
 *
 * `ttlMs` 0 keeps nothing: every request verifies its token and reads its employee.
 */
export class SignInCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    readonly watch: WriteWatch,
    private readonly capacity = SIGN_IN_CACHE_ENTRIES,
  ) {}

  /** How many tokens are kept now. */
  get size(): number {
    return this.entries.size;
  }

  /** The employee `token` signs in as: verified by `verify`, read (or created) by `load`, or kept. */
  async employee(
    token: string,
    exact: boolean,
    verify: (token: string) => Promise<TokenIdentity>,
    load: (identity: TokenIdentity) => Promise<EmployeeWithStatus>,
  ): Promise<EmployeeWithStatus> {
    if (this.ttlMs <= 0 || token.length > LONGEST_KEPT_TOKEN) return load(await verify(token));
    let entry = this.entries.get(token);
    if (entry !== undefined && Date.now() >= entry.verifiedUntil) {
      this.entries.delete(token);
      entry = undefined;
    }
    if (entry !== undefined && !exact && entry.version === this.watch.version && Date.now() < entry.readUntil) return entry.employee;
    let identity: TokenIdentity;
    let verifiedUntil: number;
    if (entry === undefined) {
      identity = await verify(token);
      verifiedUntil = Math.min(identity.acceptedUntil, Date.now() + this.ttlMs);
    } else {
      ({ identity, verifiedUntil } = entry);
    }
    const version = this.watch.version;
    const readAt = Date.now();
    const employee = await load(identity);
    this.entries.delete(token);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { identity, verifiedUntil, employee, readUntil: readAt + this.ttlMs, version });
    return employee;
  }
}
