import type { AdvocacyBackend } from '@advocacy-kit/core/backend';
import { CheckFailure, CheckSkipped, show } from './assert.js';
import { GROUPS, type Check, type GroupId } from './check.js';
import { CHECKS } from './checks/index.js';
import { checkContext, signIn, type Session } from './context.js';
import type { ContractTarget } from './target.js';

export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  id: string;
  group: GroupId;
  name: string;
  status: CheckStatus;
  durationMs: number;
  /** Why it failed or was skipped. */
  message?: string;
  expected?: string;
  actual?: string;
  /** Posts the suite could not archive after the check. */
  cleanupErrors?: string[];
}

export interface ContractReport {
  /** Tag put into every title, URL and key this run created. */
  runTag: string;
  passed: number;
  failed: number;
  skipped: number;
  durationMs: number;
  results: CheckResult[];
}

export interface SuiteOptions {
  /** Group ids (`feed`) or check ids (`feed.topic`) to run; all when empty. */
  only?: readonly string[];
  /** Called as each check finishes, e.g. to print progress. */
  onResult?: (result: CheckResult) => void;
  /** Time allowed per check; 60 s by default. */
  timeoutMs?: number;
}

const SETUP_ID = 'identity.setup';

/** Whole milliseconds since `start` (a `performance.now()` reading). */
const elapsed = (start: number) => Math.round(performance.now() - start);

/** The checks `only` selects; throws on names that match no group or check. */
export function selectChecks(only: readonly string[] = []): Check[] {
  if (only.length === 0) return [...CHECKS];
  const unknown = only.filter((name) => !GROUPS.some((g) => g.id === name) && !CHECKS.some((c) => c.id === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown check or group: ${unknown.join(', ')}. Groups: ${GROUPS.map((g) => g.id).join(', ')}.`);
  }
  return CHECKS.filter((check) => only.includes(check.group) || only.includes(check.id));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckFailure(`the check did not finish within ${ms} ms`, `done in ${ms} ms`, 'still running')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function outcome(error: unknown): Pick<CheckResult, 'status' | 'message' | 'expected' | 'actual'> {
  if (error instanceof CheckSkipped) return { status: 'skipped', message: error.message };
  if (error instanceof CheckFailure) {
    return { status: 'failed', message: error.message, expected: error.expected, actual: error.actual };
  }
  return { status: 'failed', message: `unexpected error: ${show(error)}` };
}

/**
 * Runs the contract checks against a target, one at a time, and reports each one. Checks create
 * their own posts through the admin backend (tagged with the run tag) and archive them after.
 */
export async function runContractSuite(target: ContractTarget, options: SuiteOptions = {}): Promise<ContractReport> {
  const checks = selectChecks(options.only);
  const started = performance.now();
  const runTag = `ct${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const results: CheckResult[] = [];
  const record = (result: CheckResult) => {
    results.push(result);
    options.onResult?.(result);
  };

  const setupStarted = performance.now();
  let session: Session;
  try {
    session = await signIn(target);
  } catch (error) {
    record({
      id: SETUP_ID,
      group: 'identity',
      name: 'the suite signs in as the three targets',
      durationMs: elapsed(setupStarted),
      ...outcome(error),
    });
    return summarize(runTag, started, results);
  }

  let counter = 0;
  const unique = (label: string) => `${runTag}-${label}-${++counter}`;
  for (const check of checks) {
    const { context, created } = checkContext(session, runTag, unique);
    const checkStarted = performance.now();
    let result: Pick<CheckResult, 'status' | 'message' | 'expected' | 'actual'>;
    try {
      await withTimeout(check.run(context), options.timeoutMs ?? 60_000);
      result = { status: 'passed' };
    } catch (error) {
      result = outcome(error);
    }
    const durationMs = elapsed(checkStarted);
    const cleanupErrors = await archive(session.admin, created);
    record({
      id: check.id,
      group: check.group,
      name: check.name,
      durationMs,
      ...result,
      ...(cleanupErrors.length ? { cleanupErrors } : {}),
    });
  }
  return summarize(runTag, started, results);
}

/** Archives the posts a check created; reports the ones that could not be archived. */
async function archive(admin: AdvocacyBackend, postIds: string[]): Promise<string[]> {
  const errors: string[] = [];
  for (const id of postIds) {
    try {
      const post = await admin.admin.archivePost(id);
      if (post.status !== 'archived') errors.push(`post ${id} is ${post.status} after archiving`);
    } catch (error) {
      errors.push(`post ${id}: ${show(error)}`);
    }
  }
  return errors;
}

function summarize(runTag: string, started: number, results: CheckResult[]): ContractReport {
  const count = (status: CheckStatus) => results.filter((result) => result.status === status).length;
  return {
    runTag,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    durationMs: elapsed(started),
    results,
  };
}
