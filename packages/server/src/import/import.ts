// The import runs raw SQL on whichever database is open: Kysely<any> as in migrations.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { trackedDestination } from '@advocacy-kit/core/links';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { createRollupTriggers, DIMENSIONS, dropRollupTriggers, rebuildRollupsWithin } from '../analytics/rollups.js';
import { packShareHours } from '../analytics/share-packs.js';
import { insertPost } from '../content/posts.js';
import type { Db } from '../db/database.js';
import { newTrackingCode } from '../ids.js';
import { FieldError } from './fields.js';
import {
  CLICKS,
  CONVERSIONS,
  EMPLOYEES,
  IMPORT_FILES,
  IMPORT_KEY_PREFIX,
  POINTS,
  SHARES,
  TEAMS,
  TOPICS,
  clickOf,
  conversionOf,
  employeeRow,
  pointsRow,
  postOf,
  shareOf,
  teamRow,
  topicRow,
  type ImportFile,
  type TableSpec,
} from './files.js';
import { ImportLineError, ndjsonBatches, type Line } from './ndjson.js';
import { withPostgresWriter, withSqliteWriter, type ShareRef, type Writer } from './writer.js';

export { ImportLineError } from './ndjson.js';
export { IMPORT_FILES } from './files.js';

export interface ImportOptions {
  /** The folder holding `<name>.ndjson` files (see IMPORT_FILES); the import reads no other path. */
  dir: string;
  /** PostgreSQL (migrated), or null for the SQLite file. */
  postgres: Kysely<any> | null;
  sqliteFile: string;
  /** Progress lines, for the CLI's log. */
  onProgress?: (message: string, fields: Record<string, unknown>) => void;
}

/** Per file: the lines read and the rows actually inserted (re-imported ones are skipped). */
export type ImportReport = Partial<Record<ImportFile, { lines: number; inserted: number }>>;

/** Secondary indexes of the big tables are dropped and built again at the end when their file is larger than this. */
const LARGE_FILE_BYTES = 16 * 1024 * 1024;
const BATCH = 20_000;
/** The table each file fills whose secondary indexes may be rebuilt. */
const BULK_TABLES: Partial<Record<ImportFile, string>> = {
  shares: 'shares',
  clicks: 'clicks',
  conversions: 'conversions',
  points: 'points_ledger',
};

/**
 * Imports a company's history from NDJSON files (docs/importing.md) in one transaction: on any
 * bad line nothing is imported and the error names the file and line. Rows whose id is already
 * stored are skipped, so running the same files again imports nothing twice. The analytics rollup
 * triggers are dropped during the load and the rollups counted once from every row at the end.
 */
export async function importHistory(options: ImportOptions): Promise<ImportReport> {
  const files = IMPORT_FILES.flatMap((name) => {
    const path = join(options.dir, `${name}.ndjson`);
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat?.isFile() === true ? [{ name, path, bytes: stat.size }] : [];
  });
  if (files.length === 0)
    throw new Error(`${options.dir} holds no import file: expected one or more of ${IMPORT_FILES.map((n) => `${n}.ndjson`).join(', ')}`);
  const progress = options.onProgress ?? (() => undefined);
  const run = (writer: Writer) => load(writer, files, progress);
  if (options.postgres === null) return withSqliteWriter(options.sqliteFile, run);
  const report = await withPostgresWriter(options.postgres, run);
  // A freshly loaded table has no visibility map: until VACUUM has set it, every index-only scan
  // (the analytics' range counts) reads the table's rows as well. VACUUM cannot run in the
  // import's transaction (which ran ANALYZE), and autovacuum may come much later.
  const started = performance.now();
  const tables = [...files.map((file) => BULK_TABLES[file.name]).filter((table) => table !== undefined), ...ROLLUP_TABLES, 'share_packs'];
  await sql`vacuum ${sql.join(tables.map((table) => sql.table(table)))}`.execute(options.postgres);
  progress('vacuumed', { tables: tables.length, ms: Math.round(performance.now() - started) });
  return report;
}

const ROLLUP_TABLES = Object.values(DIMENSIONS).map((dimension) => dimension.table);

interface Found {
  name: ImportFile;
  path: string;
  bytes: number;
}

