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

/**
 * Conversion values added up per currency: one entry per currency seen, by value descending
 * (ties: currency code). A conversion without a currency is left out: its value is in no known
 * unit, and adding it to another currency's would be wrong.
 */
export function valueByCurrency(
  conversions: Iterable<{ value: number; currency: string | null }>,
): Array<{ currency: string; value: number }> {
  const sums = new Map<string, number>();
  for (const { value, currency } of conversions) {
    if (currency !== null) sums.set(currency, (sums.get(currency) ?? 0) + value);
  }
  return [...sums]
    .map(([currency, value]) => ({ currency, value }))
    .sort((a, b) => b.value - a.value || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
