import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';
import { clickDailyMigration } from './0204_click_daily.js';

/**
 * Released migration: append-only, never edited, never generated from live code (see
 * src/migrations.ts). Replaces `click_daily` (clicks only, days only) with the rollups of
 * shares, clicks, conversions and conversion value per time bucket and per network, team and
 * post, counting every existing row in, and creates the triggers that keep them; keeps
 * `shares_created_cover`.
 *
 * The SQL below is the text this migration ran when it was released, for each dialect. The live
 * builders in analytics/rollups.ts (used by `advocacy-server rebuild-rollups`) may change; this
 * file does not follow them.
 */
export const rollupsMigration: Migration = {
  async up(db: Kysely<any>) {
    const sqlite = isSqlite(db);
    await sql.raw(`drop trigger if exists clicks_roll_up${sqlite ? '' : ' on clicks'}`).execute(db);
    if (!sqlite) await sql`drop function if exists clicks_roll_up()`.execute(db);
    await db.schema.dropTable('click_daily').execute();
    for (const [table, key] of ROLLUP_TABLES) {
      await db.schema
        .createTable(table)
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn(key, 'text', (c) => c.notNull())
        .addColumn('shares', 'integer', (c) => c.notNull())
        .addColumn('clicks', 'integer', (c) => c.notNull())
        .addColumn('conversions', 'integer', (c) => c.notNull())
        .addColumn('conversion_value', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ['level', 'bucket', key])
        .$call((builder) => (sqlite ? builder.modifyEnd(sql`without rowid`) : builder))
        .execute();
    }
    // Count every stored share, click and conversion in (on SQLite through a temporary table per source).
    for (const source of SOURCES) {
      if (!sqlite) {
        await sql.raw(POSTGRES_COUNT[source]).execute(db);
        continue;
      }
      await sql.raw(SQLITE_RECORDS[source]).execute(db);
      for (const insert of SQLITE_GROUP_INSERTS) await sql.raw(insert).execute(db);
      await sql`drop table temp.rollup_records`.execute(db);
    }
    // The triggers: a row trigger on SQLite; on PostgreSQL one statement-level pass per INSERT, whose transition table holds only the inserted rows.
    for (const source of SOURCES) {
      if (sqlite) {
        await sql.raw(SQLITE_TRIGGERS[source]).execute(db);
        continue;
      }
      await sql.raw(POSTGRES_TRIGGER_FUNCTIONS[source]).execute(db);
      await sql.raw(POSTGRES_TRIGGERS[source]).execute(db);
    }
  },
  async down(db: Kysely<any>) {
    const sqlite = isSqlite(db);
    for (const source of SOURCES) {
      await sql.raw(`drop trigger if exists ${source}_roll_up${sqlite ? '' : ` on ${source}`}`).execute(db);
      if (!sqlite) await sql.raw(`drop function if exists ${source}_roll_up()`).execute(db);
    }
    for (const [table] of ROLLUP_TABLES) await db.schema.dropTable(table).execute();
    // Back to `click_daily`, which counts the existing clicks in again (its index stayed).
    await db.schema.dropIndex('shares_created_cover').execute();
    await clickDailyMigration.up(db);
  },
};

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

type Source = 'shares' | 'clicks' | 'conversions';
const SOURCES: readonly Source[] = ['shares', 'clicks', 'conversions'];

/** Each rollup table and the column of its dimension. */
const ROLLUP_TABLES = [
  ['rollup_network', 'network'],
  ['rollup_team', 'team_id'],
  ['rollup_post', 'post_id'],
] as const;

/** SQLite: the records of a source as rows of time, post, network and sharer's team with what each counts for. */
const SQLITE_RECORDS: Record<Source, string> = {
  shares: `create temp table rollup_records as select n.created_at as at, n.post_id as post_id, n.network as network, e.team_id as team_id,
      1 as shares, 0 as clicks, 0 as conversions,
      0 as conversion_value
    from shares n  join employees e on e.id = n.employee_id`,
  clicks: `create temp table rollup_records as select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 1 as clicks, 0 as conversions,
      0 as conversion_value
    from clicks n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id`,
  conversions: `create temp table rollup_records as select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 0 as clicks, 1 as conversions,
      n.value as conversion_value
    from conversions n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id`,
};

