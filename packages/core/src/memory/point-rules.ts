import { AdvocacyError } from '../backend/errors.js';
import type {
  EffectivePointValues,
  PointRules,
  PointRulesVersion,
  PointRulesVersionInput,
  PointRulesVersionList,
  PointRulesVersionPatch,
} from '../backend/contract.js';
import { NETWORK_IDS } from '../contract/enums.js';
import { DEFAULT_POINTS, sharePoints, versionAt, type Rules } from '../rules/index.js';
import type { MemoryDb } from './db.js';
import { FieldErrors, isTimestamp } from './validate.js';

/** A version of the point rules as stored. */
export interface PointRulesRow {
  id: string;
  rules: PointRules;
  effectiveFrom: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

/** How far in the past an effective time may be (a clock a little behind); it then takes effect now. */
const PAST_TOLERANCE_MS = 5 * 60_000;

/** The point values and every network's weight (1 where none is set) of `rules`. */
export const fullPointRules = (rules: Rules) => ({
  points: { ...rules.points },
  networkWeights: Object.fromEntries(NETWORK_IDS.map((network) => [network, rules.networkWeights[network] ?? 1])) as Record<
    (typeof NETWORK_IDS)[number],
    number
  >,
});

/** The point values in effect at `at`, as employees read them. */
export function effectivePointValues(db: MemoryDb, at: string): EffectivePointValues {
  const rules = db.rulesAt(at);
  const full = fullPointRules(rules);
  return {
    ...full,
    shareByNetwork: Object.fromEntries(NETWORK_IDS.map((network) => [network, sharePoints(rules, network)])) as Record<
      (typeof NETWORK_IDS)[number],
      number
    >,
    effectiveFrom: versionAt(db.pointRuleVersions, at)?.effectiveFrom ?? null,
  };
}

function checkRules(e: FieldErrors, rules: unknown): void {
  if (!e.check(typeof rules === 'object' && rules !== null && !Array.isArray(rules), 'rules', 'must be an object', 'wrong_type')) return;
  const groups: Record<string, [keys: readonly string[], integer: boolean, max: number]> = {
    points: [Object.keys(DEFAULT_POINTS), true, 100_000],
    networkWeights: [NETWORK_IDS, false, 10],
  };
  for (const [group, values] of Object.entries(rules as Record<string, unknown>)) {
    const spec = groups[group];
    if (!e.check(spec !== undefined, `rules.${group}`, 'is not a known field', 'unknown_field')) continue;
    if (!e.check(typeof values === 'object' && values !== null, `rules.${group}`, 'must be an object', 'wrong_type')) continue;
    const [keys, integer, max] = spec!;
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      const field = `rules.${group}.${key}`;
      if (!e.check(keys.includes(key), field, 'is not a known field', 'unknown_field')) continue;
      if (
        !e.check(
          typeof value === 'number' && (!integer || Number.isInteger(value)),
          field,
          integer ? 'must be integer' : 'must be number',
          'wrong_type',
        )
      )
        continue;
      e.check((value as number) >= 0, field, 'must be >= 0', 'too_short');
      e.check((value as number) <= max, field, `must be <= ${max}`, 'too_long');
    }
  }
}

/** The effective time of a new or edited version: now if not given; a time well in the past is a field error. */
function effectiveTime(e: FieldErrors, value: string | undefined, now: Date): string {
  if (value === undefined) return now.toISOString();
  if (!e.check(isTimestamp(value), 'effectiveFrom', 'must be a date-time', 'invalid_format')) return now.toISOString();
  const t = Date.parse(value);
  e.check(t >= now.getTime() - PAST_TOLERANCE_MS, 'effectiveFrom', 'must not be in the past', 'out_of_range');
  return new Date(Math.max(t, now.getTime())).toISOString();
}

/** Point-rules administration: list, create, edit or delete a scheduled version. `audited` records the change. */
export function pointRulesAdmin(
  db: MemoryDb,
  me: () => { id: string },
  audited: (action: string, target: { kind: string; id: string }, before: unknown, after: unknown) => void,
) {
  const present = (row: PointRulesRow): PointRulesVersion => {
    const now = db.now().toISOString();
    const status = row.effectiveFrom > now ? 'scheduled' : versionAt(db.pointRuleVersions, now) === row ? 'current' : 'past';
    return { ...row, status };
  };
  /** Keeps the versions in effective order, ties in creation order. */
  const sort = () =>
    db.pointRuleVersions.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  const scheduled = (id: string): PointRulesRow => {
    const row = db.pointRuleVersions.find((version) => version.id === id);
    if (!row) throw new AdvocacyError('not_found', `No point rules version "${id}"`, { status: 404 });
    if (row.effectiveFrom <= db.now().toISOString())
      throw new AdvocacyError('conflict', 'This version already took effect: it is history now', { status: 409 });
    return row;
  };
  return {
    list(): PointRulesVersionList {
      const now = db.now().toISOString();
      return {
        items: [...db.pointRuleVersions].reverse().map(present),
        defaults: fullPointRules(db.rules),
        effective: fullPointRules(db.rulesAt(now)),
      };
    },
    create(input: PointRulesVersionInput): PointRulesVersion {
      const e = new FieldErrors();
      checkRules(e, input.rules);
      const now = db.now();
      const effectiveFrom = effectiveTime(e, input.effectiveFrom, now);
      e.check(
        input.note === undefined || (typeof input.note === 'string' && input.note.length <= 500),
        'note',
        'must be at most 500 characters',
        'too_long',
      );
      e.throwIfAny();
      const row: PointRulesRow = {
        id: db.nextId('prv'),
        rules: structuredClone(input.rules),
        effectiveFrom,
        note: input.note ?? null,
        createdBy: me().id,
        createdAt: now.toISOString(),
      };
      db.pointRuleVersions.push(row);
      sort();
      audited('points_rules.create', { kind: 'points_rules', id: row.id }, null, present(row));
      return present(row);
    },
    update(id: string, patch: PointRulesVersionPatch): PointRulesVersion {
      const row = scheduled(id);
      const e = new FieldErrors();
      e.check(Object.keys(patch).length > 0, '', 'must change something', 'too_short');
      if (patch.rules !== undefined) checkRules(e, patch.rules);
      const effectiveFrom = patch.effectiveFrom === undefined ? row.effectiveFrom : effectiveTime(e, patch.effectiveFrom, db.now());
      e.throwIfAny();
      const before = present(row);
      Object.assign(row, {
        effectiveFrom,
        ...(patch.rules === undefined ? {} : { rules: structuredClone(patch.rules) }),
        ...(patch.note === undefined ? {} : { note: patch.note }),
      });
      sort();
      audited('points_rules.update', { kind: 'points_rules', id }, before, present(row));
      return present(row);
    },
    delete(id: string): void {
      const row = scheduled(id);
      const before = present(row);
      db.pointRuleVersions.splice(db.pointRuleVersions.indexOf(row), 1);
      audited('points_rules.delete', { kind: 'points_rules', id }, before, null);
    },
  };
}
