import fc from 'fast-check';

/**
 * fast-check arbitraries derived from the contract's JSON Schemas (TypeBox output, or the OpenAPI
 * document's `$ref`s): `validValue` draws values the schema accepts, `nearValid` draws values
 * that are valid but for one place, mutated the way a careless or hostile client would.
 * Handles the keywords schemas.ts uses: object (properties, required, additionalProperties,
 * propertyNames, minProperties), string (length, format, pattern, enum), number, integer,
 * boolean, null, array (items, min/maxItems, uniqueItems), const, anyOf/oneOf, type lists, $ref.
 */

type Schema = Record<string, unknown>;

/** JSON text put into a body as it is: what `JSON.stringify` cannot write (-0, 1e400, duplicate keys, 5 000-deep nesting). */
export class RawJson {
  constructor(readonly text: string) {}
  toString(): string {
    return `RawJson(${this.text.length > 80 ? `${this.text.slice(0, 80)}…` : this.text})`;
  }
}

/** Serialises a drawn value, `RawJson` pieces verbatim (own `__proto__` keys included). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface SchemaContext {
  /** Values the server knows (seeded ids, tracking codes, tokens) by property name, drawn often. */
  hints: Readonly<Record<string, readonly string[]>>;
  /** The schema a `$ref` points at. */
  resolve(ref: string): Schema;
}

const DEEP = 5_000;

/** Strings that break naive code: control and format characters, lone surrogates, odd numbers and dates. */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\ud83d',
  '\ufeff',
  '\u202e\u0645',
  '\u200b',
  'e\u0301\u0301\u0301',
  '\uffff\ufffe',
  '\u2028\u2029',
  '\r\n\t',
  '𝕏😀👩‍👩‍👧',
  '日本語テキスト',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  ' 1',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  "' OR 1=1 --",
  '"; DROP TABLE posts; --',
  '%00',
  '%s%n',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  '2026-06-30T23:59:60Z',
  '2026-02-30T00:00:00Z',
  '2026-02-29',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999Z',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '2026-01-01T00:00:00+24:00',
  '2026-01-01T00:00:00-23:59',
  '2026-01-01t00:00:00z',
  '2026-01-01 00:00:00',
  '1970-01-01T00:00:00.0000000000001Z',
  'javascript:alert(1)',
  'http://',
  'https://[::1',
  'https://xn--ls8h.example/💩',
  'http://169.254.169.254/latest/meta-data/',
];

const ODD_NUMBERS: readonly unknown[] = [
  -1,
  0,
  1.5,
  -1e-300,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -1e308,
  Number.MIN_VALUE,
  new RawJson('-0'),
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('123456789012345678901234567890'),
  new RawJson('0.1e-999'),
  new RawJson('1E+2'),
  'NaN',
  '1',
];

/** Values of every JSON type and shapes a parser must survive. */
const ODD_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  '',
  [],
  {},
  [null],
  { a: 1 },
  new RawJson('['.repeat(DEEP) + ']'.repeat(DEEP)),
  new RawJson('{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP)),
  new RawJson('{"a":1,"a":"two"}'),
  new RawJson('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'),
];

const typesOf = (schema: Schema): string[] =>
  Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** The schema itself, its `$ref` followed. */
function deref(schema: Schema, context: SchemaContext): Schema {
  return typeof schema.$ref === 'string' ? deref(context.resolve(schema.$ref), context) : schema;
}

/** `anyOf`/`oneOf` branches, each merged with the keywords beside it (`{ type: 'string', anyOf: [{ format }] }`). */
function branches(schema: Schema): Schema[] | null {
  const list = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (list === undefined) return null;
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = schema;
  return list.map((branch) => ({ ...rest, ...branch }));
}

/** Hosts whose URLs are refused before any connection (no network in tests). */
const HOSTS = ['127.0.0.1', '127.0.0.1:9', 'localhost', '[::1]', '10.0.0.7'];
const urlValue = (maxLength: number) =>
  fc
    .tuple(
      fc.constantFrom('http', 'https'),
      fc.constantFrom(...HOSTS),
      fc.stringMatching(/^(\/[a-z0-9._~-]{0,12}){0,3}(\?[a-z]{1,5}=[a-z0-9]{0,6})?$/),
    )
    .map(([scheme, host, path]) => `${scheme}://${host}${path}`)
    .filter((url) => url.length <= maxLength);

