import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatReport, runContractSuite } from '../src/index.js';
import { assertAllPassed } from './expect-report.js';
import { memoryTarget } from './memory-target.js';

test('the memory backend passes every check except the HTTP-only unauthorized one', async () => {
  const report = await runContractSuite(memoryTarget());
  assertAllPassed(report, ['errors.unauthorized']);
  const text = formatReport(report);
  assert.match(text, /^Feed visibility$/m, 'the report is grouped by capability');
  assert.match(text, /✓ a published post appears in the feed and opens by id \(\d+ ms\)/);
  assert.match(text, new RegExp(`^${report.passed} passed, 0 failed, 1 skipped`, 'm'));
});

test('--only picks groups and single checks', async () => {
  const report = await runContractSuite(memoryTarget(), { only: ['events', 'points.totals-agree'] });
  assert.deepEqual(report.results.map((r) => r.id), ['points.totals-agree', 'events.dedupe']);
  await assert.rejects(runContractSuite(memoryTarget(), { only: ['nope'] }), /Unknown check or group: nope/);
});

test('a target that cannot sign in fails one setup line instead of every check', async () => {
  const report = await runContractSuite({
    ...memoryTarget(),
    admin: () => {
      throw new Error('no admin credentials');
    },
  });
  assert.equal(report.results.length, 1);
  assert.equal(report.results[0]?.id, 'identity.setup');
  assert.match(report.results[0]?.actual ?? '', /no admin credentials/);
});
