const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** One formatter per language and kind: a long feed formats hundreds of values per render. */
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.RelativeTimeFormat | Intl.NumberFormat>(key: string, create: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = create()));
  return formatter;
}

/** "3 hours ago", "yesterday", "3時間前": the largest unit that fits, through Intl. */
export function relativeTime(iso: string, lang: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = cached(`r${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'minute');
}

export function formatNumber(value: number, lang: string): string {
  return cached(`n${lang}`, () => new Intl.NumberFormat(lang)).format(value);
}

/**
 * An amount of money in its currency (ISO 4217), as the reader writes it: `¥150,000`, `$19.75`,
 * `€50.00`. A code Intl doesn't know is written after the number instead of failing.
 */
export function formatMoney(value: number, currency: string, lang: string): string {
  try {
    return cached(`m${lang}:${currency}`, () => new Intl.NumberFormat(lang, { style: 'currency', currency })).format(value);
  } catch {
    return `${formatNumber(value, lang)} ${currency}`;
  }
}

/** How many decimals a currency's amounts have (its minor units): 2 for EUR and USD, 0 for JPY. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** A calendar date (`2026-11-27`) as the reader writes it, without moving it across time zones. */
export function formatDay(day: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day.slice(0, 10)}T00:00:00Z`),
  );
}

/** Up to two initials for an avatar without a picture. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toUpperCase();
}
