import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Released migration: append-only, never edited. PostgreSQL: the statement triggers that count
 * shares and conversions into the analytics rollups (0205_analytics_rollups) add to the rows one
 * level at a time, in the order every writer locks them — table by table (network, team, post),
 * in each by level, bucket and key, as the click writers do (analytics/rollups.ts `lockOrder`).
 * 0205's functions were one statement whose data-modifying CTEs lock rows in an order PostgreSQL
 * does not promise (the all-time post row first): a share and a click batch deadlocked about once
 * a second under mixed load, one of them failed after deadlock_timeout and the requests queued
 * behind both waited that second. The sums are the same. SQLite (row triggers, one writer at a
 * time) is unchanged. Down keeps these functions: they count exactly what 0205's did.
 */
export const rollupLockOrderMigration: Migration = {
  async up(db: Kysely<any>) {
    if (db.getExecutor().adapter instanceof SqliteAdapter) return;
    for (const body of Object.values(POSTGRES_FUNCTION_BODIES)) await sql.raw(body).execute(db);
  },
  async down() {},
};

/** PostgreSQL: the trigger functions as this migration creates them. */
const POSTGRES_FUNCTION_BODIES = {
  shares: `create or replace function shares_roll_up() returns trigger language plpgsql as $$ begin
insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, n.post_id as post_id, n.network as network, e.team_id as team_id,
      1 as shares, 0 as clicks, 0 as conversions,
      0 as conversion_value
    from new_rows n  join employees e on e.id = n.employee_id) r
    where true group by substr(r.at, 1, 10), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value;
insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, n.post_id as post_id, n.network as network, e.team_id as team_id,
      1 as shares, 0 as clicks, 0 as conversions,
      0 as conversion_value
    from new_rows n  join employees e on e.id = n.employee_id) r
    where true group by substr(r.at, 1, 13), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, n.post_id as post_id, n.network as network, e.team_id as team_id,
      1 as shares, 0 as clicks, 0 as conversions,
      0 as conversion_value
    from new_rows n  join employees e on e.id = n.employee_id) r
    where true group by substr(r.at, 1, 10), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, n.post_id as post_id, n.network as network, e.team_id as team_id,
      1 as shares, 0 as clicks, 0 as conversions,
      0 as conversion_value
    from new_rows n  join employees e on e.id = n.employee_id) r
    where true group by substr(r.at, 1, 13), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, n.post_id as post_id, n.network as network, e.team_id as team_id,
      1 as shares, 0 as clicks, 0 as conversions,
      0 as conversion_value
    from new_rows n  join employees e on e.id = n.employee_id) r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'a', '', r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, n.post_id as post_id, n.network as network, e.team_id as team_id,
      1 as shares, 0 as clicks, 0 as conversions,
      0 as conversion_value
    from new_rows n  join employees e on e.id = n.employee_id) r
    where true group by r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, n.post_id as post_id, n.network as network, e.team_id as team_id,
      1 as shares, 0 as clicks, 0 as conversions,
      0 as conversion_value
    from new_rows n  join employees e on e.id = n.employee_id) r
    where true group by substr(r.at, 1, 10), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, n.post_id as post_id, n.network as network, e.team_id as team_id,
      1 as shares, 0 as clicks, 0 as conversions,
      0 as conversion_value
    from new_rows n  join employees e on e.id = n.employee_id) r
    where true group by substr(r.at, 1, 13), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, n.post_id as post_id, n.network as network, e.team_id as team_id,
      1 as shares, 0 as clicks, 0 as conversions,
      0 as conversion_value
    from new_rows n  join employees e on e.id = n.employee_id) r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
return null; end $$`,
  conversions: `create or replace function conversions_roll_up() returns trigger language plpgsql as $$ begin
insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 0 as clicks, 1 as conversions,
      n.value as conversion_value
    from new_rows n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id) r
    where true group by substr(r.at, 1, 10), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value;
insert into rollup_network (level, bucket, network, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.network, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 0 as clicks, 1 as conversions,
      n.value as conversion_value
    from new_rows n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id) r
    where true group by substr(r.at, 1, 13), r.network order by 2, 3
    on conflict (level, bucket, network) do update set shares = rollup_network.shares + excluded.shares, clicks = rollup_network.clicks + excluded.clicks, conversions = rollup_network.conversions + excluded.conversions, conversion_value = rollup_network.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 0 as clicks, 1 as conversions,
      n.value as conversion_value
    from new_rows n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id) r
    where true group by substr(r.at, 1, 10), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 0 as clicks, 1 as conversions,
      n.value as conversion_value
    from new_rows n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id) r
    where true group by substr(r.at, 1, 13), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_team (level, bucket, team_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 0 as clicks, 1 as conversions,
      n.value as conversion_value
    from new_rows n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id) r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.team_id order by 2, 3
    on conflict (level, bucket, team_id) do update set shares = rollup_team.shares + excluded.shares, clicks = rollup_team.clicks + excluded.clicks, conversions = rollup_team.conversions + excluded.conversions, conversion_value = rollup_team.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'a', '', r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 0 as clicks, 1 as conversions,
      n.value as conversion_value
    from new_rows n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id) r
    where true group by r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'd', substr(r.at, 1, 10), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 0 as clicks, 1 as conversions,
      n.value as conversion_value
    from new_rows n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id) r
    where true group by substr(r.at, 1, 10), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'h', substr(r.at, 1, 13), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 0 as clicks, 1 as conversions,
      n.value as conversion_value
    from new_rows n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id) r
    where true group by substr(r.at, 1, 13), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
insert into rollup_post (level, bucket, post_id, shares, clicks, conversions, conversion_value)
    select 'w', to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id, sum(r.shares), sum(r.clicks), sum(r.conversions), sum(r.conversion_value)
    from (select n.created_at as at, s.post_id as post_id, s.network as network, e.team_id as team_id,
      0 as shares, 0 as clicks, 1 as conversions,
      n.value as conversion_value
    from new_rows n join shares s on s.id = n.share_id join employees e on e.id = s.employee_id) r
    where true group by to_char(date_trunc('week', substr(r.at, 1, 10)::timestamp), 'YYYY-MM-DD'), r.post_id order by 2, 3
    on conflict (level, bucket, post_id) do update set shares = rollup_post.shares + excluded.shares, clicks = rollup_post.clicks + excluded.clicks, conversions = rollup_post.conversions + excluded.conversions, conversion_value = rollup_post.conversion_value + excluded.conversion_value;
return null; end $$`,
};