/** Valid RFC 3339 timestamps a JavaScript Date holds, at the edges (year 1 and 9999, leap day, nanoseconds, ±14 h). */
const EDGE_TIMES = [
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2024-02-29T12:00:00Z',
  '2026-01-01T00:00:00.123456789Z',
  '2026-01-01T00:00:00+14:00',
  '2026-01-01T00:00:00-12:00',
  '1969-12-31T23:59:59.999Z',
];

const randomTime = fc
  .tuple(
    fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
    fc.constantFrom('Z', '+09:00', '-05:30', 'ms'),
  )
  .map(([date, zone]) => {
    const iso = date.toISOString();
    if (zone === 'ms') return iso;
    if (zone === 'Z') return `${iso.slice(0, 19)}Z`;
    const shifted = new Date(date.getTime() + (zone === '+09:00' ? 9 * 60 : -(5 * 60 + 30)) * 60_000).toISOString();
    return `${shifted.slice(0, 19)}${zone}`;
  });
const dateTime = fc.oneof({ arbitrary: randomTime, weight: 4 }, fc.constantFrom(...EDGE_TIMES));

function stringValue(schema: Schema, context: SchemaContext, name: string | undefined): fc.Arbitrary<string> {
  const minLength = num(schema.minLength) ?? 0;
  const maxLength = num(schema.maxLength) ?? 10_000;
  const fits = (value: string) => [...value].length >= minLength && [...value].length <= maxLength;
  let base: fc.Arbitrary<string>;
  if (schema.format === 'uri') base = urlValue(maxLength);
  else if (schema.format === 'date-time') base = dateTime;
  else if (schema.format === 'date') base = dateTime.map((value) => value.slice(0, 10));
  else if (typeof schema.pattern === 'string') base = fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  else {
    const bounds = { minLength, maxLength: Math.min(maxLength, Math.max(minLength, 40)) };
    base = fc.oneof(fc.string(bounds), fc.string({ ...bounds, unit: 'grapheme' }).filter(fits));
  }
  if (typeof schema.pattern === 'string' && schema.format !== undefined) {
    const pattern = new RegExp(schema.pattern);
    base = base.filter((value) => pattern.test(value));
  }
  const known = name === undefined ? undefined : context.hints[name];
  return known !== undefined && known.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, base) : base;
}

function objectValue(schema: Schema, context: SchemaContext): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = (schema.required ?? []) as string[];
  const minProperties = num(schema.minProperties) ?? 0;
  if (Object.keys(properties).length === 0 && typeof schema.additionalProperties === 'object') {
    const names = (schema.propertyNames ?? {}) as Schema;
    const key = Array.isArray(names.enum)
      ? fc.constantFrom(...(names.enum as string[]))
      : typeof names.pattern === 'string'
        ? fc.stringMatching(new RegExp(names.pattern)).filter((value) => value.length <= 35)
        : fc.string({ minLength: 1, maxLength: 10 });
    return fc.dictionary(key, validValue(schema.additionalProperties as Schema, context), { maxKeys: 3, minKeys: minProperties });
  }
  const model = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, validValue(property, context, key)]));
  return fc.record(model, { requiredKeys: required }).filter((value) => Object.keys(value).length >= minProperties);
}

/** Values `schema` accepts. `name` is the property the value is for (see `SchemaContext.hints`). */
export function validValue(input: Schema, context: SchemaContext, name?: string): fc.Arbitrary<unknown> {
  const schema = deref(input, context);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const options = branches(schema);
  if (options !== null) return fc.oneof(...options.map((branch) => validValue(branch, context, name)));
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...schema, type }, context, name)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: num(schema.minimum) ?? -1_000_000, max: num(schema.maximum) ?? 1_000_000 });
    case 'number':
      return fc.double({ min: num(schema.minimum) ?? -1e9, max: num(schema.maximum) ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'string':
      return stringValue(schema, context, name);
    case 'array': {
      const item = validValue((schema.items ?? {}) as Schema, context, name);
      const bounds = { minLength: num(schema.minItems) ?? 0, maxLength: Math.min(num(schema.maxItems) ?? 4, 4) };
      return schema.uniqueItems === true
        ? fc.uniqueArray(item, { ...bounds, selector: (value) => JSON.stringify(value) })
        : fc.array(item, bounds);
    }
    case 'object':
      return objectValue(schema, context);
    default:
      throw new Error(`No arbitrary for the schema ${JSON.stringify(schema)}`);
  }
}

