import assert from 'node:assert/strict';
import { formatReport, type ContractReport } from '../src/index.js';

/** Fails with the readable report when any check failed or was skipped unexpectedly. */
export function assertAllPassed(report: ContractReport, allowedSkips: readonly string[] = []): void {
  const failed = report.results.filter((r) => r.status === 'failed');
  const skipped = report.results.filter((r) => r.status === 'skipped' && !allowedSkips.includes(r.id));
  assert.ok(failed.length === 0 && skipped.length === 0, `contract checks did not all pass:\n${formatReport(report)}`);
  assert.ok(report.passed > 30, `expected the full suite to run, got ${report.passed} passed`);
  const cleanup = report.results.flatMap((r) => r.cleanupErrors ?? []);
  assert.deepEqual(cleanup, [], 'every post the suite created was archived');
}

/** Asserts the check failed, with a message that mentions `text`. */
export function assertCaught(report: ContractReport, checkId: string, text: string): void {
  const result = report.results.find((r) => r.id === checkId);
  assert.ok(result, `check ${checkId} ran`);
  assert.equal(result.status, 'failed', `check ${checkId} should fail:\n${formatReport(report)}`);
  assert.match(`${result.message} ${result.expected} ${result.actual}`, new RegExp(text), `check ${checkId} names the broken behaviour`);
}
