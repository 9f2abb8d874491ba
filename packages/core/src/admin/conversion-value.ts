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
