import { createRequire } from 'node:module';
import { demoSeed } from '@advocacy-kit/core/memory';
import { rebuildRollups } from './analytics/rollups.js';
import { repackAll } from './analytics/share-packs.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './migrations.js';
import { importHistory } from './import/import.js';
import { createLogger } from './log.js';
import { loadSeed } from './seed.js';
import { closeOnSignals, createServer } from './server.js';

const USAGE = `Usage: advocacy-server <command>

Commands:
  start     migrate the database if needed, then serve the API (PORT, default 8787)
  migrate   apply pending database migrations and exit
  seed      load the demo company (idempotent) and exit; DEMO_IMAGES_URL
            says where its pictures are served (without it, posts have none)
  rebuild-rollups
            count the analytics rollups again from every share, click and
            conversion (after a bulk import made without the rollup triggers),
            and pack every hour's sharers again
  import <dir>
            import a company's history (teams, employees, posts, shares, clicks,
            conversions, points) from the NDJSON files in <dir>, all or nothing;
            importing the same files again adds nothing (see docs/importing.md)

Options:
  --version, -v   print the version and exit
  --help, -h      show this help

Configuration comes from environment variables; see the package README.`;

/** This package's version, read from its package.json (one folder up from dist/cli.js, two from the bundled command). */
export function packageVersion(): string {
  const require = createRequire(import.meta.url);
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const found = require(path) as { name?: string; version: string };
      if (found.name === '@advocacy-kit/server') return found.version;
    } catch {
      // not there: one folder further up
    }
  }
  throw new Error('The package.json of @advocacy-kit/server was not found above this file.');
}

/** Runs one CLI command; resolves with the process exit code (start resolves once listening). */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const command = args[0];
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 1 : 0;
  }
  if (command === '--version' || command === '-v') {
    console.log(packageVersion());
    return 0;
  }
  if (command !== 'start' && command !== 'migrate' && command !== 'seed' && command !== 'rebuild-rollups' && command !== 'import') {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 1;
  }
  if (command === 'import' && (args.length !== 2 || args[1]!.startsWith('-'))) {
    console.error(`The import command takes one folder: advocacy-server import <dir>.\n\n${USAGE}`);
    return 1;
  }
  const config = loadConfig(env);
  const imageBaseUrl = command === 'seed' ? demoImagesUrl(env.DEMO_IMAGES_URL) : undefined;
  if (imageBaseUrl === null) {
    console.error(
      `DEMO_IMAGES_URL must be an http(s) URL without query or credentials, such as http://127.0.0.1:5173/demo-images; got "${env.DEMO_IMAGES_URL}".`,
    );
    return 1;
  }
  const logger = createLogger(config.logLevel);
  if (command === 'start') {
    const server = await createServer(config);
    logger.info('listening', {
      url: server.url,
      database: server.services.dialect,
      publicUrl: config.publicUrl,
      demoAuth: config.auth.demo,
    });
    closeOnSignals(server, logger, config.shutdownTimeoutMs);
    return 0;
  }
  // A migration or a rebuild over millions of rows may take longer than one API statement may.
  const { db, dialect } = openDatabase({ ...config, databaseTimeouts: { ...config.databaseTimeouts, statementMs: 0 } });
  try {
    const applied = await migrateToLatest(db);
    logger.info('migrated', { database: dialect, applied });
    if (command === 'seed') {
      const now = new Date();
      const result = await loadSeed(db, demoSeed(now, { imageBaseUrl }), config.rules, now);
      logger.info('seeded', { database: dialect, ...result });
    }
    if (command === 'rebuild-rollups') {
      const started = performance.now();
      await rebuildRollups(db);
      const hours = await db.transaction().execute((trx) => repackAll(trx, dialect, Date.now()));
      logger.info('rollups rebuilt', { database: dialect, packedHours: hours, ms: Math.round(performance.now() - started) });
    }
    if (command === 'import') {
      const started = performance.now();
      // The import opens the SQLite file on its own: alone on it, it can load without the WAL.
      if (dialect === 'sqlite') await db.destroy();
      try {
        const report = await importHistory({
          dir: args[1]!,
          postgres: dialect === 'postgres' ? db : null,
          sqliteFile: config.sqliteFile,
          onProgress: (message, fields) => logger.info(message, { database: dialect, ...fields }),
        });
        logger.info('import done', { database: dialect, ms: Math.round(performance.now() - started), ...report });
      } catch (error) {
        // A bad line or a missing folder: say which, nothing was imported.
        console.error(`Nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
      }
    }
    return 0;
  } finally {
    await db.destroy();
  }
}

/**
 * The `seed` command's base URL of the demo pictures (the intranet portal example serves them at
 * `/demo-images`): undefined when unset (the posts get no picture), null when it is not a plain
 * http(s) URL, since it ends up in every browser that shows the feed.
 */
function demoImagesUrl(value: string | undefined): string | undefined | null {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const plain =
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '';
  return plain ? url.href.replace(/\/+$/, '') : null;
}
