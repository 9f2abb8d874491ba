/** Bounds on the conversions a company system reports. */
export interface ConversionRules {
  /**
   * The largest `value` one conversion may carry, in its currency's units; a larger one is a
   * field error on `value`. It keeps one wrong or hostile report from swamping the results.
   */
  maxValue: number;
}

/** The largest value the contract lets any backend accept for one conversion (`ConversionInput.value`). */
export const CONVERSION_VALUE_CEILING = 1e12;

/** One million in the conversion's currency unless configured otherwise. */
export const DEFAULT_CONVERSIONS: Readonly<ConversionRules> = /* @__PURE__ */ Object.freeze({ maxValue: 1_000_000 });

/**
 * The source a conversion is recorded under when its system has no name of its own: a plain key
 * in the reference server's `ADVOCACY_API_KEYS`, and the memory backend.
 */
export const DEFAULT_CONVERSION_SOURCE = 'default';
