import type {
  AuditEntry,
  AuditQuery,
  Employee,
  ErasureResult,
  Page,
  PersonalDataExport,
  PrivacySettings,
  PrivacySettingsUpdate,
} from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { csvRow } from '../admin/csv.js';
import { badgeStandings } from '../rules/index.js';
import type { MemoryDb } from './db.js';
import { paginate } from './paginate.js';
import { isTimestamp, pageLimit, validationError } from './validate.js';

/** What an erased person is called from then on (as on the reference server). */
export const FORMER_EMPLOYEE = 'Former employee';

/** The memory backend's audit log, erasures and privacy settings, beside its other data. */
interface PrivacyState {
  audit: AuditEntry[];
  /** original id → pseudonym, and the pseudonyms themselves (memory is gone when the page closes). */
  erasures: Map<string, { pseudonym: string; erasedAt: string }>;
  settings: PrivacySettings;
}

const states = new WeakMap<MemoryDb, PrivacyState>();

function state(db: MemoryDb): PrivacyState {
  let found = states.get(db);
  if (!found) {
    found = { audit: [], erasures: new Map(), settings: { clickRetentionDays: null, updatedAt: null } };
    states.set(db, found);
  }
  return found;
}

/** Records an admin change, as the reference server does in the change's transaction. */
export function recordAudit(
  db: MemoryDb,
  entry: Omit<AuditEntry, 'id' | 'at' | 'before' | 'after'> & { before?: unknown; after?: unknown },
): void {
  state(db).audit.push({
    id: db.nextId('aud'),
    at: db.now().toISOString(),
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    before: entry.before === undefined ? null : structuredClone(entry.before),
    after: entry.after === undefined ? null : structuredClone(entry.after),
  });
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function filtered(db: MemoryDb, query: Omit<AuditQuery, 'cursor' | 'limit'>): AuditEntry[] {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value != null && !isTimestamp(value)) throw validationError(field, 'must be an ISO 8601 date or time', 'invalid_date');
  }
  const from = query.from ? new Date(query.from).toISOString() : null;
  const to = query.to ? new Date(Date.parse(query.to) + (DATE_ONLY.test(query.to) ? 86_400_000 - 1 : 0)).toISOString() : null;
  return state(db).audit.filter(
    (e) =>
      (!query.actor || e.actor.id === query.actor) &&
      (!query.action || e.action.startsWith(query.action)) &&
      (!query.targetKind || e.target.kind === query.targetKind) &&
      (!query.targetId || e.target.id === query.targetId) &&
      (from === null || e.at >= from) &&
      (to === null || e.at <= to),
  );
}

export function listAudit(db: MemoryDb, query: AuditQuery = {}): Page<AuditEntry> {
  return paginate(filtered(db, query), (e) => [e.at, e.id] as const, query.cursor, pageLimit(query.limit));
}

/** The same CSV as the reference server's `/admin/exports/audit.csv`, newest first. */
export function auditCsv(db: MemoryDb, query: Omit<AuditQuery, 'cursor' | 'limit'> = {}): string {
  const rows = paginate(filtered(db, query), (e) => [e.at, e.id] as const, null, Number.MAX_SAFE_INTEGER).items;
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  return [
    csvRow(['at', 'actorKind', 'actorId', 'action', 'targetKind', 'targetId', 'before', 'after']),
    ...rows.map((e) => csvRow([e.at, e.actor.kind, e.actor.id, e.action, e.target.kind, e.target.id, json(e.before), json(e.after)])),
  ].join('');
}

const notFound = () => new AdvocacyError('not_found', 'No such employee', { status: 404 });

/** Everything the memory backend holds about one person. */
export function personalData(db: MemoryDb, employeeId: string): PersonalDataExport {
  const employee = db.employees.get(employeeId);
  if (!employee) throw notFound();
  const shares = db.shares.filter((s) => s.employeeId === employeeId);
  const clicks = db.clicks.filter((c) => c.employeeId === employeeId);
  const conversions = [...db.conversions.values()].filter((c) => c.employeeId === employeeId);
  const byDay = new Map<string, number>();
  for (const click of clicks) byDay.set(click.at.slice(0, 10), (byDay.get(click.at.slice(0, 10)) ?? 0) + 1);
  const byCreated = <T extends { createdAt: string; id: string }>(rows: T[]) =>
    [...rows].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
  return {
    exportedAt: db.now().toISOString(),
    employee: {
      id: employee.id,
      displayName: employee.displayName,
      email: null,
      team: employee.team,
      role: employee.role,
      locale: employee.locale,
      timeZone: employee.timeZone,
      avatarUrl: employee.avatarUrl,
      policyAcceptedAt: employee.policyAcceptedAt,
      status: db.deactivated.has(employee.id) ? 'deactivated' : 'active',
      createdAt: null,
      lastActiveAt: null,
    },
    shares: byCreated(shares).map(({ employeeId: _self, ...share }) => ({
      ...share,
      clicks: clicks.filter((c) => c.shareId === share.id).length,
      conversions: conversions.filter((c) => c.code === share.trackingCode).length,
    })),
    clicks: { total: clicks.length, byDay: [...byDay].sort().map(([day, n]) => ({ day, clicks: n })) },
    points: byCreated(db.ledger.filter((row) => row.employeeId === employeeId)),
    suggestions: byCreated([...db.suggestions.values()].filter((s) => s.employeeId === employeeId)),
    badges: badgeStandings(
      shares.map((s) => s.createdAt),
      conversions.map((c) => c.createdAt),
      db.rules.badges,
    ),
    preferences: db.preferences.get(employeeId) ?? { digest: true, nudges: true, showOnLeaderboard: false },
    // The memory backend keeps event ids only, not whose they were.
    events: [],
    audit: state(db).audit.filter((e) => e.target.kind === 'employee' && e.target.id === employeeId),
  };
}