async function load(writer: Writer, files: Found[], progress: NonNullable<ImportOptions['onProgress']>): Promise<ImportReport> {
  const report: ImportReport = {};
  const triggers = await rollupTriggers(writer);
  await dropRollupTriggers(writer.db);
  const rebuilt: string[] = [];
  for (const file of files) {
    const table = BULK_TABLES[file.name];
    if (table !== undefined && file.bytes > LARGE_FILE_BYTES) rebuilt.push(...(await dropSecondaryIndexes(writer, table)));
  }

  const context = new Context(writer);
  for (const file of files) {
    const started = performance.now();
    let lines = 0;
    let inserted = 0;
    for await (const batch of ndjsonBatches(file.path, `${file.name}.ndjson`, BATCH)) {
      lines += batch.length;
      inserted += await context.load(file.name, `${file.name}.ndjson`, batch);
    }
    inserted += await context.finish(file.name);
    if (file.name === 'shares' && inserted > 0) await markFirstShares(writer);
    report[file.name] = { lines, inserted };
    progress('imported', { file: `${file.name}.ndjson`, lines, inserted, ms: Math.round(performance.now() - started) });
  }

  let started = performance.now();
  for (const definition of rebuilt) await writer.db.executeQuery(CompiledQuery.raw(definition));
  if (rebuilt.length > 0) progress('indexes built', { indexes: rebuilt.length, ms: Math.round(performance.now() - started) });
  started = performance.now();
  await rebuildRollupsWithin(writer.db);
  await createRollupTriggers(writer.db);
  // Put back exactly the triggers there were: a release may count some sources in the application instead.
  for (const name of await rollupTriggers(writer)) if (!triggers.has(name)) await dropTrigger(writer, name);
  progress('rollups rebuilt', { ms: Math.round(performance.now() - started) });
  if (report.shares !== undefined && report.shares.inserted > 0) {
    started = performance.now();
    // The hours the imported shares fell into, whether packed before (marked changed) or not.
    const hours = await packShareHours(writer.db, writer.dialect, Date.now(), { within: true });
    progress('share hours packed', { hours, ms: Math.round(performance.now() - started) });
  }
  if (writer.dialect === 'postgres') await sql`analyze`.execute(writer.db);
  return report;
}

/** Reference lookups that the files need, loaded once each. */
class Context {
  private teams: Map<string, string> | null = null;
  private topics: Map<string, string> | null = null;
  private employees: Map<string, string> | null = null;
  private posts: Map<string, string> | null = null;
  /** The shares of the shares file: a re-imported one keeps its stored code, looked up in the database. */
  private readonly shares = new Map<string, ShareRef>();

  constructor(private readonly writer: Writer) {}

  private async ids(table: 'teams' | 'topics' | 'employees' | 'posts', column: string) {
    return this.writer.all(table, column);
  }

  /** The shares of `ids` found, from this import's shares file or else from the database. */
  private async sharesOf(ids: string[]): Promise<Map<string, ShareRef>> {
    const found = new Map<string, ShareRef>();
    const stored = new Set<string>();
    for (const shareId of ids) {
      const share = this.shares.get(shareId);
      if (share === undefined) stored.add(shareId);
      else found.set(shareId, share);
    }
    if (stored.size > 0) for (const [shareId, share] of await this.writer.shares([...stored])) found.set(shareId, share);
    return found;
  }

  private clicksStaged = false;

  /** Ends a file once all its batches are loaded; the rows inserted then. */
  async finish(name: ImportFile): Promise<number> {
    if (name !== 'clicks' || !this.clicksStaged) return 0;
    this.clicksStaged = false;
    return storeStagedClicks(this.writer);
  }

