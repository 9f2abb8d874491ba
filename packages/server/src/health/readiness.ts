import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import type { Services } from '../context.js';

/** One line of `/health/ready`: whether this part is fine, and what was seen. */
export interface CheckResult {
  ok: boolean;
  /** Why it is not fine, in words (or what it measured). */
  detail?: string;
  /** A measurement: milliseconds, clicks waiting, bytes free… */
  value?: number;
}

/** A readiness check; `services.readiness` is the list `/health/ready` runs (a capability may add its own). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<CheckResult> | CheckResult;
}

/** The probe's answer time limit: a probe that waits for the whole outage tells an orchestrator nothing. */
const PROBE_TIMEOUT_MS = 2_000;
/** Below this much free space in the SQLite folder the instance is not ready (writes would fail soon). */
const MIN_FREE_BYTES = 16 * 1024 * 1024;
/** Clicks waiting to be written beyond which the instance is not ready. */
const MAX_CLICKS_WAITING = 100_000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** A real write, in a transaction, of one row kept for the purpose. */
export async function writeProbe(s: Pick<Services, 'db'>): Promise<void> {
  const at = new Date().toISOString();
  await s.db
    .insertInto('meta')
    .values({ key: 'health_probe', value: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: at }))
    .execute();
}

/** SQLite only: room left for the file to grow, on the disk and under max_page_count. */
async function sqliteRoom(s: Services): Promise<CheckResult | null> {
  if (s.config.sqliteFile === ':memory:') return null;
  const { bavail, bsize } = statfsSync(dirname(s.config.sqliteFile));
  const free = bavail * bsize;
  if (free < MIN_FREE_BYTES) {
    return { ok: false, detail: `${Math.round(free / 1024)} KiB free on the disk of ${s.config.sqliteFile}`, value: free };
  }
  const pragma = async (name: string) =>
    Number(Object.values((await sql.raw(`PRAGMA ${name}`).execute(s.db)).rows[0] as Record<string, unknown>)[0]);
  const [pages, maxPages, freePages] = [await pragma('page_count'), await pragma('max_page_count'), await pragma('freelist_count')];
  if (pages >= maxPages && freePages === 0) {
    return { ok: false, detail: `database or disk is full: ${s.config.sqliteFile} (${pages} of ${maxPages} pages used)`, value: 0 };
  }
  return null;
}

/** Writable within the probe's time limit, with room to grow, and no write refused for lack of space just now. */
async function databaseCheck(s: Services): Promise<CheckResult> {
  const started = performance.now();
  try {
    await withTimeout(writeProbe(s), PROBE_TIMEOUT_MS, 'the database');
  } catch (error) {
    s.database.failed(error);
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  const ms = Math.round(performance.now() - started);
  const room = s.dialect === 'sqlite' ? await sqliteRoom(s) : null;
  if (room !== null) return room;
  const failure = s.database.state().failure;
  if (s.database.holdsStorageFailure() && failure !== null) {
    return { ok: false, detail: `writes failed since ${failure.since}: ${failure.cause}` };
  }
  return { ok: true, value: ms };
}

/** A background pass (scheduler, dispatcher) that fell far behind its interval fails readiness. */
export function schedulerCheck(lag: () => { intervalMs: number; lagMs: number } | null): CheckResult {
  const seen = lag();
  if (seen === null) return { ok: true, detail: 'not running on this instance' };
  const limit = Math.max(5 * seen.intervalMs, 60_000);
  return seen.lagMs > limit
    ? { ok: false, detail: `no pass finished for ${Math.round(seen.lagMs / 1000)} s beyond its interval`, value: seen.lagMs }
    : { ok: true, value: seen.lagMs };
}

/** Clicks answered but not yet in the database: the click spool's depth. */
function clicksCheck(s: Services): CheckResult {
  const waiting = s.clicks.depth();
  return waiting > MAX_CLICKS_WAITING
    ? { ok: false, detail: `${waiting} clicks waiting to be written`, value: waiting }
    : { ok: true, value: waiting };
}

/** The checks every instance runs: database writable, clicks waiting, scheduler lag. */
export function defaultReadiness(s: Services): ReadinessCheck[] {
  return [
    { name: 'database', check: () => databaseCheck(s) },
    { name: 'clicks', check: () => clicksCheck(s) },
    { name: 'engagement', check: () => schedulerCheck(() => s.engagement.lag()) },
    { name: 'webhooks', check: () => schedulerCheck(() => s.webhooks.lag()) },
  ];
}

/** Runs every check; one that throws counts as failed. */
export async function runReadiness(checks: ReadinessCheck[]): Promise<{ ok: boolean; checks: Record<string, CheckResult> }> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        return [name, await check()] as const;
      } catch (error) {
        return [name, { ok: false, detail: error instanceof Error ? error.message : String(error) }] as const;
      }
    }),
  );
  return { ok: results.every(([, result]) => result.ok), checks: Object.fromEntries(results) };
}
