import type { PointsReason } from '@advocacy-kit/core';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';

/**
 * Appends one row to the points ledger unless (reason, reference) was already awarded; the
 * unique constraint makes concurrent retries safe. A deactivated employee (a leaver) earns
 * nothing: clicks on their links still count for the post, but bring them no points. Returns the
 * points actually awarded.
 */
export async function award(
  db: Db,
  entry: { employeeId: string; delta: number; reason: PointsReason; reference: string; at: string },
): Promise<number> {
  if (entry.delta === 0) return 0;
  const leaver = await db
    .selectFrom('employees')
    .select('id')
    .where('id', '=', entry.employeeId)
    .where('status', '=', 'deactivated')
    .executeTakeFirst();
  if (leaver !== undefined) return 0;
  const inserted = await db
    .insertInto('points_ledger')
    .values({
      id: newId('pts'),
      employee_id: entry.employeeId,
      delta: entry.delta,
      reason: entry.reason,
      reference: entry.reference,
      created_at: entry.at,
    })
    .onConflict((oc) => oc.columns(['reason', 'reference']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted === undefined ? 0 : entry.delta;
}