/** SQLite: adds the temporary records into every level of every rollup (the same for each source). */
const SQLITE_GROUP_INSERTS: readonly string[] = [
  `insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from temp.rollup_records r
    where true group by substr(r.at, 1, 13), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value`,
  `insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from temp.rollup_records r
    where true group by substr(r.at, 1, 10), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value`,
  `insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from temp.rollup_records r
    where true group by substr(r.at, 1, 13), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value`,
  `insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from temp.rollup_records r
    where true group by substr(r.at, 1, 10), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value`,
  `insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'w', date(substr(r.at, 1, 10), 'weekday 0', '-6 days'), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from temp.rollup_records r
    where true group by date(substr(r.at, 1, 10), 'weekday 0', '-6 days'), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value`,
  `insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from temp.rollup_records r
    where true group by substr(r.at, 1, 13), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value`,
  `insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from temp.rollup_records r
    where true group by substr(r.at, 1, 10), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value`,
  `insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'w', date(substr(r.at, 1, 10), 'weekday 0', '-6 days'), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from temp.rollup_records r
    where true group by date(substr(r.at, 1, 10), 'weekday 0', '-6 days'), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value`,
  `insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'a', '', r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from temp.rollup_records r
    where true group by r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value`,
];

/** SQLite: the row triggers. */
const SQLITE_TRIGGERS: Record<Source, string> = {
  shares: `create trigger shares_roll_up after insert on shares begin
insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'h', substr(new.created_at, 1, 13), new.network, 1, 0, 0, 0
    
    where true
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value;
insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'd', substr(new.created_at, 1, 10), new.network, 1, 0, 0, 0
    
    where true
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(new.created_at, 1, 13), e.team_id, 1, 0, 0, 0
    from employees e 
    where e.id = new.employee_id
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(new.created_at, 1, 10), e.team_id, 1, 0, 0, 0
    from employees e 
    where e.id = new.employee_id
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'w', date(substr(new.created_at, 1, 10), 'weekday 0', '-6 days'), e.team_id, 1, 0, 0, 0
    from employees e 
    where e.id = new.employee_id
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(new.created_at, 1, 13), new.post_id, 1, 0, 0, 0
    
    where true
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(new.created_at, 1, 10), new.post_id, 1, 0, 0, 0
    
    where true
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'w', date(substr(new.created_at, 1, 10), 'weekday 0', '-6 days'), new.post_id, 1, 0, 0, 0
    
    where true
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'a', '', new.post_id, 1, 0, 0, 0
    
    where true
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
end`,
  clicks: `create trigger clicks_roll_up after insert on clicks begin
insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'h', substr(new.created_at, 1, 13), s.network, 0, 1, 0, 0
    from shares s 
    where s.id = new.share_id
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value;
insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'd', substr(new.created_at, 1, 10), s.network, 0, 1, 0, 0
    from shares s 
    where s.id = new.share_id
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(new.created_at, 1, 13), e.team_id, 0, 1, 0, 0
    from shares s join employees e on e.id = s.employee_id
    where s.id = new.share_id
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(new.created_at, 1, 10), e.team_id, 0, 1, 0, 0
    from shares s join employees e on e.id = s.employee_id
    where s.id = new.share_id
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'w', date(substr(new.created_at, 1, 10), 'weekday 0', '-6 days'), e.team_id, 0, 1, 0, 0
    from shares s join employees e on e.id = s.employee_id
    where s.id = new.share_id
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(new.created_at, 1, 13), s.post_id, 0, 1, 0, 0
    from shares s 
    where s.id = new.share_id
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(new.created_at, 1, 10), s.post_id, 0, 1, 0, 0
    from shares s 
    where s.id = new.share_id
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'w', date(substr(new.created_at, 1, 10), 'weekday 0', '-6 days'), s.post_id, 0, 1, 0, 0
    from shares s 
    where s.id = new.share_id
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'a', '', s.post_id, 0, 1, 0, 0
    from shares s 
    where s.id = new.share_id
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
end`,
  conversions: `create trigger conversions_roll_up after insert on conversions begin
insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'h', substr(new.created_at, 1, 13), s.network, 0, 0, 1, new.value
    from shares s 
    where s.id = new.share_id
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value;
insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'd', substr(new.created_at, 1, 10), s.network, 0, 0, 1, new.value
    from shares s 
    where s.id = new.share_id
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(new.created_at, 1, 13), e.team_id, 0, 0, 1, new.value
    from shares s join employees e on e.id = s.employee_id
    where s.id = new.share_id
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(new.created_at, 1, 10), e.team_id, 0, 0, 1, new.value
    from shares s join employees e on e.id = s.employee_id
    where s.id = new.share_id
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'w', date(substr(new.created_at, 1, 10), 'weekday 0', '-6 days'), e.team_id, 0, 0, 1, new.value
    from shares s join employees e on e.id = s.employee_id
    where s.id = new.share_id
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(new.created_at, 1, 13), s.post_id, 0, 0, 1, new.value
    from shares s 
    where s.id = new.share_id
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(new.created_at, 1, 10), s.post_id, 0, 0, 1, new.value
    from shares s 
    where s.id = new.share_id
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'w', date(substr(new.created_at, 1, 10), 'weekday 0', '-6 days'), s.post_id, 0, 0, 1, new.value
    from shares s 
    where s.id = new.share_id
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'a', '', s.post_id, 0, 0, 1, new.value
    from shares s 
    where s.id = new.share_id
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
end`,
};

