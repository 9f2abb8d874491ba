import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdvocacyError, type PostInput } from '@advocacy-kit/core/backend';
import { memoryBackend } from '@advocacy-kit/core/memory';
import { formatReport, runContractSuite } from '../src/index.js';
import { assertAllPassed } from './expect-report.js';
import { DEMO, memoryTarget } from './memory-target.js';

test('the memory backend passes every check except the HTTP-only ones', async () => {
  const report = await runContractSuite(memoryTarget());
  assertAllPassed(report, ['errors.unauthorized', 'errors.problem-details']);
  const text = formatReport(report);
  assert.match(text, /^Feed visibility$/m, 'the report is grouped by capability');
  assert.match(text, /✓ a published post appears in the feed and opens by id \(\d+ ms\)/);
  assert.match(text, new RegExp(`^${report.passed} passed, 0 failed, 2 skipped`, 'm'));
});

test('--only picks groups and single checks', async () => {
  const report = await runContractSuite(memoryTarget(), { only: ['events', 'points.totals-agree'] });
  assert.deepEqual(
    report.results.map((r) => r.id),
    ['points.totals-agree', 'events.dedupe'],
  );
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

test('calls refused with rate_limited are sent again after Retry-After instead of failing', async () => {
  const backend = memoryBackend();
  let refusals = 0;
  const admin = backend.as(DEMO.admin);
  const throttled = Object.assign(Object.create(admin.admin), {
    createPost: async (input: PostInput) => {
      if (refusals < 2) {
        refusals++;
        throw new AdvocacyError('rate_limited', 'Too many requests', { status: 429, retryAfter: 0 });
      }
      return admin.admin.createPost(input);
    },
  });
  const report = await runContractSuite(
    { ...memoryTarget(backend), admin: () => Object.assign(Object.create(admin), { admin: throttled }) },
    { only: ['feed.published'] },
  );
  assert.equal(refusals, 2);
  assert.equal(report.results[0]?.status, 'passed', formatReport(report));
});
