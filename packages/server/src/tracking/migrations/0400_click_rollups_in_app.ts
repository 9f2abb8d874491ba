import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Released migration: append-only, never edited. Drops the trigger that counted every click row
 * into the analytics rollups (nine upserts per click, created by 0205_analytics_rollups): the click
 * writers count each batch's inserted rows themselves, one upsert per level, bucket and key, in the
 * same transaction (analytics/rollups.ts `rollUpClicks`). The rollups already hold every stored
 * click, so nothing is counted again. Down puts the trigger back as 0205 made it.
 */
export const clickRollupsInAppMigration: Migration = {
  async up(db: Kysely<any>) {
    if (isSqlite(db)) {
      await sql`drop trigger if exists clicks_roll_up`.execute(db);
      return;
    }
    await sql`drop trigger if exists clicks_roll_up on clicks`.execute(db);
    await sql`drop function if exists clicks_roll_up()`.execute(db);
  },
  async down(db: Kysely<any>) {
    if (isSqlite(db)) {
      await sql.raw(SQLITE_TRIGGER).execute(db);
      return;
    }
    await sql.raw(POSTGRES_FUNCTION).execute(db);
    await sql`create trigger clicks_roll_up after insert on clicks referencing new table as new_rows for each statement execute function clicks_roll_up()`.execute(
      db,
    );
  },
};

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/** SQLite: the clicks row trigger as 0205_analytics_rollups created it. */
const SQLITE_TRIGGER = `create trigger clicks_roll_up after insert on clicks begin
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
end`;

/** PostgreSQL: the clicks statement trigger's function as 0205_analytics_rollups created it. */
const POSTGRES_FUNCTION = `create function clicks_roll_up() returns trigger language plpgsql as $$ begin
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
return null; end $$`;