/** PostgreSQL: one statement per source that joins its records once and adds them into every level of every rollup. */
const POSTGRES_COUNT: Record<Source, string> = {
  shares: `with r as materialized (select n.created_at as at, n.post_id as post_id, n.network as network, e.team_id as team_id,
      1 as shares, 0 as clicks, 0 as conversions,
      0 as conversion_value
    from shares n  join employees e on e.id = n.employee_id),
    u0 as (insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value),
    u1 as (insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value),
    u2 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u3 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u4 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u5 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value),
    u6 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value),
    u7 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value)
    insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'a', '', r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value`,
  clicks: `with r as materialized (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 1 as clicks, 0 as conversions,
      0 as conversion_value
    from clicks n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id),
    u0 as (insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value),
    u1 as (insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value),
    u2 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u3 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u4 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u5 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value),
    u6 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value),
    u7 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value)
    insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'a', '', r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value`,
  conversions: `with r as materialized (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 0 as clicks, 1 as conversions,
      n.value as conversion_value
    from conversions n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id),
    u0 as (insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value),
    u1 as (insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value),
    u2 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u3 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u4 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u5 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value),
    u6 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value),
    u7 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value)
    insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'a', '', r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value`,
};

/** PostgreSQL: the trigger functions, the same count over the transition table `new_rows`. */
const POSTGRES_TRIGGER_FUNCTIONS: Record<Source, string> = {
  shares: `create function shares_roll_up() returns trigger language plpgsql as $$ begin
with r as materialized (select n.created_at as at, n.post_id as post_id, n.network as network, e.team_id as team_id,
      1 as shares, 0 as clicks, 0 as conversions,
      0 as conversion_value
    from new_rows n  join employees e on e.id = n.employee_id),
    u0 as (insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value),
    u1 as (insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value),
    u2 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u3 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u4 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u5 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value),
    u6 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value),
    u7 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value)
    insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'a', '', r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
return null; end $$`,
  clicks: `create function clicks_roll_up() returns trigger language plpgsql as $$ begin
with r as materialized (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 1 as clicks, 0 as conversions,
      0 as conversion_value
    from new_rows n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id),
    u0 as (insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value),
    u1 as (insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value),
    u2 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u3 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u4 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u5 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value),
    u6 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value),
    u7 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value)
    insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'a', '', r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
return null; end $$`,
  conversions: `create function conversions_roll_up() returns trigger language plpgsql as $$ begin
with r as materialized (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 0 as clicks, 1 as conversions,
      n.value as conversion_value
    from new_rows n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id),
    u0 as (insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value),
    u1 as (insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value),
    u2 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u3 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u4 as (insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value),
    u5 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 13), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value),
    u6 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by substr(r.at, 1, 10), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value),
    u7 as (insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value)
    insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'a', '', r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from r r
    where true group by r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
return null; end $$`,
};

/** PostgreSQL: the statement-level triggers. */
const POSTGRES_TRIGGERS: Record<Source, string> = {
  shares: `create trigger shares_roll_up after insert on shares referencing new table as new_rows for each statement execute function shares_roll_up()`,
  clicks: `create trigger clicks_roll_up after insert on clicks referencing new table as new_rows for each statement execute function clicks_roll_up()`,
  conversions: `create trigger conversions_roll_up after insert on conversions referencing new table as new_rows for each statement execute function conversions_roll_up()`,
};