/** An object with one more own property, `__proto__` included (JSON.parse makes it an own key too). */
function withProperty(value: Record<string, unknown>, key: string, item: unknown): Record<string, unknown> {
  const copy = { ...value };
  Object.defineProperty(copy, key, { value: item, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** Replacements for a value of `schema`: wrong types, out of range, odd strings and numbers. */
function replacements(schema: Schema, context: SchemaContext): fc.Arbitrary<unknown> {
  const types = typesOf(schema);
  const choices: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(...ODD_VALUES),
    fc.constantFrom(...ODD_STRINGS),
    fc.constantFrom(...ODD_NUMBERS),
  ];
  if (types.includes('string')) {
    const maxLength = num(schema.maxLength);
    const minLength = num(schema.minLength);
    const valid = validValue(schema, context).map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
    choices.push(
      fc.constantFrom(
        'x'.repeat((maxLength ?? 2_000) + 1),
        'x'.repeat(Math.max(0, (minLength ?? 1) - 1)),
        'y'.repeat(70_000),
        '\u0000'.repeat(300),
      ),
      fc.tuple(valid, fc.constantFrom('\u0000', '\ud800', ' ', '%', '\n', '😀'.repeat(500))).map(([value, extra]) => value + extra),
      fc.tuple(valid, fc.constantFrom(...ODD_STRINGS)).map(([value, odd]) => odd + value),
      fc.string({ unit: 'binary', maxLength: 50 }),
    );
  }
  if (types.includes('integer') || types.includes('number')) {
    const edges = [num(schema.minimum), num(schema.maximum)].filter((value) => value !== undefined);
    choices.push(fc.constantFrom(...edges.flatMap((edge) => [edge - 1, edge + 1, edge + 0.5, String(edge)]), 0.5));
  }
  if (types.includes('array')) {
    const item = validValue((schema.items ?? {}) as Schema, context);
    const maxItems = num(schema.maxItems) ?? 1_000;
    choices.push(
      item.map((value) => Array.from({ length: maxItems + 1 }, () => value)),
      item.map((value) => [value, value, value]),
      fc.constant(Array.from({ length: 10_000 }, () => 0)),
    );
  }
  return fc.oneof(...choices);
}

/**
 * Values valid for `schema` except in one place: the value itself replaced, or (inside objects and
 * arrays) one property or item mutated, a required property left out, an unknown one added.
 */
export function nearValid(input: Schema, context: SchemaContext, name?: string): fc.Arbitrary<unknown> {
  const schema = deref(input, context);
  const choices: fc.Arbitrary<unknown>[] = [replacements(schema, context)];
  const options = branches(schema);
  if (options !== null) choices.push(...options.map((branch) => nearValid(branch, context, name)));
  const types = typesOf(schema);
  if (types.includes('object') && options === null) {
    const valid = objectValue({ ...schema, type: 'object' }, context);
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [key, property] of Object.entries(properties)) {
      choices.push(fc.tuple(valid, nearValid(property, context, key)).map(([value, bad]) => withProperty(value, key, bad)));
    }
    if (typeof schema.additionalProperties === 'object') {
      const item = schema.additionalProperties as Schema;
      choices.push(
        fc.tuple(valid, nearValid(item, context)).map(([value, bad]) => withProperty(value, 'en', bad)),
        fc
          .tuple(valid, validValue(item, context), fc.constantFrom(...ODD_STRINGS))
          .map(([value, good, key]) => withProperty(value, key, good)),
      );
    }
    for (const key of (schema.required ?? []) as string[]) {
      choices.push(valid.map(({ [key]: _left, ...rest }) => rest));
    }
    choices.push(
      fc
        .tuple(valid, fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'toString', ''), fc.constantFrom(...ODD_VALUES))
        .map(([value, key, item]) => withProperty(value, key, item)),
    );
  }
  if (types.includes('array') && schema.items !== undefined) {
    const valid = validValue({ ...schema, type: 'array' }, context, name) as fc.Arbitrary<unknown[]>;
    choices.push(
      fc.tuple(valid, nearValid(schema.items as Schema, context, name), fc.nat()).map(([value, bad, at]) => {
        const index = at % (value.length + 1);
        return [...value.slice(0, index), bad, ...value.slice(index)];
      }),
    );
  }
  return fc.oneof(...choices);
}
