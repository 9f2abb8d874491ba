import type { PointsBalance } from '@advocacy-kit/core';
import { SPENDING_REASONS } from '@advocacy-kit/core/contract';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { Database } from '../db/schema.js';

type Conn = Kysely<Database> | Transaction<Database>;

/**
 * The employee's points to spend. `balance` is the sum of their ledger rows (reward holds are
 * negative, releases positive), `earned` leaves holds and releases out, and `held` / `spent` are
 * the costs of their pending / approved and fulfilled requests, so `balance = earned − spent − held`.
 */
export async function pointsBalance(db: Conn, employeeId: string): Promise<PointsBalance> {
  const sums = await db
    .selectFrom('points_ledger')
    .select([
      (eb) => eb.fn.sum<string | number | null>('delta').as('balance'),
      sql<string | number | null>`sum(case when reason in (${sql.join([...SPENDING_REASONS])}) then 0 else delta end)`.as('earned'),
    ])
    .where('employee_id', '=', employeeId)
    .executeTakeFirstOrThrow();
  const requests = await db
    .selectFrom('reward_requests')
    .select(['status', (eb) => eb.fn.sum<string | number>('cost').as('cost')])
    .where('employee_id', '=', employeeId)
    .where('status', 'in', ['pending', 'approved', 'fulfilled'])
    .groupBy('status')
    .execute();
  const cost = (...statuses: string[]) => requests.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + Number(r.cost), 0);
  return {
    balance: Number(sums.balance ?? 0),
    earned: Number(sums.earned ?? 0),
    spent: cost('approved', 'fulfilled'),
    held: cost('pending'),
  };
}

/**
 * Makes the rest of the transaction the only one moving this employee's spendable points: on
 * PostgreSQL a row lock on the employee (`SELECT … FOR UPDATE`), held until commit, so two
 * requests (or a request and a deduction) cannot both read the same balance. SQLite has one
 * writer: Kysely runs this server's transactions one at a time on its single connection, and
 * another process writing the same file makes this one fail (SQLITE_BUSY), never interleave.
 * Returns false when there is no such employee.
 */
export async function lockSpender(trx: Transaction<Database>, dialect: Dialect, employeeId: string): Promise<boolean> {
  let select = trx.selectFrom('employees').select('id').where('id', '=', employeeId);
  if (dialect === 'postgres') select = select.forUpdate();
  return (await select.executeTakeFirst()) !== undefined;
}
