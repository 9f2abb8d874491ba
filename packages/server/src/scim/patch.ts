import { badRequest } from './errors.js';
import { parseFilter, type Comparison } from './filter.js';

/** A SCIM resource as JSON: the representation a PATCH applies to. */
export type ScimDocument = Record<string, unknown>;

/** The operations the PATCH endpoints apply, capitalised or not (`Replace` from Entra ID). */
type Op = 'add' | 'replace' | 'remove';

interface Path {
  /** The extension schema of a URN-prefixed path (`urn:…:enterprise:2.0:User`), or null. */
  schema: string | null;
  attribute: string;
  filter: Comparison[] | null;
  sub: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The key of `object` that names `name`: attribute names are case-insensitive (RFC 7643 §2.1). */
export function keyOf(object: Record<string, unknown>, name: string): string {
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower) ?? name;
}

/** `object[name]`, the name compared case-insensitively. */
export const valueOf = (object: Record<string, unknown>, name: string): unknown => object[keyOf(object, name)];

const PATH = /^([A-Za-z][\w-]*)(?:\[(.+)\])?(?:\.([A-Za-z][\w-]*))?$/;

export function parsePath(raw: string): Path {
  if (raw.length > 500) throw badRequest('invalidPath', 'The path is too long.');
  let schema: string | null = null;
  let rest = raw.trim();
  if (/^urn:/i.test(rest)) {
    const bracket = rest.indexOf('[');
    const head = bracket === -1 ? rest : rest.slice(0, bracket);
    const colon = head.lastIndexOf(':');
    schema = rest.slice(0, colon);
    rest = rest.slice(colon + 1);
    if (rest === '') return { schema, attribute: '', filter: null, sub: null };
  }
  const match = PATH.exec(rest);
  if (match === null) throw badRequest('invalidPath', `"${raw}" is not a path this server understands.`);
  const [, attribute, filter, sub] = match;
  return {
    schema,
    attribute: attribute!,
    filter: filter === undefined ? null : parseFilter(filter, ['*']),
    sub: sub ?? null,
  };
}

const matches = (element: unknown, filter: Comparison[]): boolean =>
  isObject(element) &&
  filter.every(({ attribute, value }) => {
    const actual = valueOf(element, attribute);
    if (typeof actual === 'string' && typeof value === 'string') {
      return attribute === 'value' ? actual === value : actual.toLowerCase() === value.toLowerCase();
    }
    return actual === value;
  });

/** The same value of a multi-valued attribute, by its `value` when it has one. */
const sameItem = (a: unknown, b: unknown): boolean =>
  isObject(a) && isObject(b) && valueOf(a, 'value') !== undefined
    ? valueOf(a, 'value') === valueOf(b, 'value')
    : JSON.stringify(a) === JSON.stringify(b);

function addTo(target: Record<string, unknown>, name: string, value: unknown, op: Op): void {
  const key = keyOf(target, name);
  const current = target[key];
  if (op === 'add' && Array.isArray(current)) {
    const items = Array.isArray(value) ? value : [value];
    target[key] = [...current, ...items.filter((item) => !current.some((existing) => sameItem(existing, item)))];
  } else if (op === 'add' && isObject(current) && isObject(value)) {
    for (const [sub, subValue] of Object.entries(value)) current[keyOf(current, sub)] = subValue;
  } else {
    target[key] = value;
  }
}

