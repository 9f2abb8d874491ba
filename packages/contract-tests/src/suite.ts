import type { AdvocacyBackend, Post, PostInput } from '@advocacy-kit/core/backend';
import { CheckFailure, CheckSkipped, show, step } from './assert.js';
import { GROUPS, type Check, type CheckContext, type GroupId } from './check.js';
import { CHECKS } from './checks/index.js';
import { retryRateLimited } from './rate-limit-retry.js';
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

/** The checks `only` selects; throws on names that match no group or check. */
export function selectChecks(only: readonly string[] = []): Check[] {
  if (only.length === 0) return [...CHECKS];
  const unknown = only.filter((name) => !GROUPS.some((g) => g.id === name) && !CHECKS.some((c) => c.id === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown check or group: ${unknown.join(', ')}. Groups: ${GROUPS.map((g) => g.id).join(', ')}.`);
  }
  return CHECKS.filter((check) => only.includes(check.group) || only.includes(check.id));
}

interface Session {
  employee: AdvocacyBackend;
  otherEmployee: AdvocacyBackend;
  admin: AdvocacyBackend;
}

async function signIn(target: ContractTarget): Promise<Omit<CheckContext, 'unique' | 'createPost' | 'adopt' | 'skip' | 'runTag'>> {
  const session: Session = {
    employee: retryRateLimited(await step('create the employee backend', async () => target.employee())),
    otherEmployee: retryRateLimited(await step('create the other employee backend', async () => target.otherEmployee())),
    admin: retryRateLimited(await step('create the admin backend', async () => target.admin())),
  };
  const me = await step('getMe as the employee', () => session.employee.getMe());
  const other = await step('getMe as the other employee', () => session.otherEmployee.getMe());
  const adminMe = await step('getMe as the admin', () => session.admin.getMe());
  // Backends may require the social-media policy before sharing; the checks share as both employees.
  await step('accept the policy as the employee', () => session.employee.acceptPolicy());
  await step('accept the policy as the other employee', () => session.otherEmployee.acceptPolicy());
  const topics = await step('list topics', () => session.employee.listTopics());
  const teams = await step('list teams', () => session.employee.listTeams());
  return { target, ...session, me, other, adminMe, topics, teams };
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
  let base: Awaited<ReturnType<typeof signIn>>;
  try {
    base = await signIn(target);
  } catch (error) {
    record({ id: SETUP_ID, group: 'identity', name: 'the suite signs in as the three targets', durationMs: performance.now() - setupStarted, ...outcome(error) });
    return summarize(runTag, started, results);
  }

  let counter = 0;
  const unique = (label: string) => `${runTag}-${label}-${++counter}`;
  for (const check of checks) {
    const created: string[] = [];
    const context: CheckContext = {
      ...base,
      runTag,
      unique,
      adopt: (postId) => created.push(postId),
      skip: (reason) => {
        throw new CheckSkipped(reason);
      },
      createPost: async (input: Partial<PostInput> = {}): Promise<Post> => {
        const post = await step('create a post as admin', () =>
          base.admin.admin.createPost({
            kind: 'curated',
            summary: 'Created by the Advocacy Kit contract tests.',
            url: `https://example.com/advocacy-contract/${unique('post')}`,
            locale: 'en',
            ...input,
            title: `${input.title ?? 'Contract check post'} [${runTag}]`,
          }),
        );
        created.push(post.id);
        return post;
      },
    };
    const checkStarted = performance.now();
    let result: Pick<CheckResult, 'status' | 'message' | 'expected' | 'actual'>;
    try {
      await withTimeout(check.run(context), options.timeoutMs ?? 60_000);
      result = { status: 'passed' };
    } catch (error) {
      result = outcome(error);
    }
    const durationMs = performance.now() - checkStarted;
    const cleanupErrors = await archive(base.admin, created);
    record({ id: check.id, group: check.group, name: check.name, durationMs, ...result, ...(cleanupErrors.length ? { cleanupErrors } : {}) });
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
    durationMs: performance.now() - started,
    results,
  };
}
