import { test } from 'node:test';
import { httpTarget, runContractSuite } from '../src/index.js';
import { assertAllPassed } from './expect-report.js';
import { startReferenceServer } from './reference-server.js';
import { createScratchDatabase } from './scratch-database.js';

test('the reference server on SQLite passes every check over HTTP', async () => {
  const server = await startReferenceServer();
  try {
    assertAllPassed(await runContractSuite(httpTarget(server.options)));
  } finally {
    await server.close();
  }
});

test('the reference server on PostgreSQL passes every check over HTTP', async (t) => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    if (process.env.ADVOCACY_SKIP_POSTGRES === '1') return t.skip('ADVOCACY_SKIP_POSTGRES=1');
    throw new Error(
      'TEST_DATABASE_URL is not set: point it at a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:54329/postgres; the suite creates and drops its own database there), or set ADVOCACY_SKIP_POSTGRES=1 to skip the PostgreSQL run.',
    );
  }
  const database = await createScratchDatabase(serverUrl);
  try {
    const server = await startReferenceServer(database.url);
    try {
      assertAllPassed(await runContractSuite(httpTarget(server.options)));
    } finally {
      await server.close();
    }
  } finally {
    await database.drop();
  }
});
