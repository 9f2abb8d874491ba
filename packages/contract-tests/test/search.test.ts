import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdvocacyBackend } from '@advocacy-kit/core/backend';
import { memoryBackend } from '@advocacy-kit/core/memory';
import { formatReport, httpTarget, runContractSuite, type ContractReport, type ContractTarget } from '../src/index.js';
import { assertCaught } from './expect-report.js';
import { caseSensitiveSearch, longTermsOnly } from './faulty-backends.js';
import { memoryTarget } from './memory-target.js';
import { startReferenceServer } from './reference-server.js';
import { createScratchDatabase } from './scratch-database.js';

/** Queries over the demo company's posts, Japanese and English, short and long terms. */
const QUERIES = ['障害', '障害対応', 'クラウド', 'ＡＩ', 'ai', 'Cloud', 'CLOUD migration', '監視 障害', 'ｸﾗｳﾄﾞ', 'no-post-says-this'];

function assertSearchPassed(report: ContractReport): void {
  const search = report.results.filter((result) => result.id.startsWith('search.'));
  assert.equal(search.length, 4, 'the four search checks ran');
  assert.ok(
    search.every((result) => result.status === 'passed'),
    formatReport(report),
  );
}

/** Every id the feed lists for each query, in order, from the first 100 (the demo company has fewer). */
async function answers(employee: AdvocacyBackend, topic?: string): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const q of QUERIES) {
    result[q] = (await employee.listFeed({ q, limit: 100, ...(topic && { topic }) })).items.map((post) => post.id);
  }
  return result;
}

async function onServer(databaseUrl: string | null, run: (target: ContractTarget) => Promise<void>): Promise<void> {
  const server = await startReferenceServer(databaseUrl);
  try {
    await run(httpTarget(server.options));
  } finally {
    await server.close();
  }
}

async function serverAgreesWithMemory(target: ContractTarget): Promise<void> {
  const memory = await memoryTarget(memoryBackend()).employee();
  const server = await target.employee();
  const expected = await answers(memory);
  assert.ok(expected['障害']!.length > 0, 'the demo company has posts with 障害');
  assert.deepEqual(await answers(server), expected, 'the server lists the same posts as the memory backend for every query');
  assert.deepEqual(await answers(server, 'engineering'), await answers(memory, 'engineering'), 'and with the topic filter');
  assertSearchPassed(await runContractSuite(target, { only: ['search'] }));
}

test('the memory backend passes the search checks', async () => {
  assertSearchPassed(await runContractSuite(memoryTarget(), { only: ['search'] }));
});

test('the reference server on SQLite finds what the memory backend finds', async () => {
  await onServer(null, serverAgreesWithMemory);
});

test('the reference server on PostgreSQL finds what the memory backend finds', async (t) => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    if (process.env.ADVOCACY_SKIP_POSTGRES === '1') return t.skip('ADVOCACY_SKIP_POSTGRES=1');
    throw new Error('TEST_DATABASE_URL is not set (or set ADVOCACY_SKIP_POSTGRES=1 to skip the PostgreSQL run).');
  }
  const database = await createScratchDatabase(serverUrl);
  try {
    await onServer(database.url, serverAgreesWithMemory);
  } finally {
    await database.drop();
  }
});

test('a backend whose index drops terms under three characters is caught', async () => {
  const report = await runContractSuite(longTermsOnly(memoryTarget()), { only: ['search'] });
  assertCaught(report, 'search.japanese-short-term', '障害');
});

test('a backend that matches Latin terms case-sensitively is caught', async () => {
  const report = await runContractSuite(caseSensitiveSearch(memoryTarget()), { only: ['search'] });
  assertCaught(report, 'search.latin-case', 'incident');
});
