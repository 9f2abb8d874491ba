import { sql } from 'kysely';
import type { RateLimit } from '../config.js';
import type { Db, Dialect } from '../db/database.js';
import { HttpProblem } from './problem.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** A limit that callers await: in memory (one process) or shared through PostgreSQL. */
export interface Limiter {
  /** Takes one token for `key`, or rejects with a 429 problem with Retry-After. */
  take(key: string): Promise<void>;
}

const rateLimited = (retryAfter: number) =>
  new HttpProblem(429, 'rate_limited', `Too many requests; retry in ${retryAfter} s.`, {
    headers: { 'Retry-After': String(retryAfter) },
  });

/**
 * In-memory token buckets, one per key (an IP, an employee, an API key). Per instance: behind a
 * load balancer each instance enforces its own share of the limit, so the redirect (whose limit
 * protects the instance, and whose hot path never waits on the database) and SCIM (limited
 * before its token is checked) use it alone; the write limits add `SharedRateLimiter` on
 * PostgreSQL.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxKeys: number;

  constructor(
    private readonly limit: RateLimit,
    options: { maxKeys?: number; now?: () => number } = {},
  ) {
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  private readonly now: () => number;

  /** Takes one token for `key`, or throws a 429 problem with Retry-After. */
  take(key: string): void {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= this.maxKeys) this.evictFull(now);
      bucket = { tokens: this.limit.burst, updatedAt: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.limit.perSecond);
      bucket.updatedAt = now;
    }
    if (bucket.tokens < 1) {
      throw rateLimited(Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond)));
    }
    bucket.tokens -= 1;
  }

  /**
   * Drops buckets that have refilled (they behave like new ones); if none has, the oldest tenth.
   * Runs only when the map is full, so its cost is spread over many requests.
   */
  private evictFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(key);
    }
    if (this.buckets.size < this.maxKeys * 0.9) return;
    let excess = this.buckets.size - Math.floor(this.maxKeys * 0.9);
    for (const key of this.buckets.keys()) {
      if (excess-- <= 0) break;
      this.buckets.delete(key);
    }
  }
}

/** Buckets older than this many full refills are deleted (they behave like new ones). */
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * The same token bucket, kept in PostgreSQL so that it holds for the sum of every instance's
 * requests: one `insert … on conflict do update … returning` per request, which refills the
 * bucket by the database's clock (instances' clocks may differ), takes a token when there is
 * one, and says whether it did; concurrent requests for one key queue on its row. The
 * instance's own bucket is asked first, so a flood from one caller is turned away without a
 * round trip (it can only refuse what the shared one would refuse too). Used only behind
 * authentication (writes per employee, conversions per API key), so no anonymous request
 * writes here. Full buckets are deleted now and then.
 */
export class SharedRateLimiter implements Limiter {
  readonly #local: RateLimiter;
  #prunedAt = Date.now();

  constructor(
    private readonly db: Db,
    private readonly name: string,
    private readonly limit: RateLimit,
  ) {
    this.#local = new RateLimiter(limit);
  }

  async take(key: string): Promise<void> {
    this.#local.take(key);
    const { burst, perSecond } = this.limit;
    // The refilled count, as an expression over the row before (b) and the request (excluded).
    const refilled = sql<number>`least(${burst}::double precision, b.tokens + (excluded.updated_ms - b.updated_ms) / 1000.0 * ${perSecond}::double precision)`;
    const { rows } = await sql<{ tokens: number; allowed: number }>`
      insert into rate_limit_buckets as b (name, key, tokens, updated_ms, allowed)
      values (${this.name}, ${key}, ${burst - 1}::double precision, (extract(epoch from clock_timestamp()) * 1000)::bigint, 1)
      on conflict (name, key) do update set
        tokens = case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end,
        allowed = case when ${refilled} >= 1 then 1 else 0 end,
        updated_ms = excluded.updated_ms
      returning tokens, allowed`.execute(this.db);
    const row = rows[0]!;
    if (Date.now() - this.#prunedAt > PRUNE_EVERY_MS) this.#prune().catch(() => undefined);
    if (Number(row.allowed) !== 1) throw rateLimited(Math.max(1, Math.ceil((1 - Number(row.tokens)) / perSecond)));
  }

  async #prune(): Promise<void> {
    this.#prunedAt = Date.now();
    const fullAfterMs = Math.ceil((this.limit.burst / this.limit.perSecond) * 1000);
    await sql`delete from rate_limit_buckets
      where name = ${this.name} and updated_ms < (extract(epoch from clock_timestamp()) * 1000)::bigint - ${fullAfterMs}`.execute(this.db);
  }
}

/** An in-memory bucket, awaited like the shared one. */
class LocalLimiter implements Limiter {
  readonly #limiter: RateLimiter;
  constructor(limit: RateLimit) {
    this.#limiter = new RateLimiter(limit);
  }
  async take(key: string): Promise<void> {
    this.#limiter.take(key);
  }
}

/** The limit `name` for this database: shared by the instances on PostgreSQL, in memory on SQLite (one process). */
export function writeLimiter(db: Db, dialect: Dialect, name: string, limit: RateLimit): Limiter {
  return dialect === 'postgres' ? new SharedRateLimiter(db, name, limit) : new LocalLimiter(limit);
}
