import { test } from 'node:test';
import { runContractSuite } from '../src/index.js';
import { assertCaught } from './expect-report.js';
import {
  archivedTopicsListed,
  doubleAwarding,
  leakingOtherEmployee,
  leaversOnLeaderboard,
  partialResults,
  participationOverEveryone,
  repeatingPages,
  skippingPolicyCheck,
  privacyFaults,
  overselling,
  untiedRanks,
  namedAnyway,
  leakingSmtpPassword,
  forgettingRequestKeys,
  selfServiceFaults,
  staleRules,
  copyPaidInFull,
  summedAcrossCurrencies,
} from './faulty-backends.js';
import { memoryTarget } from './memory-target.js';

test('a backend that awards a retried share again is caught', async () => {
  const report = await runContractSuite(doubleAwarding(memoryTarget()), { only: ['points'] });
  assertCaught(report, 'points.share-awarded-once', 'exactly one share row');
});

test('a backend that repeats items across pages is caught', async () => {
  const report = await runContractSuite(repeatingPages(memoryTarget()), { only: ['pagination'] });
  assertCaught(report, 'pagination.feed', 'no item appears on two pages');
  assertCaught(report, 'pagination.admin-posts', 'no item appears on two pages');
});

test("a backend that leaks another employee's shares and stats is caught", async () => {
  const report = await runContractSuite(leakingOtherEmployee(memoryTarget()), { only: ['isolation'] });
  assertCaught(report, 'isolation.shares', "not in the other employee's listMyShares");
  assertCaught(report, 'isolation.points', "other employee's stats are unchanged");
});

test('a backend whose admin results miss conversions and top advocates is caught', async () => {
  const report = await runContractSuite(partialResults(memoryTarget()), { only: ['admin'] });
  assertCaught(report, 'admin.post-results', 'metrics count its share, the visit and the conversion');
  assertCaught(report, 'admin.analytics-window', 'top advocates');
});

test('a backend that lists archived topics to employees is caught', async () => {
  const report = await runContractSuite(archivedTopicsListed(memoryTarget()), { only: ['people'] });
  assertCaught(report, 'people.topics', 'the archived topic leaves the employee list');
});

test('a backend that keeps a deactivated employee on the leaderboard is caught', async () => {
  const report = await runContractSuite(leaversOnLeaderboard(memoryTarget()), { only: ['people'] });
  assertCaught(report, 'people.deactivation', 'off the week leaderboard');
});

test('a backend that shares without the current policy version accepted is caught', async () => {
  const report = await runContractSuite(skippingPolicyCheck(memoryTarget()), { only: ['policy'] });
  assertCaught(report, 'policy.acceptance-required', 'share before accepting');
});

test('a backend that counts participation over everyone instead of its members is caught', async () => {
  const report = await runContractSuite(participationOverEveryone(memoryTarget()), { only: ['pilots'] });
  assertCaught(report, 'pilots.participation', 'someone who declined leaves the participation base');
});

test('a backend that skips audit entries, leaks into an export or loses counts on erasure is caught', async () => {
  const report = await runContractSuite(privacyFaults(memoryTarget()), { only: ['privacy'] });
  assertCaught(report, 'privacy.audit-admin-writes', 'newest first');
  assertCaught(report, 'privacy.export-own-data', 'nothing of the other employee');
  assertCaught(report, 'privacy.erasure-keeps-totals', 'analytics totals');
});

test('a backend that oversells the last item and overspends the balance under concurrent requests is caught', async () => {
  const report = await runContractSuite(overselling(memoryTarget()), { only: ['rewards.last-in-stock', 'rewards.no-overspending'] });
  assertCaught(report, 'rewards.last-in-stock', 'exactly one of 50 concurrent requests for the last item succeeds');
  assertCaught(report, 'rewards.no-overspending', 'exactly one of 50 concurrent requests is accepted');
});

test('a backend that numbers tied employees 1, 2, 3 instead of sharing a rank is caught', async () => {
  const report = await runContractSuite(untiedRanks(memoryTarget()), { only: ['leaderboard.ties'] });
  assertCaught(report, 'leaderboard.ties', 'equal points share a rank');
});

test('a backend that keeps the leaderboard named when an admin made it anonymous is caught', async () => {
  const report = await runContractSuite(namedAnyway(memoryTarget()), { only: ['leaderboard.anonymous'] });
  assertCaught(report, 'leaderboard.anonymous', 'not opted in, is not listed');
});

test('a backend that answers the SMTP password, or forgets it when a change leaves it out, is caught', async () => {
  const report = await runContractSuite(leakingSmtpPassword(memoryTarget()), { only: ['delivery'] });
  assertCaught(report, 'delivery.settings-round-trip', 'no password field');
});

test('a backend that ignores the Idempotency-Key of reward requests is caught', async () => {
  const report = await runContractSuite(forgettingRequestKeys(memoryTarget()), { only: ['rewards.idempotency-key'] });
  assertCaught(report, 'rewards.idempotency-key', 'both answers are the same request');
});

test("a backend that hides the rejection reason or lists another employee's ledger rows is caught", async () => {
  const report = await runContractSuite(selfServiceFaults(memoryTarget()), { only: ['selfservice'] });
  assertCaught(report, 'selfservice.rejection-reason', 'its status and reason');
  assertCaught(report, 'selfservice.ledger', 'every ledger row is the employee’s own');
});

test('a backend that keeps awarding by the point rules it had before a new version is caught', async () => {
  const report = await runContractSuite(staleRules(memoryTarget()), { only: ['points'] });
  assertCaught(report, 'point-rules.version-now', 'the next LinkedIn share earns the new share points');
});

test('a backend that pays a copied link like a LinkedIn share is caught', async () => {
  const report = await runContractSuite(copyPaidInFull(memoryTarget()), { only: ['point-rules.copy-earns-less'] });
  assertCaught(report, 'point-rules.copy-earns-less', 'the shares earn what the values say');
});

test('a backend that adds conversion values across currencies is caught', async () => {
  const report = await runContractSuite(summedAcrossCurrencies(memoryTarget()), { only: ['admin.conversion-value-by-currency'] });
  assertCaught(report, 'admin.conversion-value-by-currency', 'each in its own currency');
});
