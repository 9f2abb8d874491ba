import type { Kysely, Migration } from 'kysely';

/**
 * The visitors (keyed hashes of a network address and UTC day) that earned an employee click
 * points for a post on a day: one award per network, whichever of the employee's shares of the
 * post was clicked and whatever the user agent. Rows older than a week are pruned by the click store.
 */
export const clickPointVisitorsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('click_point_visitors')
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('post_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('visitor', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('click_point_visitors_pk', ['employee_id', 'post_id', 'day', 'visitor'])
      .execute();
    await db.schema.createIndex('click_point_visitors_day').on('click_point_visitors').column('day').execute();
  },
};