function applyAt(document: ScimDocument, path: Path, op: Op, value: unknown): void {
  let container: Record<string, unknown> = document;
  if (path.schema !== null) {
    const key = keyOf(document, path.schema);
    if (!isObject(document[key])) {
      if (op === 'remove') return;
      document[key] = {};
    }
    container = document[key] as Record<string, unknown>;
    if (path.attribute === '') {
      if (op === 'remove') delete document[key];
      else if (isObject(value)) for (const [name, item] of Object.entries(value)) addTo(container, name, item, op);
      return;
    }
  }
  const key = keyOf(container, path.attribute);
  if (path.filter === null) {
    if (path.sub === null) {
      if (op !== 'remove') return addTo(container, path.attribute, value, op);
      // Entra ID removes members with their values listed: remove those, not all of them.
      if (Array.isArray(container[key]) && Array.isArray(value)) {
        container[key] = (container[key] as unknown[]).filter((item) => !value.some((gone) => sameItem(item, gone)));
      } else {
        delete container[key];
      }
      return;
    }
    if (!isObject(container[key])) {
      if (op === 'remove') return;
      container[key] = {};
    }
    const parent = container[key] as Record<string, unknown>;
    if (op === 'remove') delete parent[keyOf(parent, path.sub)];
    else parent[keyOf(parent, path.sub)] = value;
    return;
  }
  const list = Array.isArray(container[key]) ? (container[key] as unknown[]) : [];
  const filter = path.filter;
  const hits = list.filter((item) => matches(item, filter));
  if (op === 'remove') {
    if (path.sub === null) container[key] = list.filter((item) => !matches(item, filter));
    else for (const hit of hits as Record<string, unknown>[]) delete hit[keyOf(hit, path.sub)];
    return;
  }
  if (hits.length === 0) {
    // Nothing matches: a new value made of the filter's equalities (`emails[type eq "work"].value`).
    const created: Record<string, unknown> = Object.fromEntries(filter.map(({ attribute, value: equal }) => [attribute, equal]));
    if (path.sub !== null) created[path.sub] = value;
    else if (isObject(value)) Object.assign(created, value);
    container[key] = [...list, created];
    return;
  }
  for (const hit of hits as Record<string, unknown>[]) {
    if (path.sub !== null) hit[keyOf(hit, path.sub)] = value;
    else if (isObject(value)) for (const [name, item] of Object.entries(value)) hit[keyOf(hit, name)] = item;
  }
}

/** Most operations one PATCH may carry. */
export const MAX_OPERATIONS = 1000;

/**
 * Applies a PATCH request (RFC 7644 §3.5.2) to a copy of `document`: `add`, `replace` and
 * `remove`, in any letter case, with or without a `path`; a value object without a path may use
 * attribute paths as keys (`{"name.givenName": "Ann"}`) as some clients send.
 */
export function applyPatch(document: ScimDocument, body: unknown): ScimDocument {
  if (!isObject(body)) throw badRequest('invalidSyntax', 'A PATCH body is a JSON object with Operations.');
  const operations = valueOf(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0)
    throw badRequest('invalidSyntax', 'A PATCH needs a non-empty Operations array.');
  if (operations.length > MAX_OPERATIONS) throw badRequest('tooMany', `A PATCH may carry at most ${MAX_OPERATIONS} operations.`);
  const result = structuredClone(document);
  for (const operation of operations) {
    if (!isObject(operation)) throw badRequest('invalidSyntax', 'Each operation is an object with op, path and value.');
    const op = String(valueOf(operation, 'op') ?? '').toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw badRequest('invalidSyntax', `"${String(valueOf(operation, 'op'))}" is not a PATCH operation: use add, replace or remove.`);
    }
    const rawPath = valueOf(operation, 'path');
    const value = valueOf(operation, 'value');
    if (rawPath !== undefined && typeof rawPath !== 'string') throw badRequest('invalidPath', 'The path must be a string.');
    if (rawPath === undefined || rawPath === '') {
      if (op === 'remove') throw badRequest('noTarget', 'A remove operation needs a path.');
      if (!isObject(value)) throw badRequest('invalidValue', 'Without a path, the value must be an object of attributes.');
      for (const [name, item] of Object.entries(value)) {
        if (/^urn:/i.test(name) && isObject(item)) applyAt(result, { schema: name, attribute: '', filter: null, sub: null }, op, item);
        else applyAt(result, parsePath(name), op, item);
      }
      continue;
    }
    if (op !== 'remove' && value === undefined) throw badRequest('invalidValue', `The ${op} operation on "${rawPath}" has no value.`);
    applyAt(result, parsePath(rawPath), op, value);
  }
  return result;
}
