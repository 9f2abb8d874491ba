import { badRequest } from './errors.js';

/** One `attribute eq "value"` of a filter; `within` names the multi-valued attribute of `members[value eq "…"]`. */
export interface Comparison {
  attribute: string;
  value: string | boolean;
  within?: string;
}

/** Longest filter accepted; longer ones are refused before parsing. */
export const FILTER_MAX_LENGTH = 1000;
const VALUE_MAX_LENGTH = 300;

type Token = { kind: 'name' | 'string' | 'open' | 'close'; text: string };

const NAME = /^[A-Za-z][\w.:-]*/;

function tokens(filter: string): Token[] {
  const out: Token[] = [];
  let rest = filter;
  while (rest.length > 0) {
    const space = /^\s+/.exec(rest);
    if (space !== null) {
      rest = rest.slice(space[0].length);
      continue;
    }
    if (rest[0] === '[' || rest[0] === ']') {
      out.push({ kind: rest[0] === '[' ? 'open' : 'close', text: rest[0] });
      rest = rest.slice(1);
      continue;
    }
    if (rest[0] === '"') {
      // A JSON string: escapes as JSON has them.
      // eslint-disable-next-line no-control-regex
      const match = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/.exec(rest);
      if (match === null) throw badRequest('invalidFilter', 'The filter has a string that is not closed or not valid JSON.');
      out.push({ kind: 'string', text: JSON.parse(match[0]) as string });
      rest = rest.slice(match[0].length);
      continue;
    }
    const name = NAME.exec(rest);
    if (name === null) throw badRequest('invalidFilter', `The filter has "${rest[0]}" where a name or a value was expected.`);
    out.push({ kind: 'name', text: name[0] });
    rest = rest.slice(name[0].length);
  }
  return out;
}

/**
 * Parses the filters provisioning clients send (RFC 7644 §3.4.2.2, a subset): comparisons with
 * `eq` joined by `and`, and `members[value eq "…"]`. Anything else (`or`, `not`, `co`, `sw`,
 * parentheses, other operators) is a 400 `invalidFilter` naming what is not supported. Which
 * attributes may be compared is the caller's choice (`allowed`, lower-case).
 */
export function parseFilter(filter: string, allowed: readonly string[]): Comparison[] {
  if (filter.length > FILTER_MAX_LENGTH) throw badRequest('invalidFilter', `The filter is longer than ${FILTER_MAX_LENGTH} characters.`);
  const list = tokens(filter);
  const comparisons: Comparison[] = [];
  let at = 0;
  const next = () => list[at++];
  const comparison = (within?: string): Comparison => {
    const attribute = next();
    const operator = next();
    const value = next();
    if (attribute?.kind !== 'name') throw badRequest('invalidFilter', 'The filter must start with an attribute name.');
    if (operator?.kind !== 'name' || operator.text.toLowerCase() !== 'eq') {
      throw badRequest('invalidFilter', `Only the "eq" operator is supported in filters${operator ? `, not "${operator.text}"` : ''}.`);
    }
    let parsed: string | boolean;
    if (value?.kind === 'string') parsed = value.text;
    else if (value?.kind === 'name' && /^(true|false)$/i.test(value.text)) parsed = value.text.toLowerCase() === 'true';
    else throw badRequest('invalidFilter', 'A filter compares with a quoted string, true or false.');
    if (typeof parsed === 'string' && parsed.length > VALUE_MAX_LENGTH)
      throw badRequest('invalidFilter', `A filter value is longer than ${VALUE_MAX_LENGTH} characters.`);
    const name = attribute.text.toLowerCase();
    const full = within === undefined ? name : `${within}.${name}`;
    if (!allowed.includes('*') && !allowed.includes(full))
      throw badRequest('invalidFilter', `Filtering on "${attribute.text}" is not supported.`);
    return within === undefined ? { attribute: name, value: parsed } : { attribute: name, value: parsed, within };
  };
  for (;;) {
    const head = list[at];
    if (head?.kind === 'name' && list[at + 1]?.kind === 'open') {
      at += 2;
      comparisons.push(comparison(head.text.toLowerCase()));
      if (next()?.kind !== 'close') throw badRequest('invalidFilter', 'A "[" in the filter is not closed.');
    } else {
      comparisons.push(comparison());
    }
    if (at === list.length) return comparisons;
    const joiner = next();
    if (joiner?.kind !== 'name' || joiner.text.toLowerCase() !== 'and') {
      throw badRequest('invalidFilter', `Only "and" may join comparisons in a filter${joiner ? `, not "${joiner.text}"` : ''}.`);
    }
  }
}