  /** Loads one batch of a file; the rows inserted. */
  async load(name: ImportFile, file: string, batch: Line[]): Promise<number> {
    const w = this.writer;
    const each = <T>(parse: (value: Record<string, unknown>, line: number) => T): T[] =>
      batch.map(({ line, value }) => {
        try {
          return parse(value, line);
        } catch (error) {
          if (error instanceof FieldError) throw new ImportLineError(file, line, error.message);
          throw error;
        }
      });
    const missing = (line: number, what: string, value: string, from: string): never => {
      throw new ImportLineError(file, line, `${what} "${value}" is neither in ${from} nor already stored`);
    };
    switch (name) {
      case 'teams':
        return w.insert(TEAMS, each(teamRow));
      case 'topics':
        return w.insert(TOPICS, each(topicRow));
      case 'employees': {
        this.teams ??= await this.ids('teams', 'name');
        const rows = each((value, line) => {
          const row = employeeRow(value);
          if (!this.teams!.has(row[2] as string)) missing(line, 'teamId', row[2] as string, 'teams.ndjson');
          return row;
        });
        this.employees = null;
        return w.insert(EMPLOYEES, rows);
      }
      case 'posts': {
        this.topics ??= await this.ids('topics', 'names');
        this.posts ??= await this.ids('posts', 'url');
        const posts = each((value, line) => {
          const post = postOf(value);
          for (const topic of post.input.topics ?? []) if (!this.topics!.has(topic)) missing(line, 'topic', topic, 'topics.ndjson');
          return post;
        });
        let inserted = 0;
        for (const post of posts) {
          if (this.posts.has(post.id)) continue;
          await insertPost(w.db as Db, post.input, post.createdAt, post.id);
          this.posts.set(post.id, post.input.url);
          inserted++;
        }
        return inserted;
      }
      case 'shares': {
        this.employees ??= await this.ids('employees', 'team_id');
        this.posts ??= await this.ids('posts', 'url');
        const rows = each((value, line) => {
          const share = shareOf(value);
          const url = this.posts!.get(share.postId);
          if (!this.employees!.has(share.employeeId)) missing(line, 'employeeId', share.employeeId, 'employees.ndjson');
          if (url === undefined) return missing(line, 'postId', share.postId, 'posts.ndjson');
          const code = share.trackingCode ?? newTrackingCode();
          const destination = trackedDestination({
            url,
            network: share.network,
            postId: share.postId,
            shareId: share.id,
            referralCode: code,
          });
          const key = `${IMPORT_KEY_PREFIX}${share.id}`;
          return [
            share.id,
            share.employeeId,
            share.postId,
            share.network,
            share.commentary,
            key,
            'import',
            code,
            destination,
            0,
            share.createdAt,
          ];
        });
        const inserted = await w.insert(SHARES, rows);
        // Clicks and conversions look their share up here first: millions of lookups cost less in
        // memory. Only when the whole batch went in: a share stored before keeps its own code.
        if (inserted === rows.length)
          for (const row of rows)
            this.shares.set(row[0] as string, { code: row[7] as string, postId: row[2] as string, employeeId: row[1] as string });
        return inserted;
      }
      case 'clicks': {
        if (!this.clicksStaged) {
          await stageClicks(w);
          this.clicksStaged = true;
        }
        const clicks = each(clickOf);
        const shares = await this.sharesOf(clicks.map((click) => click.shareId));
        const rows = clicks.map((click, i) => {
          const share = shares.get(click.shareId) ?? missing(batch[i]!.line, 'shareId', click.shareId, 'shares.ndjson');
          // A visitor counts once per link and day; without one, each line is its own visitor.
          const visitor = `${IMPORT_KEY_PREFIX}${click.visitor ?? `line-${batch[i]!.line}`}`;
          return [share.code, click.createdAt.slice(0, 10), visitor, click.shareId, click.createdAt];
        });
        // Counted when they move into clicks (finish): a line that repeats a stored click is skipped there.
        await w.insert(STAGED_CLICKS, rows);
        return 0;
      }
      case 'conversions': {
        const conversions = each(conversionOf);
        const shares = await this.sharesOf(conversions.map((conversion) => conversion.shareId));
        const rows = conversions.map((c, i) => {
          const share = shares.get(c.shareId) ?? missing(batch[i]!.line, 'shareId', c.shareId, 'shares.ndjson');
          return [
            c.id,
            share.code,
            c.shareId,
            share.postId,
            share.employeeId,
            c.type,
            c.value,
            c.currency,
            c.externalId,
            'import',
            'import',
            c.createdAt,
          ];
        });
        return w.insert(CONVERSIONS, rows);
      }
      case 'points': {
        this.employees ??= await this.ids('employees', 'team_id');
        const rows = each((value, line) => {
          const row = pointsRow(value);
          if (!this.employees!.has(row[1] as string)) missing(line, 'employeeId', row[1] as string, 'employees.ndjson');
          return row;
        });
        return w.insert(POINTS, rows);
      }
    }
  }
}

