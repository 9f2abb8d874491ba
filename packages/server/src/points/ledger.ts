import type { PointsReason } from '@advocacy-kit/core';
import type { Db } from '../db/database.js';
import { sql } from 'kysely';
import { newId } from '../ids.js';
import { noteAward } from './boards.js';

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
  const points = await insertAward(db, entry);
  if (points !== 0) noteAward(entry.employeeId, entry.delta, entry.reason, entry.at);
  return points;
}

/**
 * `award` without telling this process's leaderboards: for a transaction that may still undo
 * the award itself, which calls `noteAward` once it will not (still inside the transaction).
 */
export async function insertAward(
  db: Db,
  entry: { employeeId: string; delta: number; reason: PointsReason; reference: string; at: string },
): Promise<number> {
  if (entry.delta === 0) return 0;
  // One statement: nothing for a leaver, nothing for a reference already awarded.
  const { rows } = await sql<{ id: string }>`
    insert into points_ledger (id, employee_id, delta, reason, reference, created_at)
    select ${newId('pts')}, ${entry.employeeId}, cast(${entry.delta} as integer), ${entry.reason}, ${entry.reference}, ${entry.at}
    where not exists (select 1 from employees where id = ${entry.employeeId} and status = 'deactivated')
    on conflict (reason, reference) do nothing
    returning id`.execute(db);
  return rows.length === 0 ? 0 : entry.delta;
}
