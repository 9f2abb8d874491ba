import type { AdminTeam, AdminTopic, LocalizedText } from '@advocacy-kit/core';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema.js';

/** The default name of a team among its names: English, else the first given. */
export const defaultName = (names: LocalizedText): string => names.en ?? Object.values(names)[0] ?? '';

/** Names with their text trimmed (the contract already refused blank ones). */
export const cleanNames = (names: LocalizedText): LocalizedText =>
  Object.fromEntries(Object.entries(names).map(([locale, name]) => [locale, name.trim()]));

const parsed = (json: string): LocalizedText => {
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as LocalizedText) : {};
  } catch {
    return {};
  }
};

export function toAdminTopic(row: Selectable<Database['topics']>): AdminTopic {
  return { id: row.id, names: parsed(row.names), position: Number(row.position), archivedAt: row.archived_at };
}

export function toAdminTeam(row: Selectable<Database['teams']>): AdminTeam {
  const names = parsed(row.names);
  // A team made from a token's claim before it had names has its one name.
  return {
    id: row.id,
    name: row.name,
    names: Object.keys(names).length === 0 ? { en: row.name } : names,
    position: Number(row.position),
    archivedAt: row.archived_at,
  };
}

/** A team's name in a locale (`ja-JP` → `ja`), else its default name. */
export function teamNameIn(row: Pick<Selectable<Database['teams']>, 'name' | 'names'>, locale: string): string {
  const names = parsed(row.names);
  return names[locale] ?? names[locale.split('-')[0]!] ?? row.name;
}
