import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

/** The sharer's team, post and network of each new click, per UTC day of the click (`n`: the new clicks' table). */
const NEW_CLICKS_BY_GROUP = (n: string) =>
  sql.raw(`
  select substr(${n}.created_at, 1, 10), s.post_id, s.network, e.team_id, count(*)
  from ${n} join shares s on s.id = ${n}.share_id join employees e on e.id = s.employee_id
  group by substr(${n}.created_at, 1, 10), s.post_id, s.network, e.team_id`);

/**
 * `click_daily`: unique human clicks per UTC day, post, network and sharer's team — the grain
 * every click breakdown of the analytics summary needs (topic and kind follow from the post).
 * A trigger on `clicks` keeps it in the same transaction as every click row actually inserted
 * (rows skipped by ON CONFLICT DO NOTHING fire nothing), whoever writes them: the click flush,
 * the worker-thread store, the seed or a bulk load. Existing clicks are counted in here. Also a
 * covering index on shares by time for the summary's share side.
 */
export const clickDailyMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('click_daily')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('post_id', 'text', (c) => c.notNull())
      .addColumn('network', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('unique_clicks', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('click_daily_pk', ['day', 'post_id', 'network', 'team_id'])
      .execute();
    await sql`insert into click_daily (day, post_id, network, team_id, unique_clicks) ${NEW_CLICKS_BY_GROUP('clicks')}`.execute(db);
    await db.schema.createIndex('shares_created_cover').on('shares').columns(['created_at', 'employee_id', 'post_id', 'network']).execute();

    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      await sql`
        create trigger clicks_roll_up after insert on clicks begin
          insert into click_daily (day, post_id, network, team_id, unique_clicks)
          select substr(new.created_at, 1, 10), s.post_id, s.network, e.team_id, 1
          from shares s join employees e on e.id = s.employee_id
          where s.id = new.share_id
          on conflict (day, post_id, network, team_id) do update set unique_clicks = unique_clicks + 1;
        end`.execute(db);
      return;
    }
    // One statement-level pass per INSERT: its transition table holds only the inserted rows.
    await sql`
      create function clicks_roll_up() returns trigger language plpgsql as $$
      begin
        insert into click_daily (day, post_id, network, team_id, unique_clicks)
        ${NEW_CLICKS_BY_GROUP('new_clicks')}
        order by 1, 2, 3, 4
        on conflict (day, post_id, network, team_id) do update set unique_clicks = click_daily.unique_clicks + excluded.unique_clicks;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger clicks_roll_up after insert on clicks
      referencing new table as new_clicks for each statement execute function clicks_roll_up()`.execute(db);
  },
  async down(db: Kysely<any>) {
    await sql`drop trigger if exists clicks_roll_up ${sql.raw(db.getExecutor().adapter instanceof SqliteAdapter ? '' : 'on clicks')}`.execute(
      db,
    );
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) await sql`drop function if exists clicks_roll_up()`.execute(db);
    await db.schema.dropIndex('shares_created_cover').execute();
    await db.schema.dropTable('click_daily').execute();
  },
};
