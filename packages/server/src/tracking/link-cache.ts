import type { Db } from '../db/database.js';

/** What a tracking code resolves to. */
export interface LinkTarget {
  code: string;
  shareId: string;
  employeeId: string;
  postId: string;
  destination: string;
  /** Keyed hash of the network the share was made from: clicks from it earn no points. */
  sharerNetwork: string | null;
}

/**
 * code → destination, least-recently-used first out. Codes never change their destination, so
 * entries need no expiry; unknown codes are cached too (as null) so guessing costs no queries.
 */
export class LinkCache {
  private readonly entries = new Map<string, LinkTarget | null>();

  constructor(
    private readonly db: Db,
    private readonly maxEntries = 50_000,
  ) {}

  /** The cached answer, or undefined when the database must be asked. */
  peek(code: string): LinkTarget | null | undefined {
    const hit = this.entries.get(code);
    if (hit !== undefined) {
      this.entries.delete(code);
      this.entries.set(code, hit);
    }
    return hit;
  }

  async load(code: string): Promise<LinkTarget | null> {
    const row = await this.db
      .selectFrom('shares')
      .select(['id', 'employee_id', 'post_id', 'destination', 'sharer_network'])
      .where('tracking_code', '=', code)
      .executeTakeFirst();
    const target =
      row === undefined
        ? null
        : {
            code,
            shareId: row.id,
            employeeId: row.employee_id,
            postId: row.post_id,
            destination: row.destination,
            sharerNetwork: row.sharer_network,
          };
    this.remember(code, target);
    return target;
  }

  /** Forgets the links of one employee (their id was replaced by an erasure's pseudonym). */
  forgetEmployee(employeeId: string): void {
    for (const [code, target] of this.entries) if (target?.employeeId === employeeId) this.entries.delete(code);
  }

  /** Records a code just issued, so its first click needs no query. */
  remember(code: string, target: LinkTarget | null): void {
    this.entries.delete(code);
    this.entries.set(code, target);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