/**
 * Marks each imported share that is the first of its employee, post and network (unless one is
 * already marked), as the share route does: sharing that post to that network again then gets
 * the same link back.
 */
async function markFirstShares(writer: Writer): Promise<void> {
  await sql`
    update shares set first_to_network = 1
    where id in (
      select id from (
        select id, row_number() over (partition by employee_id, post_id, network order by created_at, id) as n
        from shares where first_to_network is null and idempotency_key like ${`${IMPORT_KEY_PREFIX}%`}
      ) ranked where n = 1
    )
    and not exists (
      select 1 from shares f
      where f.employee_id = shares.employee_id and f.post_id = shares.post_id and f.network = shares.network and f.first_to_network = 1
    )`.execute(writer.db);
}

/** The analytics rollup triggers there are now (`<table>_roll_up`). */
async function rollupTriggers(writer: Writer): Promise<Set<string>> {
  const { rows } =
    writer.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like '%roll_up'`.execute(writer.db)
      : await sql<{ name: string }>`select tgname as name from pg_trigger where not tgisinternal and tgname like '%roll_up'`.execute(
          writer.db,
        );
  return new Set(rows.map((row) => row.name));
}

async function dropTrigger(writer: Writer, name: string): Promise<void> {
  const table = name.replace(/_roll_up$/, '');
  if (writer.dialect === 'sqlite') {
    await sql`drop trigger if exists ${sql.id(name)}`.execute(writer.db);
    return;
  }
  await sql`drop trigger if exists ${sql.id(name)} on ${sql.table(table)}`.execute(writer.db);
  await sql`drop function if exists ${sql.id(name)}()`.execute(writer.db);
}

/**
 * Clicks arrive in the order of the file, which is seldom the order of their primary key (link,
 * day, visitor): inserted as they come, each lands on a random page of a table larger than any
 * cache at full scale. They are collected in a temporary table first and moved into clicks in key
 * order, one statement that fills each page once.
 */
const STAGED_CLICKS: TableSpec = { ...CLICKS, table: 'import_clicks' };

async function stageClicks(writer: Writer): Promise<void> {
  const columns = CLICKS.columns.map(([name, type]) => `${name} ${type} not null`).join(', ');
  await writer.db.executeQuery(
    CompiledQuery.raw(`create temporary table import_clicks (${columns})${writer.dialect === 'postgres' ? ' on commit drop' : ''}`),
  );
}

async function storeStagedClicks(writer: Writer): Promise<number> {
  const columns = CLICKS.columns.map(([name]) => name).join(', ');
  // `where true`: SQLite reads ON CONFLICT after a bare SELECT's FROM as a join constraint.
  const result = await writer.db.executeQuery(
    CompiledQuery.raw(
      `insert into clicks (${columns}) select ${columns} from import_clicks where true order by code, day, visitor_hash on conflict do nothing`,
    ),
  );
  await writer.db.executeQuery(CompiledQuery.raw('drop table import_clicks'));
  return Number(result.numAffectedRows ?? 0);
}

/** Drops a table's non-unique indexes (unique ones keep re-imports out); their definitions, to build them again. */
async function dropSecondaryIndexes(writer: Writer, table: string): Promise<string[]> {
  const { rows } =
    writer.dialect === 'sqlite'
      ? await sql<{ name: string; definition: string }>`
          select name, sql as definition from sqlite_master
          where type = 'index' and tbl_name = ${table} and sql is not null and upper(sql) not like 'CREATE UNIQUE%'`.execute(writer.db)
      : await sql<{ name: string; definition: string }>`
          select indexname as name, indexdef as definition from pg_indexes
          where schemaname = current_schema() and tablename = ${table} and indexdef not like 'CREATE UNIQUE%'`.execute(writer.db);
  for (const row of rows) await sql`drop index ${sql.id(row.name)}`.execute(writer.db);
  return rows.map((row) => row.definition);
}
