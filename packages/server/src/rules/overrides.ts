import { CONVERSION_VALUE_CEILING, DEFAULT_RULES, mergeRules, type Rules, type RulesOverrides } from '@advocacy-kit/core/rules';
import { schemas } from '@advocacy-kit/core/contract';
import { Type, type Static, type TObject, type TOptional, type TSchema } from '@sinclair/typebox';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

/** An object schema with every key of `defaults` optional and of schema `value`; no other key. */
function partialOf<K extends string, T extends TSchema>(
  defaults: Readonly<Record<K, unknown>>,
  value: T,
): TObject<{ [P in K]: TOptional<T> }> {
  const properties: Record<string, TSchema> = {};
  for (const key of Object.keys(defaults)) properties[key] = Type.Optional(value);
  return Type.Object(properties as unknown as { [P in K]: TOptional<T> }, { additionalProperties: false });
}

/**
 * Any part of the rules of `@advocacy-kit/core/rules`, as this server accepts it: the keys come
 * from `DEFAULT_RULES`, so a rule added there is configurable here without another list.
 */
export const RulesOverridesSchema = Type.Object(
  {
    points: Type.Optional(partialOf(DEFAULT_RULES.points, Type.Integer({ minimum: 0 }))),
    // Every network, not only those with a default weight (unlisted networks weigh 1): the
    // contract's schema, which admins' versions of the point rules are checked with too.
    networkWeights: Type.Optional(schemas.NetworkWeights),
    badges: Type.Optional(partialOf(DEFAULT_RULES.badges, Type.Integer({ minimum: 1 }))),
    reach: Type.Optional(partialOf(DEFAULT_RULES.reach, Type.Number({ minimum: 0 }))),
    contentMix: Type.Optional(partialOf(DEFAULT_RULES.contentMix, Type.Number({ minimum: 0, maximum: 1 }))),
    conversions: Type.Optional(partialOf(DEFAULT_RULES.conversions, Type.Number({ minimum: 0, maximum: CONVERSION_VALUE_CEILING }))),
  },
  { additionalProperties: false },
);

// The schema and core's type describe the same thing; this fails to compile if they drift apart.
const fromSchema: RulesOverrides = {} as Static<typeof RulesOverridesSchema>;
const fromCore: Static<typeof RulesOverridesSchema> = {} as RulesOverrides;
void [fromSchema, fromCore];

/** The environment variables that set one rule each (on top of `ADVOCACY_RULES`). */
export const RULE_VARIABLES: Readonly<Record<string, readonly [group: keyof Rules, key: string]>> = {
  POINTS_SHARE: ['points', 'share'],
  POINTS_CLICK: ['points', 'click'],
  POINTS_CLICK_DAILY_CAP: ['points', 'clickDailyCapPerPost'],
  POINTS_CONVERSION: ['points', 'conversion'],
  POINTS_SUGGESTION: ['points', 'suggestion'],
  CONVERSION_MAX_VALUE: ['conversions', 'maxValue'],
};

/** The variable that takes any part of the rules as JSON. */
export const RULES_VARIABLE = 'ADVOCACY_RULES';

let validator: ValidateFunction | undefined;

const fieldOf = (error: ErrorObject): string => {
  const path = error.instancePath.split('/').filter((part) => part !== '');
  if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
  return ['rules', ...path].join('.');
};

/** Rules that were renamed: an old name in a configuration says what to set instead. */
const RENAMED: Readonly<Record<string, string>> = {
  'rules.points.clickDailyCapPerShare': 'rules.points.clickDailyCapPerPost (the cap is now per employee, post and day)',
};

const messageOf = (error: ErrorObject, field: string): string => {
  if (error.keyword !== 'additionalProperties') return error.message ?? 'is invalid';
  const renamed = RENAMED[field];
  return renamed === undefined ? 'is not a known rule' : `is not a known rule: set ${renamed}`;
};

/**
 * The default rules with `overrides` applied, once they are checked against the schema. Throws
 * one error naming every wrong field (`rules.points.share must be >= 0`); `sourceOf` can add
 * where a field was set (an environment variable).
 */
export function resolveRules(overrides: unknown = {}, sourceOf: (field: string) => string | undefined = () => undefined): Rules {
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(RulesOverridesSchema);
  if (!validator(overrides)) {
    const problems = (validator.errors ?? []).map((error) => {
      const field = fieldOf(error);
      const source = sourceOf(field);
      return `${field} ${messageOf(error, field)}${source === undefined ? '' : ` (set by ${source})`}`;
    });
    throw new Error(`Invalid rules: ${problems.join('; ')}`);
  }
  const rules = mergeRules(DEFAULT_RULES, overrides as RulesOverrides);
  const mix = Object.values(rules.contentMix).reduce((sum, part) => sum + part, 0);
  if (Math.abs(mix - 1) > 1e-9) throw new Error(`Invalid rules: rules.contentMix must add up to 1, got ${mix}`);
  return rules;
}

type Env = Record<string, string | undefined>;

/** The rules from `ADVOCACY_RULES` (JSON) and the single-rule variables, which win over it. */
export function rulesFromEnv(env: Env): Rules {
  let overrides: Record<string, Record<string, unknown>> = {};
  const json = env[RULES_VARIABLE];
  if (json !== undefined && json.trim() !== '') {
    try {
      overrides = JSON.parse(json) as typeof overrides;
    } catch (error) {
      throw new Error(`${RULES_VARIABLE} must be JSON: ${(error as Error).message}`, { cause: error });
    }
    if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
      throw new Error(`${RULES_VARIABLE} must be a JSON object such as {"points":{"share":5}}`);
    }
  }
  const sources = new Map<string, string>();
  for (const [name, [group, key]] of Object.entries(RULE_VARIABLES)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    const current = overrides[group] ?? {};
    // A group that is not an object is left for the schema to report.
    if (typeof current !== 'object' || current === null || Array.isArray(current)) continue;
    overrides[group] = { ...current, [key]: Number.isNaN(value) ? raw : value };
    sources.set(`rules.${group}.${key}`, `${name}="${raw}"`);
  }
  return resolveRules(overrides, (field) => sources.get(field) ?? (json === undefined ? undefined : RULES_VARIABLE));
}