/** Personal fields dropped from audit entries about an erased person, and their old id replaced, at any depth. */
const PERSONAL_FIELDS = new Set(['displayName', 'name', 'email', 'avatarUrl', 'commentary', 'note']);
function redact(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((item) => redact(item, from, to));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !PERSONAL_FIELDS.has(key))
      .map(([key, item]) => [key, redact(item, from, to)]),
  );
}

/** Anonymises a person as the reference server does: counts stay, the name, words and id go. Idempotent. */
export function erase(db: MemoryDb, employeeId: string, adminId: string): ErasureResult {
  const s = state(db);
  const earlier = s.erasures.get(employeeId) ?? [...s.erasures.values()].find((e) => e.pseudonym === employeeId);
  if (earlier) return { employeeId: earlier.pseudonym, erasedAt: earlier.erasedAt, alreadyErased: true };
  const employee = db.employees.get(employeeId);
  if (!employee) throw notFound();
  if (employeeId === adminId) throw new AdvocacyError('conflict', 'An admin cannot erase themselves', { status: 409 });
  const pseudonym = `anon-${crypto.randomUUID()}`;
  const erasedAt = db.now().toISOString();
  const renamed: Employee = { ...employee, id: pseudonym, displayName: FORMER_EMPLOYEE, avatarUrl: null };
  db.employees.delete(employeeId);
  db.employees.set(pseudonym, renamed);
  const shares = new Set([...db.shares, ...[...db.links.values()].map((l) => l.share), ...[...db.shareKeys.values()].map((k) => k.share)]);
  for (const share of shares) {
    if (share.employeeId !== employeeId) continue;
    share.employeeId = pseudonym;
    share.commentary = '';
  }
  for (const row of [...db.clicks, ...db.conversions.values()]) if (row.employeeId === employeeId) row.employeeId = pseudonym;
  // Ledger references of shares and clicks are built from the employee id (see rules/points.ts).
  const prefixes = [`${employeeId}:`, `${encodeURIComponent(employeeId)}:`];
  for (const row of db.ledger) {
    if (row.employeeId !== employeeId) continue;
    row.employeeId = pseudonym;
    const prefix = prefixes.find((p) => (row.reason === 'share' || row.reason === 'click') && row.reference.startsWith(p));
    if (prefix) row.reference = `${pseudonym}:${row.reference.slice(prefix.length)}`;
  }
  for (const suggestion of new Set([...db.suggestions.values(), ...db.suggestionKeys.values()])) {
    if (suggestion.employeeId !== employeeId) continue;
    suggestion.employeeId = pseudonym;
    suggestion.note = '';
  }
  const preferences = db.preferences.get(employeeId);
  db.preferences.delete(employeeId);
  if (preferences) db.preferences.set(pseudonym, preferences);
  for (const [key, value] of [...db.shareKeys, ...db.suggestionKeys]) {
    if (!key.startsWith(`${employeeId}\n`)) continue;
    const moved = `${pseudonym}\n${key.slice(employeeId.length + 1)}`;
    if ('share' in value) {
      db.shareKeys.delete(key);
      db.shareKeys.set(moved, value);
    } else {
      db.suggestionKeys.delete(key);
      db.suggestionKeys.set(moved, value);
    }
  }
  s.audit = s.audit.map((entry) => {
    const mentions = JSON.stringify(entry).includes(JSON.stringify(employeeId));
    return mentions ? (redact(entry, employeeId, pseudonym) as AuditEntry) : entry;
  });
  // The same set the people operations keep: an erased person is a leaver everywhere.
  db.deactivated.add(pseudonym);
  s.erasures.set(employeeId, { pseudonym, erasedAt });
  recordAudit(db, {
    actor: { kind: 'admin', id: adminId },
    action: 'employee.erase',
    target: { kind: 'employee', id: pseudonym },
    before: { status: 'active', team: employee.team, role: employee.role },
    after: { displayName: FORMER_EMPLOYEE, status: 'deactivated', team: employee.team, role: employee.role },
  });
  return { employeeId: pseudonym, erasedAt, alreadyErased: false };
}

export const getPrivacySettings = (db: MemoryDb): PrivacySettings => state(db).settings;

/**
 * Stores the click retention (audited). The memory backend counts from its click rows, so it
 * keeps them: the setting is stored for the admin screens, nothing is deleted.
 */
export function updatePrivacySettings(db: MemoryDb, adminId: string, input: PrivacySettingsUpdate): PrivacySettings {
  const days = input.clickRetentionDays;
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 3650)) {
    throw validationError('clickRetentionDays', 'must be a whole number of days from 1 to 3650, or null', 'out_of_range');
  }
  const s = state(db);
  recordAudit(db, {
    actor: { kind: 'admin', id: adminId },
    action: 'settings.update',
    target: { kind: 'setting', id: 'click_retention_days' },
    before: { clickRetentionDays: s.settings.clickRetentionDays },
    after: { clickRetentionDays: days },
  });
  s.settings = { clickRetentionDays: days, updatedAt: db.now().toISOString() };
  return s.settings;
}
